package io.skiff.api.meta;

/**
 * One line of a watch stream: {@code {"type":"ADDED","object":{...}}}. The object is a hub object
 * (or a {@link Status} for ERROR); it is encoded with its own apiVersion and kind.
 */
public record WatchEvent(String type, ApiObject object) {
    public static final String ADDED = "ADDED";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";
    public static final String BOOKMARK = "BOOKMARK";
    public static final String ERROR = "ERROR";
}
