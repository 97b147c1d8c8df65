package io.skiff.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * One stored key as etcd models it. {@code createRevision} is the revision that created this
 * incarnation of the key (a delete and re-create starts a new one); {@code modRevision} is the
 * revision of its last write and is what a compare-and-swap compares. The value array is shared:
 * do not modify it.
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision) {
    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyValue kv && key.equals(kv.key) && Arrays.equals(value, kv.value)
                && createRevision == kv.createRevision && modRevision == kv.modRevision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(value), createRevision, modRevision);
    }

    @Override
    public String toString() {
        return "KeyValue[" + key + ", " + value.length + " bytes, create " + createRevision
                + ", mod " + modRevision + "]";
    }
}
