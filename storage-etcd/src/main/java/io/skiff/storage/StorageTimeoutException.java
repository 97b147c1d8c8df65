package io.skiff.storage;

/**
 * The call did not finish within the request timeout. For a write the outcome is unknown: it
 * may still be applied, so callers re-read before retrying a create or a CAS.
 */
public final class StorageTimeoutException extends StorageException {
    public StorageTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
