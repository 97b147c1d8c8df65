package io.skiff.storage;

/** The backend cannot be reached or refused to serve (no leader, closed, disk error). */
public final class StorageUnavailableException extends StorageException {
    public StorageUnavailableException(String message) {
        super(message);
    }

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
