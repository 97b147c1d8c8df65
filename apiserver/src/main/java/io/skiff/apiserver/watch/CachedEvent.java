package io.skiff.apiserver.watch;

import io.skiff.api.meta.KubeObject;
import java.nio.charset.StandardCharsets;

/**
 * One change as the watch cache keeps it: decoded once, encoded once, shared by every watcher.
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
    private final byte[] objectJson;
    // Lines per event type, built on first use: a change may reach some watchers as MODIFIED
    // and others as ADDED or DELETED (selection transitions).
    private volatile byte[] added;
    private volatile byte[] modified;
    private volatile byte[] deleted;

    CachedEvent(String type, String key, T object, T previous, long revision, byte[] objectJson) {
        this.type = type;
        this.key = key;
        this.object = object;
        this.previous = previous;
        this.revision = revision;
        this.objectJson = objectJson;
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

    /** The object's JSON as served. */
    public byte[] objectJson() {
        return objectJson;
    }

    /**
     * {@code {"type":"<type>","object":{...}}} and a newline: the line of a watch stream, ready to
     * write in one piece (a websocket message leaves the newline out).
     */
    public byte[] line(String eventType) {
        return switch (eventType) {
            case ADDED -> added != null ? added : (added = build(ADDED, objectJson));
            case MODIFIED -> modified != null ? modified : (modified = build(MODIFIED, objectJson));
            case DELETED -> deleted != null ? deleted : (deleted = build(DELETED, objectJson));
            default -> build(eventType, objectJson);
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
