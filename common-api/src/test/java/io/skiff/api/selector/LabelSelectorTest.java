package io.skiff.api.selector;

import static io.skiff.api.validation.KubernetesText.DNS1123_SUBDOMAIN;
import static io.skiff.api.validation.KubernetesText.LABEL_VALUE;
import static io.skiff.api.validation.KubernetesText.QUALIFIED_NAME_PART;
import static io.skiff.api.validation.KubernetesText.QUALIFIED_NAME_TOO_MANY_SLASHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorTest {

    /** Input, then the canonical form Kubernetes' String() prints for it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                              | ""
            "   "                           | ""
            a=b                             | a=b
            a==b                            | a==b
            a!=b                            | a!=b
            a                               | a
            !a                              | !a
            " a = b , c != d "              | a=b,c!=d
            a==                             | a==
            "env in (prod, staging)"        | env in (prod,staging)
            "env in (staging,prod,prod)"    | env in (prod,staging)
            "env in(prod)"                  | env in (prod)
            "tier notin (x)"                | tier notin (x)
            "tier notin(b,a)"               | tier notin (a,b)
            "a in (b,c),!d"                 | a in (b,c),!d
            "!d,a in (b,c)"                 | a in (b,c),!d
            z=1,a=2                         | a=2,z=1
            "x notin ()"                    | x notin ()
            "x in ()"                       | x in ()
            "x in (,a)"                     | x in (,a)
            "x in (a,)"                     | x in (,a)
            "x in (a,,b)"                   | x in (,a,b)
            "x in (,)"                      | x in ()
            a=                              | a=
            "a=,b"                          | a=,b
            "a!="                           | a!=
            "in in (in)"                    | in in (in)
            "notin notin (notin, in)"       | notin notin (in,notin)
            "x=in"                          | x=in
            x>1                             | x>1
            "x < 10"                        | x<10
            k8s.io/app=web                  | k8s.io/app=web
            "a=b,a=c"                       | a=b,a=c
            "a=c,a=b"                       | a=c,a=b
            "b=1,a!=2,b!=3"                 | a!=2,b=1,b!=3
            "!a,b"                          | !a,b
            "! a"                           | !a
            """)
    void parsesAndPrintsCanonically(String input, String canonical) throws InvalidSelectorException {
        LabelSelector selector = LabelSelector.parse(input);
        assertThat(selector).hasToString(canonical);
        assertThat(LabelSelector.parse(canonical)).isEqualTo(selector).hasSameHashCodeAs(selector);
    }

    @Test
    void toleratesSpacesTabsAndNewlinesBetweenTokens() throws InvalidSelectorException {
        assertThat(LabelSelector.parse("\ta\n=\rb ,\n env\tin\r\n(\tx ,y\n)\t"))
                .isEqualTo(LabelSelector.parse("a=b,env in (x,y)"));
    }

    static Stream<Arguments> parseErrors() {
        String ops = "in, notin, =, ==, !=, gt, lt";
        String intOnly = "for 'Gt', 'Lt' operators, the value must be an integer";
        return Stream.of(
                arguments("a in (", "unable to parse requirement: found '', expected: ',', ')' or identifier"),
                arguments("a in b", "unable to parse requirement: found 'b' expected: '('"),
                arguments("a in (b", "unable to parse requirement: found '', expected: ',' or ')'"),
                arguments("a in (b c)", "unable to parse requirement: found 'c', expected: ',' or ')'"),
                arguments("a in (b,=)", "unable to parse requirement: found '=', expected: ',', or identifier"),
                arguments("a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier"),
                arguments("a b", "unable to parse requirement: found 'b', expected: " + ops),
                arguments("env IN (a)", "unable to parse requirement: found 'IN', expected: " + ops),
                arguments("a!b", "unable to parse requirement: found '!', expected: " + ops),
                arguments("a (b)", "unable to parse requirement: found '(', expected: " + ops),
                arguments("a=b c", "found 'c', expected: ',' or 'end of string'"),
                arguments("a=b,", "found '', expected: identifier after ','"),
                arguments("a=b,,c", "found ',', expected: identifier after ','"),
                arguments(",", "found ',', expected: !, identifier, or 'end of string'"),
                arguments("=a", "found '=', expected: !, identifier, or 'end of string'"),
                arguments("(a)", "found '(', expected: !, identifier, or 'end of string'"),
                arguments("!", "unable to parse requirement: found '', expected: identifier"),
                arguments("!!a", "unable to parse requirement: found '!', expected: identifier"),
                arguments("!a=b", "found '=', expected: ',' or 'end of string'"),
                arguments("a=!b", "unable to parse requirement: found '!', expected: identifier"),
                arguments("a=(b)", "unable to parse requirement: found '(', expected: identifier"),
                arguments("a===b", "unable to parse requirement: found '=', expected: identifier"),
                // keys are checked with a nil field path, exactly as Kubernetes prints it
                arguments("a:", "unable to parse requirement: <nil>: Invalid value: \"a:\": " + QUALIFIED_NAME_PART),
                arguments("/a=b", "unable to parse requirement: <nil>: Invalid value: \"/a\": prefix part must be non-empty"),
                arguments("a/b/c", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": " + QUALIFIED_NAME_TOO_MANY_SLASHES),
                arguments("Bad_Prefix/-bad-", "unable to parse requirement: <nil>: Invalid value: \"Bad_Prefix/-bad-\": prefix part "
                        + DNS1123_SUBDOMAIN + "; " + QUALIFIED_NAME_PART),
                // values are checked by NewRequirement under values[i][key]
                arguments("a=-b", "unable to parse requirement: values[0][a]: Invalid value: \"-b\": " + LABEL_VALUE),
                arguments("a in (b,-c)", "unable to parse requirement: values[0][a]: Invalid value: \"-c\": " + LABEL_VALUE),
                arguments("a=" + "x".repeat(64),
                        "unable to parse requirement: values[0][a]: Invalid value: \"" + "x".repeat(64) + "\": must be no more than 63 characters"),
                arguments("a=" + "_".repeat(64), "unable to parse requirement: values[0][a]: Invalid value: \"" + "_".repeat(64)
                        + "\": must be no more than 63 characters; " + LABEL_VALUE),
                arguments("x>abc", "unable to parse requirement: values[0]: Invalid value: \"abc\": " + intOnly),
                arguments("x>", "unable to parse requirement: values[0]: Invalid value: \"\": " + intOnly),
                // a sign makes an integer but not a label value
                arguments("x>+5", "unable to parse requirement: values[0][x]: Invalid value: \"+5\": " + LABEL_VALUE),
                arguments("x<1.5", "unable to parse requirement: values[0]: Invalid value: \"1.5\": " + intOnly),
                arguments("x>99999999999999999999", "unable to parse requirement: values[0]: Invalid value: \"99999999999999999999\": "
                        + intOnly),
                // every problem of a requirement at once
                arguments("x>a_", "unable to parse requirement: [values[0]: Invalid value: \"a_\": " + intOnly
                        + ", values[0][x]: Invalid value: \"a_\": " + LABEL_VALUE + "]"));
    }

    @ParameterizedTest
    @MethodSource("parseErrors")
    void rejectsWithKubernetesMessages(String input, String message) {
        assertThatThrownBy(() -> LabelSelector.parse(input))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessage(message);
    }

    private static Map<String, String> labels(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> matching() {
        return Stream.of(
                arguments("", labels(), true),
                arguments("", labels("a", "b"), true),
                arguments("a=b", labels("a", "b"), true),
                arguments("a=b", labels("a", "c"), false),
                arguments("a=b", labels(), false),
                arguments("a==b", labels("a", "b", "c", "d"), true),
                arguments("a!=b", labels(), true),
                arguments("a!=b", labels("a", "b"), false),
                arguments("a!=b", labels("a", "c"), true),
                arguments("a", labels("a", ""), true),
                arguments("a", labels("b", "a"), false),
                arguments("!a", labels(), true),
                arguments("!a", labels("a", ""), false),
                arguments("a in (b,c)", labels("a", "c"), true),
                arguments("a in (b,c)", labels("a", "d"), false),
                arguments("a in (b,c)", labels(), false),
                arguments("a notin (b,c)", labels(), true),
                arguments("a notin (b,c)", labels("a", "b"), false),
                arguments("a notin (b,c)", labels("a", "d"), true),
                arguments("a in (b,c),!d", labels("a", "b"), true),
                arguments("a in (b,c),!d", labels("a", "b", "d", "x"), false),
                arguments("a in (b,c),!d", labels("a", "e"), false),
                arguments("x notin ()", labels(), true),
                arguments("x notin ()", labels("x", ""), false),
                arguments("x notin ()", labels("x", "a"), true),
                arguments("x in ()", labels("x", ""), true),
                arguments("x in ()", labels("x", "a"), false),
                arguments("a=", labels("a", ""), true),
                arguments("a=", labels(), false),
                arguments("a=", labels("a", "x"), false),
                arguments("a!=", labels(), true),
                arguments("a!=", labels("a", ""), false),
                arguments("x>1", labels("x", "2"), true),
                arguments("x>1", labels("x", "1"), false),
                arguments("x>1", labels("x", "a"), false),
                arguments("x>1", labels(), false),
                arguments("x<10", labels("x", "9"), true),
                arguments("x<10", labels("x", "10"), false),
                arguments("x<10", labels("x", "-3"), true),
                arguments("x>1", labels("x", "+5"), true),
                arguments("x>1", labels("x", "٥"), false), // Go's ParseInt takes ASCII digits only
                arguments("x>9223372036854775806", labels("x", "9223372036854775807"), true),
                arguments("x>9223372036854775806", labels("x", "9223372036854775808"), false),
                arguments("env in (prod,staging),tier!=db", labels("env", "prod", "tier", "web"), true),
                arguments("env in (prod,staging),tier!=db", labels("env", "prod", "tier", "db"), false),
                arguments("env in (prod,staging),tier!=db", labels("env", "dev"), false),
                arguments("a=b,a=c", labels("a", "b"), false));
    }

    @ParameterizedTest
    @MethodSource("matching")
    void matchesAsKubernetes(String selector, Map<String, String> labels, boolean expected) throws InvalidSelectorException {
        assertThat(LabelSelector.parse(selector).matches(labels)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
            a=b               | a | b
            a==b              | a | b
            "a in (b)"        | a | b
            "a in (b,c)"      | a | NONE
            a!=b              | a | NONE
            a                 | a | NONE
            "a notin (b)"     | a | NONE
            b=1               | a | NONE
            a=                | a | ""
            "a!=x,a=y"        | a | NONE
            "a=y,a!=x"        | a | y
            "b=2,a=1"         | b | 2
            """)
    void tellsTheExactValueAKeyMustHave(String selector, String key, String value) throws InvalidSelectorException {
        assertThat(LabelSelector.parse(selector).requiresExactMatch(key).orElse(null)).isEqualTo(value);
    }

    @Test
    void everythingIsTheEmptySelector() throws InvalidSelectorException {
        assertThat(LabelSelector.everything().isEmpty()).isTrue();
        assertThat(LabelSelector.everything()).hasToString("");
        assertThat(LabelSelector.everything().matches(null)).isTrue();
        assertThat(LabelSelector.parse(null)).isEqualTo(LabelSelector.everything());
        assertThat(LabelSelector.parse(" ")).isEqualTo(LabelSelector.everything());
        assertThat(LabelSelector.parse("a").isEmpty()).isFalse();
    }

    @Test
    void fromMapIsTheEqualitySelectorOfAReplicationController() throws InvalidSelectorException {
        LabelSelector selector = LabelSelector.fromMap(Map.of("tier", "web", "app", "shop"));
        assertThat(selector).hasToString("app=shop,tier=web").isEqualTo(LabelSelector.parse("tier=web,app=shop"));
        assertThat(selector.matches(labels("app", "shop", "tier", "web", "pod-template-hash", "x"))).isTrue();
        assertThat(selector.matches(labels("app", "shop"))).isFalse();
        assertThat(selector.requiresExactMatch("app")).contains("shop");
        assertThat(LabelSelector.fromMap(Map.of())).isEqualTo(LabelSelector.everything());
        assertThat(LabelSelector.fromMap(null)).isEqualTo(LabelSelector.everything());
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThat(LabelSelector.fromMap(withNull)).hasToString("a=");
    }

    @Test
    void validatedFromMapReportsEveryProblem() throws InvalidSelectorException {
        assertThat(LabelSelector.validatedFromMap(Map.of("app", "web"))).isEqualTo(LabelSelector.fromMap(Map.of("app", "web")));
        assertThatThrownBy(() -> LabelSelector.validatedFromMap(Map.of("-k", "bad value")))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessage("[key: Invalid value: \"-k\": " + QUALIFIED_NAME_PART
                        + ", values[0][-k]: Invalid value: \"bad value\": " + LABEL_VALUE + "]");
    }

    static Stream<Arguments> requirementErrors() {
        return Stream.of(
                arguments(Operator.IN, List.of(), "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"),
                arguments(Operator.NOT_IN, List.of(), "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"),
                arguments(Operator.EQUALS, List.of("a", "b"),
                        "values: Invalid value: []string{\"a\", \"b\"}: exact-match compatibility requires one single value"),
                arguments(Operator.NOT_EQUALS, List.of(), "values: Invalid value: []string{}: exact-match compatibility requires one single value"),
                arguments(Operator.EXISTS, List.of("a"),
                        "values: Invalid value: []string{\"a\"}: values set must be empty for exists and does not exist"),
                arguments(Operator.GREATER_THAN, List.of("1", "2"),
                        "values: Invalid value: []string{\"1\", \"2\"}: for 'Gt', 'Lt' operators, exactly one value is required"));
    }

    @ParameterizedTest
    @MethodSource("requirementErrors")
    void requirementsAreCheckedAsNewRequirement(Operator operator, List<String> values, String message) {
        assertThatThrownBy(() -> LabelRequirement.create("app", operator, values))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> new LabelRequirement("app", operator, values)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requirementsAreImmutableSortedSets() throws InvalidSelectorException {
        LabelRequirement requirement = LabelRequirement.create("env", Operator.IN, List.of("b", "a", "b"));
        assertThat(requirement.values()).containsExactly("a", "b");
        assertThat(requirement).isEqualTo(new LabelRequirement("env", Operator.IN, List.of("a", "b"))).hasToString("env in (a,b)");
        assertThatThrownBy(() -> requirement.values().add("c")).isInstanceOf(UnsupportedOperationException.class);
        LabelSelector selector = LabelSelector.everything().and(requirement, new LabelRequirement("app", Operator.EXISTS, List.of()));
        assertThat(selector).hasToString("app,env in (a,b)");
        assertThat(selector.requirements()).containsExactly(new LabelRequirement("app", Operator.EXISTS, List.of()), requirement);
        assertThatThrownBy(() -> selector.requirements().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
