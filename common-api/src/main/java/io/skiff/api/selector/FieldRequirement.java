package io.skiff.api.selector;

import java.util.Map;
import java.util.Objects;

/**
 * One term of a {@link FieldSelector}: {@code field=value} ({@link Operator#EQUALS}; "==" parses to
 * it too) or {@code field!=value} ({@link Operator#NOT_EQUALS}). Kubernetes' {@code fields.Requirement}.
 */
public record FieldRequirement(String field, Operator operator, String value) {

    public FieldRequirement {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (operator != Operator.EQUALS && operator != Operator.NOT_EQUALS) {
            throw new IllegalArgumentException("a field selector compares with = or !=, not " + operator);
        }
    }

    /** A field the object does not have reads as "", as Kubernetes' fields.Set does. */
    public boolean matches(Map<String, String> fields) {
        String actual = fields == null ? "" : fields.getOrDefault(field, "");
        return operator == Operator.EQUALS ? value.equals(actual) : !value.equals(actual);
    }

    /** {@code field=value} or {@code field!=value}, the value escaped so it parses back. */
    @Override
    public String toString() {
        return field + (operator == Operator.EQUALS ? "=" : "!=") + FieldSelector.escapeValue(value);
    }
}
