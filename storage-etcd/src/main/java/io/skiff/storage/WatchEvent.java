package io.skiff.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * One change under a watched prefix, in revision order.
 *
 * <ul>
 *   <li>{@code PUT}: {@code value} is the new value; {@code prevValue} the value before, or null
 *       when the key was created, or when the previous version was compacted away (etcd: only
 *       possible for an event at exactly the compaction revision);
 *       {@code createRevision} is the key's create revision, so {@link #isCreate()} tells an add
 *       from a modification without relying on {@code prevValue}.
 *   <li>{@code DELETE}: {@code value} is null; {@code prevValue} is the deleted value (null only
 *       when already compacted); {@code createRevision} is that of the deleted incarnation, or 0
 *       when unknown.
 * </ul>
 *
 * {@code revision} is the revision of the change itself (the new modRevision for a PUT, the
 * revision of the deletion for a DELETE). Arrays are shared: do not modify them.
 */
public record WatchEvent(Type type, String key, byte[] value, byte[] prevValue, long revision,
                         long createRevision) {
    public enum Type { PUT, DELETE }

    public WatchEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        if (type == Type.PUT) {
            Objects.requireNonNull(value, "a PUT event has a value");
        }
    }

    /** True for the PUT that created this incarnation of the key. */
    public boolean isCreate() {
        return type == Type.PUT && createRevision == revision;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WatchEvent e && type == e.type && key.equals(e.key)
                && Arrays.equals(value, e.value) && Arrays.equals(prevValue, e.prevValue)
                && revision == e.revision && createRevision == e.createRevision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, key, Arrays.hashCode(value), Arrays.hashCode(prevValue), revision,
                createRevision);
    }

    @Override
    public String toString() {
        return type + " " + key + " @" + revision + " (create " + createRevision + ", value "
                + (value == null ? "-" : value.length + " bytes") + ", prev "
                + (prevValue == null ? "-" : prevValue.length + " bytes") + ")";
    }
}
