package io.skiff.api.selector;

/**
 * A label or field selector that cannot be parsed, or names a field a kind does not support. The
 * message is Kubernetes' own (e.g. {@code unable to parse requirement: found '(', expected: ...},
 * {@code field label not supported: foo}); the apiserver answers it as 400 BadRequest.
 */
public class InvalidSelectorException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSelectorException(String message) {
        super(message);
    }
}
