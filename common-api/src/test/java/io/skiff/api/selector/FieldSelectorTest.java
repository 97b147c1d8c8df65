package io.skiff.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSelectorTest {

    /** The selectable fields of a pod, as the apiserver would supply them. */
    private static final Set<String> POD_FIELDS = Set.of("metadata.name", "metadata.namespace", "spec.nodeName",
            "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP");

    static Stream<Arguments> parsing() {
        return Stream.of(
                arguments("", List.of(), ""),
                arguments(",", List.of(), ""),
                arguments("a=b", List.of(eq("a", "b")), "a=b"),
                arguments("a==b", List.of(eq("a", "b")), "a=b"),
                arguments("a!=b", List.of(ne("a", "b")), "a!=b"),
                arguments("a=", List.of(eq("a", "")), "a="),
                arguments("b=1,a=2", List.of(eq("a", "2"), eq("b", "1")), "a=2,b=1"),
                arguments("a=b,,c=d", List.of(eq("a", "b"), eq("c", "d")), "a=b,c=d"),
                arguments("metadata.name=web,status.phase!=Running",
                        List.of(eq("metadata.name", "web"), ne("status.phase", "Running")), "metadata.name=web,status.phase!=Running"),
                // backslash escapes ',' '=' and '\' in values
                arguments("a=b\\,c", List.of(eq("a", "b,c")), "a=b\\,c"),
                arguments("a=b\\=c", List.of(eq("a", "b=c")), "a=b\\=c"),
                arguments("a=b\\\\c", List.of(eq("a", "b\\c")), "a=b\\\\c"),
                arguments("a=\\\\", List.of(eq("a", "\\")), "a=\\\\"),
                arguments("a!=\\=", List.of(ne("a", "=")), "a!=\\="),
                arguments("a=x\\,y,b=z", List.of(eq("a", "x,y"), eq("b", "z")), "a=x\\,y,b=z"),
                // the field part cannot be escaped: the first operator splits
                arguments("a\\,b=c", List.of(eq("a\\,b", "c")), "a\\,b=c"),
                arguments("a=!b", List.of(eq("a", "!b")), "a=!b"),
                // "==" sorts before "=": the canonical order follows the canonical text
                arguments("a==x,a=b", List.of(eq("a", "b"), eq("a", "x")), "a=b,a=x"));
    }

    private static FieldRequirement eq(String field, String value) {
        return new FieldRequirement(field, Operator.EQUALS, value);
    }

    private static FieldRequirement ne(String field, String value) {
        return new FieldRequirement(field, Operator.NOT_EQUALS, value);
    }

    @ParameterizedTest
    @MethodSource("parsing")
    void parsesEscapesAndPrintsCanonically(String input, List<FieldRequirement> requirements, String canonical)
            throws InvalidSelectorException {
        FieldSelector selector = FieldSelector.parse(input);
        assertThat(selector.requirements()).containsExactlyElementsOf(requirements);
        assertThat(selector).hasToString(canonical);
        assertThat(FieldSelector.parse(canonical)).isEqualTo(selector).hasSameHashCodeAs(selector);
        assertThat(selector.isEmpty()).isEqualTo(requirements.isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a                 | invalid selector: 'a'; can't understand 'a'
            a!b               | invalid selector: 'a!b'; can't understand 'a!b'
            z=1,a             | invalid selector: 'z=1,a'; can't understand 'a'
            z,a               | invalid selector: 'z,a'; can't understand 'a'
            a=b=c             | invalid field selector: unescaped character in value: 61
            a!==b             | invalid field selector: unescaped character in value: 61
            a=b\\x            | invalid field selector: invalid escape sequence: \\x
            a=b\\             | invalid field selector: invalid escape sequence: \\
            """)
    void rejectsWithKubernetesMessages(String input, String message) {
        assertThatThrownBy(() -> FieldSelector.parse(input))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> matching() {
        Map<String, String> scheduled = Map.of("metadata.name", "web-1", "metadata.namespace", "default",
                "spec.nodeName", "node-1", "status.phase", "Running");
        Map<String, String> pending = Map.of("metadata.name", "web-2", "metadata.namespace", "default",
                "spec.nodeName", "", "status.phase", "Pending");
        Map<String, String> unset = Map.of("metadata.name", "web-3");
        return Stream.of(
                arguments("", scheduled, true),
                arguments("metadata.name=web-1", scheduled, true),
                arguments("metadata.name=web-1", pending, false),
                arguments("metadata.name!=web-1", pending, true),
                arguments("spec.nodeName=node-1,status.phase=Running", scheduled, true),
                arguments("spec.nodeName=node-1,status.phase!=Running", scheduled, false),
                // the scheduler's "unscheduled pods" and the kubelet's "my pods"
                arguments("spec.nodeName=", pending, true),
                arguments("spec.nodeName=", scheduled, false),
                arguments("spec.nodeName=", unset, true),
                arguments("spec.nodeName!=", scheduled, true),
                arguments("spec.nodeName!=", unset, false),
                arguments("status.phase!=Succeeded,status.phase!=Failed", pending, true),
                arguments("metadata.namespace==default", pending, true));
    }

    @ParameterizedTest
    @MethodSource("matching")
    void matchesTheSuppliedFields(String selector, Map<String, String> fields, boolean expected) throws InvalidSelectorException {
        assertThat(FieldSelector.parse(selector).matches(fields)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
            metadata.name=web                      | metadata.name | web
            metadata.name==web                     | metadata.name | web
            metadata.name!=web                     | metadata.name | NONE
            spec.nodeName=                         | spec.nodeName | ""
            status.phase=Running                   | spec.nodeName | NONE
            "spec.nodeName!=x,spec.nodeName=y"     | spec.nodeName | y
            """)
    void tellsTheExactValueAFieldMustHave(String selector, String field, String value) throws InvalidSelectorException {
        assertThat(FieldSelector.parse(selector).requiresExactMatch(field).orElse(null)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            metadata.name=web,spec.nodeName=n1     | ""
            ""                                     | ""
            foo=bar                                | field label not supported: foo
            "status.phase=Running,spec.host=n1"    | field label not supported: spec.host
            "=x"                                   | "field label not supported: "
            """)
    void restrictsToTheFieldsAKindSupports(String selector, String error) throws InvalidSelectorException {
        FieldSelector parsed = FieldSelector.parse(selector);
        if (error.isEmpty()) {
            assertThat(parsed.restrictTo(POD_FIELDS)).isEqualTo(parsed);
        } else {
            assertThatThrownBy(() -> parsed.restrictTo(POD_FIELDS)).isInstanceOf(InvalidSelectorException.class).hasMessage(error);
        }
    }

    @Test
    void transformsRenameAndDropTerms() throws InvalidSelectorException {
        // v1 clients may still send spec.host; Kubernetes reads it as spec.nodeName
        FieldSelector renamed = FieldSelector.parse("spec.host=n1,status.phase=Running").transform(r ->
                r.field().equals("spec.host") ? new FieldRequirement("spec.nodeName", r.operator(), r.value()) : r);
        assertThat(renamed).hasToString("spec.nodeName=n1,status.phase=Running");
        FieldSelector dropped = FieldSelector.parse("a=1,b=2").transform(r ->
                r.field().equals("a") ? new FieldRequirement("", Operator.EQUALS, "") : r);
        assertThat(dropped).hasToString("b=2");
        assertThatThrownBy(() -> FieldSelector.parse("a=1").transform(r -> {
            throw new InvalidSelectorException("nope: " + r.field());
        })).hasMessage("nope: a");
    }

    @Test
    void buildsFromMapsAndSingleTerms() throws InvalidSelectorException {
        assertThat(FieldSelector.fromMap(Map.of("spec.nodeName", "n1", "metadata.name", "a,b")))
                .hasToString("metadata.name=a\\,b,spec.nodeName=n1")
                .isEqualTo(FieldSelector.parse("spec.nodeName=n1,metadata.name=a\\,b"));
        assertThat(FieldSelector.oneTermEqual("spec.nodeName", "n1")).isEqualTo(FieldSelector.parse("spec.nodeName==n1"));
        assertThat(FieldSelector.fromMap(null)).isEqualTo(FieldSelector.everything());
        assertThat(FieldSelector.parse(null)).isEqualTo(FieldSelector.everything());
        assertThat(FieldSelector.everything().matches(null)).isTrue();
        assertThatThrownBy(() -> new FieldRequirement("a", Operator.IN, "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            plain        | plain
            a,b          | a\\,b
            a=b          | a\\=b
            a\\b         | a\\\\b
            ,=\\         | \\,\\=\\\\
            ""           | ""
            """)
    void escapesValuesAsKubernetes(String raw, String escaped) throws InvalidSelectorException {
        assertThat(FieldSelector.escapeValue(raw)).isEqualTo(escaped);
        assertThat(FieldSelector.unescapeValue(escaped)).isEqualTo(raw);
    }
}
