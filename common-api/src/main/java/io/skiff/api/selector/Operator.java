package io.skiff.api.selector;

/** The operators of a selector requirement, spelled as Kubernetes' {@code selection.Operator}. */
public enum Operator {
    DOES_NOT_EXIST("!"),
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    IN("in"),
    NOT_EQUALS("!="),
    NOT_IN("notin"),
    EXISTS("exists"),
    GREATER_THAN("gt"),
    LESS_THAN("lt");

    private final String value;

    Operator(String value) {
        this.value = value;
    }

    /** Kubernetes' spelling, e.g. {@code notin}, {@code gt}. */
    public String value() {
        return value;
    }
}
