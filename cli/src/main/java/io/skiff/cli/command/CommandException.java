package io.skiff.cli.command;

/** A failure a command explains in one line: printed as {@code error: <message>}, exit code 1. */
public class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
