package io.skiff.storage;

/** A create found the key already present; {@link #existing()} is what is stored there. */
public final class KeyExistsException extends StorageException {
    private final transient KeyValue existing;

    public KeyExistsException(KeyValue existing) {
        super("key already exists: " + existing.key() + " (modRevision " + existing.modRevision() + ")");
        this.existing = existing;
    }

    public KeyValue existing() {
        return existing;
    }
}
