package io.skiff.api.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random field selectors whose values hold the characters that need escaping. */
class FieldSelectorPropertiesTest {

    private static final List<String> FIELDS = List.of("metadata.name", "metadata.namespace", "spec.nodeName", "status.phase");

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("ab,=\\! é").ofMaxLength(6);
    }

    @Provide
    Arbitrary<FieldSelector> selectors() {
        Arbitrary<FieldRequirement> requirement = Combinators.combine(Arbitraries.of(FIELDS),
                        Arbitraries.of(Operator.EQUALS, Operator.NOT_EQUALS), values())
                .as(FieldRequirement::new);
        return requirement.list().ofMaxSize(4).map(FieldSelector::of);
    }

    @Provide
    Arbitrary<Map<String, String>> objects() {
        return Arbitraries.maps(Arbitraries.of(FIELDS), values()).ofMaxSize(4);
    }

    @Property
    void escapingIsUndone(@ForAll("values") String value) throws InvalidSelectorException {
        assertThat(FieldSelector.unescapeValue(FieldSelector.escapeValue(value))).isEqualTo(value);
    }

    @Property
    void parsesWhatItPrints(@ForAll("selectors") FieldSelector selector) throws InvalidSelectorException {
        FieldSelector reparsed = FieldSelector.parse(selector.toString());
        assertThat(reparsed).isEqualTo(selector);
        assertThat(reparsed.toString()).isEqualTo(selector.toString());
    }

    @Property
    void selectsTheSameAfterTheRoundTrip(@ForAll("selectors") FieldSelector selector,
                                         @ForAll("objects") Map<String, String> fields) throws InvalidSelectorException {
        boolean expected = selector.requirements().stream().allMatch(r ->
                fields.getOrDefault(r.field(), "").equals(r.value()) == (r.operator() == Operator.EQUALS));
        assertThat(selector.matches(fields)).isEqualTo(expected);
        assertThat(FieldSelector.parse(selector.toString()).matches(fields)).isEqualTo(expected);
    }
}
