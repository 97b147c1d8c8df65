package io.skiff.api.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random valid selectors: printing then parsing gives the same selector, and it selects the same. */
class LabelSelectorPropertiesTest {

    // Few keys and values, so selectors and label maps meet often; "in"/"notin" test the keyword context.
    private static final List<String> PREFIXES = List.of("", "", "k8s.io/", "example.com/");
    private static final List<String> NAMES = List.of("app", "env", "tier", "a", "b.c", "x_y", "Z-9", "in", "notin");
    private static final List<String> VALUES = List.of("", "a", "b", "prod", "in", "notin", "0", "1", "5", "10", "v1.2_3");
    private static final List<String> NUMBERS = List.of("0", "1", "5", "10", "123");

    @Provide
    Arbitrary<String> keys() {
        return Combinators.combine(Arbitraries.of(PREFIXES), Arbitraries.of(NAMES)).as(String::concat);
    }

    @Provide
    Arbitrary<LabelRequirement> requirements() {
        return Combinators.combine(keys(), Arbitraries.of(Operator.class),
                        Arbitraries.of(VALUES).list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(NUMBERS))
                .as((key, operator, values, number) -> switch (operator) {
                    case IN, NOT_IN -> new LabelRequirement(key, operator, values);
                    case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> new LabelRequirement(key, operator, values.subList(0, 1));
                    case GREATER_THAN, LESS_THAN -> new LabelRequirement(key, operator, List.of(number));
                    case EXISTS, DOES_NOT_EXIST -> new LabelRequirement(key, operator, List.of());
                });
    }

    @Provide
    Arbitrary<LabelSelector> selectors() {
        return requirements().list().ofMaxSize(5).map(LabelSelector::of);
    }

    @Provide
    Arbitrary<Map<String, String>> labelMaps() {
        return Arbitraries.maps(keys(), Arbitraries.of(VALUES)).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> blanks() {
        return Arbitraries.strings().withChars(" \t\r\n").ofMinLength(1).ofMaxLength(3).list().ofSize(64);
    }

    @Property
    void parsesWhatItPrints(@ForAll("selectors") LabelSelector selector) throws InvalidSelectorException {
        LabelSelector reparsed = LabelSelector.parse(selector.toString());
        assertThat(reparsed).isEqualTo(selector);
        assertThat(reparsed.toString()).isEqualTo(selector.toString());
    }

    @Property
    void selectsTheSameAfterTheRoundTrip(@ForAll("selectors") LabelSelector selector,
                                         @ForAll("labelMaps") Map<String, String> labels) throws InvalidSelectorException {
        boolean expected = selector.requirements().stream().allMatch(r -> holds(r, labels));
        assertThat(selector.matches(labels)).isEqualTo(expected);
        assertThat(LabelSelector.parse(selector.toString()).matches(labels)).isEqualTo(expected);
    }

    @Property
    void whitespaceBetweenTokensChangesNothing(@ForAll("selectors") LabelSelector selector,
                                               @ForAll("blanks") List<String> blanks) throws InvalidSelectorException {
        Iterator<String> blank = blanks.iterator();
        StringBuilder spaced = new StringBuilder(blank.next());
        for (String token : tokens(selector)) {
            spaced.append(token).append(blank.hasNext() ? blank.next() : " ");
        }
        assertThat(LabelSelector.parse(spaced.toString())).isEqualTo(selector);
    }

    @Property
    void anExactMatchIsOneEveryMatchingMapHas(@ForAll("selectors") LabelSelector selector,
                                              @ForAll("labelMaps") Map<String, String> labels) {
        for (String name : NAMES) {
            selector.requiresExactMatch(name).ifPresent(value -> {
                if (selector.matches(labels)) {
                    assertThat(labels).containsEntry(name, value);
                }
            });
        }
    }

    /** Kubernetes' documented meaning of each operator, independent of LabelRequirement.matches. */
    private static boolean holds(LabelRequirement requirement, Map<String, String> labels) {
        String actual = labels.get(requirement.key());
        boolean has = labels.containsKey(requirement.key());
        List<String> values = requirement.values();
        return switch (requirement.operator()) {
            case EQUALS, DOUBLE_EQUALS -> has && actual.equals(values.getFirst());
            case NOT_EQUALS -> !has || !actual.equals(values.getFirst());
            case IN -> has && values.contains(actual);
            case NOT_IN -> !has || !values.contains(actual);
            case EXISTS -> has;
            case DOES_NOT_EXIST -> !has;
            case GREATER_THAN -> has && actual.matches("[0-9]+") && Long.parseLong(actual) > Long.parseLong(values.getFirst());
            case LESS_THAN -> has && actual.matches("[0-9]+") && Long.parseLong(actual) < Long.parseLong(values.getFirst());
        };
    }

    /** The selector as separate tokens, empty values left out as the grammar allows. */
    private static List<String> tokens(LabelSelector selector) {
        List<String> tokens = new ArrayList<>();
        for (LabelRequirement r : selector.requirements()) {
            if (!tokens.isEmpty()) {
                tokens.add(",");
            }
            switch (r.operator()) {
                case DOES_NOT_EXIST -> tokens.addAll(List.of("!", r.key()));
                case EXISTS -> tokens.add(r.key());
                case IN, NOT_IN -> {
                    tokens.addAll(List.of(r.key(), r.operator().value(), "("));
                    for (int i = 0; i < r.values().size(); i++) {
                        if (i > 0) {
                            tokens.add(",");
                        }
                        if (!r.values().get(i).isEmpty()) {
                            tokens.add(r.values().get(i));
                        }
                    }
                    tokens.add(")");
                }
                default -> {
                    String symbol = switch (r.operator()) {
                        case GREATER_THAN -> ">";
                        case LESS_THAN -> "<";
                        default -> r.operator().value();
                    };
                    tokens.addAll(List.of(r.key(), symbol));
                    if (!r.values().getFirst().isEmpty()) {
                        tokens.add(r.values().getFirst());
                    }
                }
            }
        }
        return tokens;
    }
}
