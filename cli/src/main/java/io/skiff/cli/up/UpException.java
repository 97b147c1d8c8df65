package io.skiff.cli.up;

/** {@code skiff up} cannot start; the message says why and what to do, for the user. */
public final class UpException extends Exception {
    public UpException(String message) {
        super(message);
    }

    public UpException(String message, Throwable cause) {
        super(message, cause);
    }
}
