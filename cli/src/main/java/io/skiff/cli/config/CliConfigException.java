package io.skiff.cli.config;

/** The config file cannot be read, parsed or written; the message names the file. */
public class CliConfigException extends Exception {
    public CliConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
