package io.skiff.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.api.core.Pod;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad bodies get a clear error: where (line/column or field path) and what was expected. */
class CodecErrorsTest {
    private final Scheme scheme = Scheme.defaultScheme();

    @Test
    void malformedJsonReportsLineAndColumn() {
        String body = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"a\",}\n}";

        assertThatThrownBy(() -> scheme.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("malformed JSON at line 4, column 28: ")
                .hasMessageNotContaining("Source")
                .satisfies(e -> {
                    DecodeException d = (DecodeException) e;
                    assertThat(d.line()).isEqualTo(4);
                    assertThat(d.column()).isEqualTo(28);
                    assertThat(d.field()).isNull();
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        truncated              | {"apiVersion":"v1","kind":"Pod","metadata":{   | malformed JSON at line 1, column 45
        trailing garbage       | {"apiVersion":"v1","kind":"Pod"} x             | malformed JSON at line 1, column 34
        empty body             | ''                                             | empty body
        not an object          | [1,2]                                          | expected a JSON object, got an array
        """)
    void unreadableBodies(String name, String body, String message) {
        assertThatThrownBy(() -> scheme.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        "spec":{"containers":[{"name":"c","ports":[{"containerPort":"80"}]}]} | spec.containers[0].ports[0].containerPort | expected an integer, got a string
        "spec":{"containers":[{"name":"c","ports":[{"containerPort":8.5}]}]}  | spec.containers[0].ports[0].containerPort | expected an integer, got a decimal number
        "spec":{"containers":[{"name":5}]}                                      | spec.containers[0].name                   | expected a string, got an integer
        "spec":{"hostNetwork":"true"}                                           | spec.hostNetwork                          | expected a boolean, got a string
        "spec":{"hostNetwork":1}                                                | spec.hostNetwork                          | expected a boolean, got an integer
        "spec":{"terminationGracePeriodSeconds":"abc"}                          | spec.terminationGracePeriodSeconds        | expected an integer, got a string
        "spec":{"containers":{}}                                                | spec.containers                           | expected an array, got an object
        "spec":""                                                               | spec                                      | expected an object, got a string
        "metadata":{"labels":{"app":1}}                                         | metadata.labels.app                       | expected a string, got an integer
        "metadata":{"labels":["app"]}                                           | metadata.labels                           | expected an object, got an array
        "metadata":{"creationTimestamp":"yesterday"}                            | metadata.creationTimestamp                | not an RFC 3339 time: "yesterday"
        "metadata":{"creationTimestamp":12}                                     | metadata.creationTimestamp                | expected an RFC 3339 time string, got an integer
        "spec":{"containers":[{"livenessProbe":{"httpGet":{"port":true}}}]}     | spec.containers[0].livenessProbe.httpGet.port | expected an integer or a string, got a boolean
        "spec":{"containers":[{"resources":{"limits":{"cpu":"lots"}}}]}         | spec.containers[0].resources.limits.cpu   | quantity "lots" is invalid
        """)
    void wrongTypesAreErrorsThatNameTheField(String fragment, String field, String message) {
        String body = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\n" + fragment + "}";

        assertThatThrownBy(() -> scheme.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(field + ": " + message)
                .satisfies(e -> {
                    DecodeException d = (DecodeException) e;
                    assertThat(d.field()).isEqualTo(field);
                    assertThat(d.line()).as("type errors carry the line too").isEqualTo(2);
                });
    }

    @Test
    void unknownFieldsAreIgnored() throws DecodeException {
        Pod pod = scheme.decode("""
                {"apiVersion":"v1","kind":"Pod","futureField":{"x":[1,2]},
                 "metadata":{"name":"a","managedFields":[{"manager":"kubectl"}]},
                 "spec":{"containers":[{"name":"c","image":"busybox","stdin":true,"securityContext":{}}],
                         "overhead":{"cpu":"1"}}}""".getBytes(StandardCharsets.UTF_8), Pod.class);

        assertThat(pod.metadata().name()).isEqualTo("a");
        assertThat(pod.spec().containers().get(0).image()).isEqualTo("busybox");
        assertThat(Json.toString(pod)).doesNotContain("futureField", "managedFields", "stdin", "overhead");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown kind                 | {"apiVersion":"v1","kind":"Foo"}                    | no kind "Foo" is registered for version "v1"
        unknown version              | {"apiVersion":"v9","kind":"Pod"}                    | no kind "Pod" is registered for version "v9"
        kind of another group        | {"apiVersion":"v1","kind":"Lease"}                  | no kind "Lease" is registered for version "v1"
        group kind in core           | {"apiVersion":"coordination.k8s.io/v1","kind":"Pod"} | no kind "Pod" is registered for version "coordination.k8s.io/v1"
        missing kind                 | {"apiVersion":"v1","metadata":{}}                   | Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{}}'
        missing apiVersion           | {"kind":"Pod"}                                      | Object 'apiVersion' is missing
        kind not a string            | {"apiVersion":"v1","kind":7}                        | kind: expected a string, got a number
        """)
    void unknownOrMissingTypeIsAClearError(String name, String body, String message) {
        assertThatThrownBy(() -> scheme.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void decodingAsTheWrongKindSaysWhatCame() {
        assertThatThrownBy(() -> scheme.decode(
                        "{\"apiVersion\":\"v1\",\"kind\":\"Service\"}".getBytes(StandardCharsets.UTF_8), Pod.class))
                .isInstanceOf(DecodeException.class)
                .hasMessage("expected Pod, got Service (apiVersion v1)");
    }

    @Test
    void yamlSyntaxErrorsReportLineAndColumn() {
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   labels: {x: y}\n";

        assertThatThrownBy(() -> scheme.decodeManifest(yaml))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("malformed YAML at line 5")
                .satisfies(e -> assertThat(((DecodeException) e).line()).isEqualTo(5));
    }

    @Test
    void yamlIsAsStrictAboutTypesAsJson() {
        String yaml = "apiVersion: v1\nkind: ReplicationController\nspec:\n  replicas: \"3\"\n";

        assertThatThrownBy(() -> scheme.decodeManifest(yaml))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("spec.replicas: expected an integer, got a string");
    }
}
