package io.skiff.api.validation;

import static io.skiff.api.validation.KubernetesText.DNS1035_LABEL;
import static io.skiff.api.validation.KubernetesText.DNS1123_LABEL;
import static io.skiff.api.validation.KubernetesText.DNS1123_SUBDOMAIN;
import static io.skiff.api.validation.KubernetesText.LABEL_VALUE;
import static io.skiff.api.validation.KubernetesText.PORT_RANGE;
import static io.skiff.api.validation.KubernetesText.QUALIFIED_NAME_PART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FieldValidationTest {

    private static final FieldPath META = FieldPath.root("metadata");

    private static List<String> messages(List<FieldError> errors) {
        return errors.stream().map(FieldError::message).toList();
    }

    private static Map<String, String> withNullValue(String key) {
        Map<String, String> map = new HashMap<>();
        map.put(key, null);
        return map;
    }

    static Stream<Arguments> labels() {
        return Stream.of(
                arguments(Map.of(), List.of()),
                arguments(Map.of("app", "web", "k8s.io/tier", "", "v", "1.2_3"), List.of()),
                arguments(withNullValue("app"), List.of()),
                arguments(Map.of("app", "bad value"),
                        List.of("metadata.labels: Invalid value: \"bad value\": " + LABEL_VALUE)),
                arguments(Map.of("-app", "web"),
                        List.of("metadata.labels: Invalid value: \"-app\": " + QUALIFIED_NAME_PART)),
                // every problem of every entry, entries in key order
                arguments(Map.of("z", "-", "Bad/x", "ok", "a", "x y"),
                        List.of("metadata.labels: Invalid value: \"Bad/x\": prefix part " + DNS1123_SUBDOMAIN,
                                "metadata.labels: Invalid value: \"x y\": " + LABEL_VALUE,
                                "metadata.labels: Invalid value: \"-\": " + LABEL_VALUE)),
                arguments(Map.of("-k", "-v"),
                        List.of("metadata.labels: Invalid value: \"-k\": " + QUALIFIED_NAME_PART,
                                "metadata.labels: Invalid value: \"-v\": " + LABEL_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("labels")
    void labelsReportEveryProblemAtTheLabelsPath(Map<String, String> labels, List<String> expected) {
        assertThat(messages(FieldValidation.validateLabels(labels, META.child("labels")))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> annotations() {
        // keys and values together: exactly at the limit passes, one byte more fails
        String atLimit = "v".repeat(FieldValidation.TOTAL_ANNOTATION_SIZE_LIMIT_BYTES - 1);
        return Stream.of(
                arguments(Map.of(), List.of()),
                arguments(Map.of("kubernetes.io/change-cause", "kubectl create --record", "Upper/Case", "x"), List.of()),
                arguments(Map.of("k", atLimit), List.of()),
                arguments(Map.of("k", atLimit + "v"),
                        List.of("metadata.annotations: Too long: must have at most 262144 bytes")),
                arguments(Map.of("a b", "x"),
                        List.of("metadata.annotations: Invalid value: \"a b\": " + QUALIFIED_NAME_PART)),
                // the size counts UTF-8 bytes, as Go's len does
                arguments(Map.of("k", "é".repeat(FieldValidation.TOTAL_ANNOTATION_SIZE_LIMIT_BYTES / 2)),
                        List.of("metadata.annotations: Too long: must have at most 262144 bytes")),
                arguments(Map.of("x/y/z", atLimit + "v"),
                        List.of("metadata.annotations: Invalid value: \"x/y/z\": " + KubernetesText.QUALIFIED_NAME_TOO_MANY_SLASHES,
                                "metadata.annotations: Too long: must have at most 262144 bytes")));
    }

    @ParameterizedTest
    @MethodSource("annotations")
    void annotationKeysAndTotalSize(Map<String, String> annotations, List<String> expected) {
        assertThat(messages(FieldValidation.validateAnnotations(annotations, META.child("annotations"))))
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> objectNames() {
        NameValidator subdomain = NameValidator.DNS_SUBDOMAIN;
        NameValidator label = NameValidator.DNS_LABEL;
        return Stream.of(
                arguments("web", null, subdomain, List.of()),
                arguments("web.example", "", subdomain, List.of()),
                arguments("web-x7k2p", "web-", subdomain, List.of()),
                arguments(null, null, subdomain, List.of("metadata.name: Required value: name or generateName is required")),
                arguments("", "", subdomain, List.of("metadata.name: Required value: name or generateName is required")),
                arguments("Bad_Name", null, subdomain, List.of("metadata.name: Invalid value: \"Bad_Name\": " + DNS1123_SUBDOMAIN)),
                arguments("a.b", null, label, List.of("metadata.name: Invalid value: \"a.b\": must not contain dots")),
                arguments("Bad_Name", null, label, List.of("metadata.name: Invalid value: \"Bad_Name\": " + DNS1123_LABEL)),
                arguments("1web", null, NameValidator.DNS_1035_LABEL,
                        List.of("metadata.name: Invalid value: \"1web\": " + DNS1035_LABEL)),
                // a generateName prefix may end in '-'; both fields are reported
                arguments("", "Web-", subdomain,
                        List.of("metadata.generateName: Invalid value: \"Web-\": " + DNS1123_SUBDOMAIN,
                                "metadata.name: Required value: name or generateName is required")),
                arguments("x", "-", subdomain,
                        List.of("metadata.generateName: Invalid value: \"-\": " + DNS1123_SUBDOMAIN)),
                // maskTrailingDash drops two characters: "a.-" is checked as "aa", "a...-" as "a..a"
                arguments("x", "a.-", subdomain, List.of()),
                arguments("x", "a...-", subdomain,
                        List.of("metadata.generateName: Invalid value: \"a...-\": " + DNS1123_SUBDOMAIN)));
    }

    @ParameterizedTest
    @MethodSource("objectNames")
    void objectNameAndGenerateName(String name, String generateName, NameValidator rule, List<String> expected) {
        assertThat(messages(FieldValidation.validateObjectName(name, generateName, rule, META)))
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            web-    | wea
            ab-     | aa
            a-      | a
            -       | -
            web     | web
            ''      | ''
            """)
    void masksTrailingDashAsKubernetes(String prefix, String masked) {
        assertThat(NameValidator.maskTrailingDash(prefix)).isEqualTo(masked);
    }

    static Stream<Arguments> namespaces() {
        return Stream.of(
                arguments("default", true, List.of()),
                arguments("", false, List.of()),
                arguments(null, false, List.of()),
                arguments("", true, List.of("metadata.namespace: Required value")),
                arguments("kube.system", true, List.of("metadata.namespace: Invalid value: \"kube.system\": must not contain dots")),
                arguments("default", false, List.of("metadata.namespace: Forbidden: not allowed on this type")));
    }

    @ParameterizedTest
    @MethodSource("namespaces")
    void namespaceOfNamespacedAndClusterScopedKinds(String namespace, boolean namespaced, List<String> expected) {
        assertThat(messages(FieldValidation.validateNamespace(namespace, namespaced, META))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0   | ''
            3   | ''
            -1  | spec.replicas: Invalid value: -1: must be greater than or equal to 0
            """)
    void nonnegative(long value, String expected) {
        assertThat(messages(FieldValidation.validateNonnegative(value, FieldPath.root("spec", "replicas"))))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            80     | true
            0      | false
            70000  | false
            """)
    void portNumber(int port, boolean valid) {
        FieldPath path = FieldPath.root("spec", "containers").index(0).child("ports").index(0).child("containerPort");
        assertThat(messages(FieldValidation.validatePortNumber(port, path))).isEqualTo(valid ? List.of()
                : List.of("spec.containers[0].ports[0].containerPort: Invalid value: " + port + ": " + PORT_RANGE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Always     | ''
            Never      | ''
            ''         | spec.restartPolicy: Required value
            Sometimes  | 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'
            always     | 'spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"'
            """)
    void enumeration(String value, String expected) {
        assertThat(messages(FieldValidation.validateEnum(value, List.of("Always", "OnFailure", "Never"),
                FieldPath.root("spec", "restartPolicy")))).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            web    | web    | ''
            web    | db     | 'metadata.name: Invalid value: "web": field is immutable'
            """)
    void immutable(String newValue, String oldValue, String expected) {
        assertThat(messages(FieldValidation.validateImmutable(newValue, oldValue, META.child("name"))))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    record Container(String name) {
    }

    static Stream<Arguments> containerLists() {
        return Stream.of(
                arguments(List.of(), List.of()),
                arguments(List.of("web", "db"), List.of()),
                arguments(List.of("web", "web"), List.of("spec.containers[1].name: Duplicate value: \"web\"")),
                // every repeat is reported; unnamed items are the caller's Required check
                arguments(List.of("web", "db", "web", "", "", "db", "web"),
                        List.of("spec.containers[2].name: Duplicate value: \"web\"",
                                "spec.containers[5].name: Duplicate value: \"db\"",
                                "spec.containers[6].name: Duplicate value: \"web\"")));
    }

    @ParameterizedTest
    @MethodSource("containerLists")
    void duplicatesAreReportedAtEachRepeat(List<String> names, List<String> expected) {
        List<Container> containers = names.stream().map(Container::new).toList();
        assertThat(messages(FieldValidation.validateUnique(containers, Container::name,
                FieldPath.root("spec", "containers"), "name"))).containsExactlyElementsOf(expected);
    }
}
