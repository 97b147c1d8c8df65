package io.skiff.storage;

/**
 * A storage call failed. Subclasses say why, so callers can map them to API errors (404, 409,
 * 410, 504, 503); a plain {@code StorageException} is an unexpected backend failure.
 */
public class StorageException extends Exception {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
