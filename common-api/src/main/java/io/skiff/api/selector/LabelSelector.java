package io.skiff.api.selector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector: an AND of {@link LabelRequirement}s, kept sorted by key (ties in the
 * order written) as Kubernetes sorts them, so {@link #toString()} is canonical and
 * {@code parse(s.toString()).equals(s)}. Immutable and thread-safe.
 *
 * <pre>
 *   LabelSelector s = LabelSelector.parse("env in (prod,staging), tier!=db, !canary");
 *   s.matches(Map.of("env", "prod", "tier", "web"));   // true
 *   s.toString();                                      // "!canary,env in (prod,staging),tier!=db"
 * </pre>
 */
public final class LabelSelector {

    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());
    private static final Comparator<LabelRequirement> BY_KEY =
            Comparator.comparing(LabelRequirement::key, Utf8Order.COMPARATOR);

    private final List<LabelRequirement> requirements;

    private LabelSelector(List<LabelRequirement> sortedRequirements) {
        this.requirements = sortedRequirements;
    }

    /** The selector that matches every object: the empty string. */
    public static LabelSelector everything() {
        return EVERYTHING;
    }

    /**
     * Parses Kubernetes' selector syntax: {@code a=b}, {@code a==b}, {@code a!=b},
     * {@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}, {@code a>1}, {@code a<1},
     * joined by commas. Null, empty or blank select everything.
     *
     * @throws InvalidSelectorException with Kubernetes' message, e.g.
     *                                  {@code unable to parse requirement: found '', expected: in, notin, =, ==, !=, gt, lt}
     */
    public static LabelSelector parse(String selector) throws InvalidSelectorException {
        if (selector == null) {
            return EVERYTHING;
        }
        return of(LabelSelectorParser.parse(selector));
    }

    /** The selector of the given requirements, sorted by key. */
    public static LabelSelector of(Collection<LabelRequirement> requirements) {
        List<LabelRequirement> sorted = new ArrayList<>(requirements);
        sorted.sort(BY_KEY); // stable: requirements on one key keep their order
        return sorted.isEmpty() ? EVERYTHING : new LabelSelector(List.copyOf(sorted));
    }

    /**
     * The equality selector of a label map (a replication controller's or service's selector):
     * {@code key=value} for each entry. Like Kubernetes' SelectorFromSet it does not validate; an
     * empty or null map selects everything.
     */
    public static LabelSelector fromMap(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return EVERYTHING;
        }
        List<LabelRequirement> requirements = new ArrayList<>(labels.size());
        labels.forEach((key, value) -> requirements.add(
                new LabelRequirement(key, Operator.EQUALS, List.of(value == null ? "" : value))));
        return of(requirements);
    }

    /** As {@link #fromMap} but every key and value validated (Kubernetes' ValidatedSelectorFromSet). */
    public static LabelSelector validatedFromMap(Map<String, String> labels) throws InvalidSelectorException {
        if (labels == null || labels.isEmpty()) {
            return EVERYTHING;
        }
        List<LabelRequirement> requirements = new ArrayList<>(labels.size());
        for (Map.Entry<String, String> entry : labels.entrySet()) {
            requirements.add(LabelRequirement.create(entry.getKey(), Operator.EQUALS, List.of(entry.getValue())));
        }
        return of(requirements);
    }

    /** This selector with more requirements ANDed in. */
    public LabelSelector and(LabelRequirement... more) {
        List<LabelRequirement> all = new ArrayList<>(requirements);
        all.addAll(Arrays.asList(more));
        return of(all);
    }

    /** Whether every requirement holds for the labels (null means no labels). */
    public boolean matches(Map<String, String> labels) {
        for (LabelRequirement requirement : requirements) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** True when the selector does not restrict anything. */
    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** The requirements, sorted by key; immutable. */
    public List<LabelRequirement> requirements() {
        return requirements;
    }

    /**
     * The single value {@code key} must have for a match, if the selector pins it ({@code key=v},
     * {@code key==v} or {@code key in (v)}); lets a caller use an index instead of a scan. As in
     * Kubernetes, only the first requirement on the key is looked at.
     */
    public Optional<String> requiresExactMatch(String key) {
        for (LabelRequirement requirement : requirements) {
            if (requirement.key().equals(key)) {
                return switch (requirement.operator()) {
                    case EQUALS, DOUBLE_EQUALS, IN -> requirement.values().size() == 1
                            ? Optional.of(requirement.values().getFirst()) : Optional.empty();
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }

    /** The canonical form: requirements sorted by key, joined by ','; "" for everything. */
    @Override
    public String toString() {
        return requirements.stream().map(LabelRequirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelector other && requirements.equals(other.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }
}
