package io.skiff.api.selector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Kubernetes field selector: an AND of {@code field=value} / {@code field==value} /
 * {@code field!=value} terms, values escaping {@code \ , =} with a backslash, as
 * {@code fields.ParseSelector} reads them. The caller supplies an object's selectable fields
 * (e.g. {@code metadata.name}, {@code metadata.namespace}, {@code spec.nodeName},
 * {@code status.phase}) to {@link #matches}; {@link #restrictTo} turns a field a kind does not
 * support into Kubernetes' {@code field label not supported: foo}. Immutable and thread-safe.
 *
 * <p>Terms are kept sorted by their canonical text, so {@link #toString()} is canonical and
 * {@code parse(s.toString()).equals(s)}.
 */
public final class FieldSelector {

    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());
    private static final Comparator<FieldRequirement> CANONICAL =
            Comparator.comparing(FieldRequirement::toString, Utf8Order.COMPARATOR);

    private final List<FieldRequirement> requirements;

    private FieldSelector(List<FieldRequirement> sortedRequirements) {
        this.requirements = sortedRequirements;
    }

    /** Maps one term to another (rename a legacy field, check it is supported, ...). */
    @FunctionalInterface
    public interface Transform {
        /** The new term; one with an empty field and an empty value drops the term. */
        FieldRequirement apply(FieldRequirement requirement) throws InvalidSelectorException;
    }

    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /**
     * Parses {@code a=b,c!=d,e==f}; empty terms are skipped, so null, "" and "," select everything.
     *
     * @throws InvalidSelectorException with Kubernetes' message, e.g.
     *                                  {@code invalid selector: 'x'; can't understand 'x'} or
     *                                  {@code invalid field selector: invalid escape sequence: \x}
     */
    public static FieldSelector parse(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isEmpty()) {
            return EVERYTHING;
        }
        List<FieldRequirement> requirements = new ArrayList<>();
        List<String> terms = splitTerms(selector);
        terms.sort(Utf8Order.COMPARATOR); // as Kubernetes, so the same bad term is reported first
        for (String term : terms) {
            if (term.isEmpty()) {
                continue;
            }
            int at = operatorIndex(term);
            if (at < 0) {
                throw new InvalidSelectorException("invalid selector: '" + selector + "'; can't understand '" + term + "'");
            }
            String field = term.substring(0, at);
            boolean notEquals = term.startsWith("!=", at);
            int valueStart = at + (notEquals || term.startsWith("==", at) ? 2 : 1);
            String value = unescapeValue(term.substring(valueStart));
            requirements.add(new FieldRequirement(field, notEquals ? Operator.NOT_EQUALS : Operator.EQUALS, value));
        }
        return of(requirements);
    }

    /** The selector of the given terms. */
    public static FieldSelector of(Collection<FieldRequirement> requirements) {
        List<FieldRequirement> sorted = new ArrayList<>(requirements);
        sorted.sort(CANONICAL);
        return sorted.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(sorted));
    }

    /** {@code field=value} for each entry; null or empty selects everything. */
    public static FieldSelector fromMap(Map<String, String> fields) {
        if (fields == null) {
            return EVERYTHING;
        }
        List<FieldRequirement> requirements = new ArrayList<>(fields.size());
        fields.forEach((field, value) ->
                requirements.add(new FieldRequirement(field, Operator.EQUALS, value == null ? "" : value)));
        return of(requirements);
    }

    /** The selector {@code field=value}. */
    public static FieldSelector oneTermEqual(String field, String value) {
        return of(List.of(new FieldRequirement(field, Operator.EQUALS, value)));
    }

    /**
     * Whether every term holds for an object whose selectable fields are {@code fields}; a field
     * missing from the map reads as "".
     */
    public boolean matches(Map<String, String> fields) {
        for (FieldRequirement requirement : requirements) {
            if (!requirement.matches(fields)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** The terms, in canonical order; immutable. */
    public List<FieldRequirement> requirements() {
        return requirements;
    }

    /** The value {@code field} must equal for a match, if some {@code field=value} term says so. */
    public Optional<String> requiresExactMatch(String field) {
        for (FieldRequirement requirement : requirements) {
            if (requirement.operator() == Operator.EQUALS && requirement.field().equals(field)) {
                return Optional.of(requirement.value());
            }
        }
        return Optional.empty();
    }

    /** Every term through {@code transform}; the first failure is thrown. */
    public FieldSelector transform(Transform transform) throws InvalidSelectorException {
        List<FieldRequirement> next = new ArrayList<>(requirements.size());
        for (FieldRequirement requirement : requirements) {
            FieldRequirement mapped = transform.apply(requirement);
            if (!mapped.field().isEmpty() || !mapped.value().isEmpty()) {
                next.add(mapped);
            }
        }
        return of(next);
    }

    /**
     * This selector if it names only {@code supported} fields (a kind's selectable fields);
     * otherwise {@code field label not supported: <field>}, which the apiserver answers as 400.
     */
    public FieldSelector restrictTo(Collection<String> supported) throws InvalidSelectorException {
        return transform(requirement -> {
            if (!supported.contains(requirement.field())) {
                throw new InvalidSelectorException("field label not supported: " + requirement.field());
            }
            return requirement;
        });
    }

    /** The canonical form, terms joined by ','; "" for everything. */
    @Override
    public String toString() {
        return requirements.stream().map(FieldRequirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSelector other && requirements.equals(other.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }

    // ---- escaping, as fields.EscapeValue / UnescapeValue ----

    /** Escapes {@code \ , =} with a backslash so a value can stand in a selector. */
    public static String escapeValue(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == ',' || c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The literal value of an escaped one: only {@code \\ \, \=} are escapes; bare , and = are errors. */
    public static String unescapeValue(String value) throws InvalidSelectorException {
        if (value.indexOf('\\') < 0 && value.indexOf(',') < 0 && value.indexOf('=') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean inSlash = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (inSlash) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw new InvalidSelectorException("invalid field selector: invalid escape sequence: \\"
                            + Character.toString(c));
                }
                out.appendCodePoint(c);
                inSlash = false;
            } else if (c == '\\') {
                inSlash = true;
            } else if (c == ',' || c == '=') {
                // Kubernetes prints the rune with %v, which Go renders as its code point number.
                throw new InvalidSelectorException("invalid field selector: unescaped character in value: " + c);
            } else {
                out.appendCodePoint(c);
            }
        }
        if (inSlash) {
            throw new InvalidSelectorException("invalid field selector: invalid escape sequence: \\");
        }
        return out.toString();
    }

    /** Splits at commas that are not escaped; the escapes stay in the terms. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int start = 0;
        boolean inSlash = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (inSlash) {
                inSlash = false;
            } else if (c == '\\') {
                inSlash = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    /** Where the first operator of a term starts; the field part cannot be escaped. */
    private static int operatorIndex(String term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '=' || (c == '!' && term.startsWith("!=", i))) {
                return i;
            }
        }
        return -1;
    }
}
