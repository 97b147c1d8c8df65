package io.skiff.storage;

/**
 * A compare-and-swap lost: the key's modRevision is not the one the caller expected.
 * {@link #current()} is the object as it is now, so a read-modify-write loop can retry without
 * another read.
 */
public final class ConflictException extends StorageException {
    private final long expectedModRevision;
    private final transient KeyValue current;

    public ConflictException(long expectedModRevision, KeyValue current) {
        super("conflict on " + current.key() + ": expected modRevision " + expectedModRevision
                + ", current is " + current.modRevision());
        this.expectedModRevision = expectedModRevision;
        this.current = current;
    }

    public long expectedModRevision() {
        return expectedModRevision;
    }

    public KeyValue current() {
        return current;
    }
}
