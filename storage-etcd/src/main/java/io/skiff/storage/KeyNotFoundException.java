package io.skiff.storage;

/** The key does not exist (update or delete of an absent key). */
public final class KeyNotFoundException extends StorageException {
    private final String key;

    public KeyNotFoundException(String key) {
        super("key not found: " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
