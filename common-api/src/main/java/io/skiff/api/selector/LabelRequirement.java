package io.skiff.api.selector;

import io.skiff.api.validation.ErrorList;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.api.validation.Validation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One term of a {@link LabelSelector}: a key, an operator and its values, Kubernetes'
 * {@code labels.Requirement}. Values are kept as a sorted set (Kubernetes parses them into one), so
 * equal requirements are equal records.
 *
 * <p>The constructor checks only the shape (how many values the operator takes); {@link #create}
 * also validates the key and values as Kubernetes' {@code NewRequirement} does, and is what user
 * input goes through.
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

    private static final Pattern GO_INT64 = Pattern.compile("[+-]?[0-9]+");

    public LabelRequirement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        values = values.stream().map(v -> Objects.requireNonNull(v, "value"))
                .distinct().sorted(Utf8Order.COMPARATOR).toList();
        if (!takes(operator, values.size())) {
            throw new IllegalArgumentException("operator " + operator.value() + " cannot take " + values.size() + " values");
        }
    }

    private static boolean takes(Operator operator, int count) {
        return switch (operator) {
            case IN, NOT_IN -> count > 0;
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER_THAN, LESS_THAN -> count == 1;
            case EXISTS, DOES_NOT_EXIST -> count == 0;
        };
    }

    /**
     * A validated requirement, or every problem with it worded as Kubernetes' NewRequirement words
     * them (e.g. {@code key: Invalid value: "-a": name part must ...}).
     */
    public static LabelRequirement create(String key, Operator operator, List<String> values)
            throws InvalidSelectorException {
        ErrorList errors = validate(key, operator, values, null);
        if (!errors.isEmpty()) {
            throw new InvalidSelectorException(errors.aggregateMessage());
        }
        return new LabelRequirement(key, operator, values);
    }

    /** NewRequirement's checks; {@code path} prefixes the error fields (null: none, as Kubernetes). */
    static ErrorList validate(String key, Operator operator, List<String> values, FieldPath path) {
        ErrorList errors = new ErrorList();
        FieldPath keyPath = path == null ? FieldPath.root("key") : path.child("key");
        FieldPath valuePath = path == null ? FieldPath.root("values") : path.child("values");
        List<String> keyProblems = Validation.isQualifiedName(key);
        if (!keyProblems.isEmpty()) {
            errors.add(FieldError.invalid(keyPath, key, String.join("; ", keyProblems)));
        }
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    errors.add(FieldError.invalid(valuePath, values, "for 'in', 'notin' operators, values set can't be empty"));
                }
            }
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                if (values.size() != 1) {
                    errors.add(FieldError.invalid(valuePath, values, "exact-match compatibility requires one single value"));
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    errors.add(FieldError.invalid(valuePath, values, "values set must be empty for exists and does not exist"));
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    errors.add(FieldError.invalid(valuePath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
                }
                for (int i = 0; i < values.size(); i++) {
                    if (parseInt64(values.get(i)) == null) {
                        errors.add(FieldError.invalid(valuePath.index(i), values.get(i),
                                "for 'Gt', 'Lt' operators, the value must be an integer"));
                    }
                }
            }
        }
        for (int i = 0; i < values.size(); i++) {
            List<String> valueProblems = Validation.isValidLabelValue(values.get(i));
            if (!valueProblems.isEmpty()) {
                errors.add(FieldError.invalid(valuePath.index(i).key(key), values.get(i), String.join("; ", valueProblems)));
            }
        }
        return errors;
    }

    /** Whether a set of labels satisfies this requirement; a missing key satisfies only !, notin, !=. */
    public boolean matches(Map<String, String> labels) {
        Map<String, String> ls = labels == null ? Map.of() : labels;
        boolean has = ls.containsKey(key);
        String value = ls.get(key);
        return switch (operator) {
            case IN, EQUALS, DOUBLE_EQUALS -> has && values.contains(value);
            case NOT_IN, NOT_EQUALS -> !has || !values.contains(value);
            case EXISTS -> has;
            case DOES_NOT_EXIST -> !has;
            case GREATER_THAN, LESS_THAN -> {
                Long actual = has ? parseInt64(value) : null;
                Long bound = parseInt64(values.getFirst());
                if (actual == null || bound == null) {
                    yield false;
                }
                yield operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
            }
        };
    }

    /** Go's strconv.ParseInt(s, 10, 64): optional sign, ASCII digits, in range; else null. */
    private static Long parseInt64(String s) {
        if (s == null || !GO_INT64.matcher(s).matches()) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException outOfRange) {
            return null;
        }
    }

    /** Kubernetes' form: {@code a=b}, {@code a!=b}, {@code a in (x,y)}, {@code !a}, {@code a>3}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (operator == Operator.DOES_NOT_EXIST) {
            out.append('!');
        }
        out.append(key);
        switch (operator) {
            case EQUALS -> out.append('=');
            case DOUBLE_EQUALS -> out.append("==");
            case NOT_EQUALS -> out.append("!=");
            case IN -> out.append(" in ");
            case NOT_IN -> out.append(" notin ");
            case GREATER_THAN -> out.append('>');
            case LESS_THAN -> out.append('<');
            case EXISTS, DOES_NOT_EXIST -> {
                return out.toString();
            }
        }
        boolean set = operator == Operator.IN || operator == Operator.NOT_IN;
        return out.append(set ? "(" : "").append(String.join(",", values)).append(set ? ")" : "").toString();
    }
}
