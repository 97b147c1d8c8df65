package io.skiff.api.resource;

/** A quantity string that does not parse; the message says what is wrong, for validation to report. */
public final class InvalidQuantityException extends IllegalArgumentException {
    private final String input;

    public InvalidQuantityException(String input, String why) {
        super("quantity \"" + input + "\" is invalid: " + why
                + " (expected e.g. 100m, 0.5, 128Mi, 1G, 1e3)");
        this.input = input;
    }

    public String input() {
        return input;
    }
}
