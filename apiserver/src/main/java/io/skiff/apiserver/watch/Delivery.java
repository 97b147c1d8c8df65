package io.skiff.apiserver.watch;

import io.skiff.api.meta.KubeObject;

/**
 * One item of a watcher's stream: an event as this watcher sees it ({@code type} may differ from
 * the event's own, see {@link CachedEvent}), a bookmark, or the end of the stream.
 */
public record Delivery<T extends KubeObject>(String type, CachedEvent<T> event, byte[] line, long revision) {
    public static final String BOOKMARK = "BOOKMARK";
    static final String END = "END";

    static <T extends KubeObject> Delivery<T> of(String type, CachedEvent<T> event) {
        return new Delivery<>(type, event, null, event.revision());
    }

    public boolean isEnd() {
        return END.equals(type);
    }

    /** The line to send: {@code {"type":...,"object":...}} and a newline. */
    public byte[] bytes() {
        return line != null ? line : event.line(type);
    }
}
