package io.skiff.apiserver.patch;

/** A patch that cannot be applied (malformed, or a failed JSON patch test). */
public final class PatchException extends RuntimeException {
    private final boolean malformed;

    public PatchException(String message) {
        this(message, true);
    }

    public PatchException(String message, boolean malformed) {
        super(message);
        this.malformed = malformed;
    }

    /** True when the patch document itself is bad (400); false when applying it failed (422). */
    public boolean malformed() {
        return malformed;
    }
}
