package io.skiff.apiserver.watch;

import io.skiff.api.meta.KubeObject;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One change as the watch cache keeps it: decoded once, encoded once, shared by every watcher.
 * The encoding happens on first use, by the first watcher that sends it, not by the cache's
 * dispatcher: a change nobody watches is never encoded, and the dispatcher (one thread, holding
 * the cache's lock) only queues.
 * {@code object} is the new state (for DELETED the last state, with the deletion's revision as
 * resourceVersion); {@code previous} the state before (null for ADDED), which decides whether a
 * change enters or leaves a watcher's selection.
 */
public final class CachedEvent<T extends KubeObject> {
    public static final String ADDED = "ADDED";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";

    private final String type;
    private final String key;
    private final T object;
    private final T previous;
    private final long revision;
    private final Function<? super T, byte[]> encoder;
    private volatile byte[] objectJson;
    // Lines per event type, built on first use: a change may reach some watchers as MODIFIED
    // and others as ADDED or DELETED (selection transitions).
    private volatile byte[] added;
    private volatile byte[] modified;
    private volatile byte[] deleted;

    CachedEvent(String type, String key, T object, T previous, long revision, Function<? super T, byte[]> encoder) {
        this.type = type;
        this.key = key;
        this.object = object;
        this.previous = previous;
        this.revision = revision;
        this.encoder = encoder;
    }

    public String type() {
        return type;
    }

    public String key() {
        return key;
    }

    public T object() {
        return object;
    }

    public T previous() {
        return previous;
    }

    public long revision() {
        return revision;
    }

    /** The object's JSON as served, encoded once (a thousand watchers waking at once wait for one encoding). */
    public byte[] objectJson() {
        byte[] json = objectJson;
        if (json == null) {
            synchronized (this) {
                json = objectJson;
                if (json == null) {
                    objectJson = json = encoder.apply(object);
                }
            }
        }
        return json;
    }

    /**
     * {@code {"type":"<type>","object":{...}}} and a newline: the line of a watch stream, ready to
     * write in one piece (a websocket message leaves the newline out).
     */
    public byte[] line(String eventType) {
        byte[] line = switch (eventType) {
            case ADDED -> added;
            case MODIFIED -> modified;
            case DELETED -> deleted;
            default -> null;
        };
        return line != null ? line : buildLine(eventType);
    }

    private synchronized byte[] buildLine(String eventType) {
        return switch (eventType) {
            case ADDED -> added != null ? added : (added = build(ADDED, objectJson()));
            case MODIFIED -> modified != null ? modified : (modified = build(MODIFIED, objectJson()));
            case DELETED -> deleted != null ? deleted : (deleted = build(DELETED, objectJson()));
            default -> build(eventType, objectJson());
        };
    }

    static byte[] build(String eventType, byte[] json) {
        byte[] head = ("{\"type\":\"" + eventType + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(json, 0, line, head.length, json.length);
        line[line.length - 2] = '}';
        line[line.length - 1] = '\n';
        return line;
    }

    @Override
    public String toString() {
        return type + " " + key + " @" + revision;
    }
}
