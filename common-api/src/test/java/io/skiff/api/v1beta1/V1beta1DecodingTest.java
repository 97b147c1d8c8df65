package io.skiff.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.Status;
import io.skiff.api.resource.Quantity;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Earlier 2014 spellings are read; bad input is a clear error that says where; revisions stay numbers. */
class V1beta1DecodingTest {
    private static final Scheme SCHEME = Scheme.defaultScheme();

    /** A v1beta1 pod whose currentState is {@code current}, container is {@code container}. */
    private static String pod(String container, String current) {
        return """
                {"kind":"Pod","apiVersion":"v1beta1","id":"web",
                 "desiredState":{"manifest":{"version":"v1beta1","id":"web","containers":[%s]}},
                 "currentState":%s}""".formatted(container, current);
    }

    private static String podWithManifest(String manifestFields) {
        return """
                {"kind":"Pod","apiVersion":"v1beta1","id":"web",
                 "desiredState":{"manifest":{"version":"v1beta1","id":"web",%s}}}""".formatted(manifestFields);
    }

    private static String statusOf(String podStatus, String info) {
        return pod("{\"name\":\"c\",\"image\":\"busybox\"}",
                "{\"status\":\"" + podStatus + "\"" + (info == null ? "" : ",\"info\":" + info) + "}");
    }

    private static final String EXITED_0 = "{\"c\":{\"state\":{\"termination\":{\"exitCode\":0}}}}";
    private static final String EXITED_1 = "{\"c\":{\"state\":{\"termination\":{\"exitCode\":1}}}}";

    private static Pod asPod(ApiObject o) {
        return (Pod) o;
    }

    private static io.skiff.api.core.Container firstContainer(ApiObject o) {
        return asPod(o).spec().containers().get(0);
    }

    private static Arguments row(String name, String json, Function<ApiObject, Object> field, Object expected) {
        return Arguments.of(name, json, field, expected);
    }

    private static String status(String value) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1beta1\",\"status\":\"" + value + "\"}";
    }

    private static String container(String fields) {
        return pod("{\"name\":\"c\"," + fields + "}", "null");
    }

    static Stream<Arguments> spellings() {
        Function<ApiObject, Object> status = o -> ((Status) o).status();
        Function<ApiObject, Object> phase = o -> asPod(o).status().phase();
        Function<ApiObject, Object> restart = o -> asPod(o).spec().restartPolicy();
        Function<ApiObject, Object> memory = o -> firstContainer(o).resources().limits().get("memory");
        Function<ApiObject, Object> cpu = o -> firstContainer(o).resources().limits().get("cpu");
        return Stream.of(
                row("Status success", status("success"), status, "Success"),
                row("Status failure", status("failure"), status, "Failure"),
                row("Status working", status("working"), status, "Working"),
                row("pod Waiting", statusOf("Waiting", null), phase, "Pending"),
                row("pod Pending", statusOf("Pending", null), phase, "Pending"),
                row("pod waiting", statusOf("waiting", null), phase, "Pending"),
                row("pod running", statusOf("running", null), phase, "Running"),
                row("pod Terminated, exit 0", statusOf("Terminated", EXITED_0), phase, "Succeeded"),
                row("pod Terminated, exit 1", statusOf("Terminated", EXITED_1), phase, "Failed"),
                row("pod terminated, no info", statusOf("terminated", null), phase, "Failed"),
                row("pod Stopped, exit 0", statusOf("Stopped", EXITED_0), phase, "Succeeded"),
                row("pod Stopped, no info", statusOf("Stopped", null), phase, "Failed"),
                row("pod Succeeded (later v1beta1)", statusOf("Succeeded", null), phase, "Succeeded"),
                row("pod Unknown", statusOf("Unknown", null), phase, "Unknown"),
                row("restartPolicy always", podWithManifest("\"restartPolicy\":{\"always\":{}}"), restart, "Always"),
                row("restartPolicy onFailure", podWithManifest("\"restartPolicy\":{\"onFailure\":{}}"), restart,
                        "OnFailure"),
                row("restartPolicy never", podWithManifest("\"restartPolicy\":{\"never\":{}}"), restart, "Never"),
                row("restartPolicy key in any case", podWithManifest("\"restartPolicy\":{\"OnFailure\":{}}"), restart,
                        "OnFailure"),
                row("restartPolicy null keys skipped", podWithManifest("\"restartPolicy\":{\"always\":null,\"never\":{}}"),
                        restart, "Never"),
                row("restartPolicy as a string", podWithManifest("\"restartPolicy\":\"onFailure\""), restart,
                        "OnFailure"),
                row("restartPolicy {} is unset", podWithManifest("\"restartPolicy\":{}"), restart, null),
                row("memory in bytes", container("\"memory\":134217728"), memory, Quantity.parse("128Mi")),
                row("memory as a quantity", container("\"memory\":\"128Mi\""), memory, Quantity.parse("128Mi")),
                row("cpu in millicores", container("\"cpu\":250"), cpu, Quantity.parse("250m")),
                row("cpu as a quantity", container("\"cpu\":\"500m\""), cpu, Quantity.parse("500m")),
                row("cpu as cores (later v1beta1)", container("\"cpu\":\"0.5\""), cpu, Quantity.parse("500m")),
                row("0 memory and cpu are unlimited", container("\"memory\":0,\"cpu\":0"),
                        o -> firstContainer(o).resources(), null),
                row("env key", container("\"env\":[{\"key\":\"A\",\"value\":\"1\"}]"),
                        o -> firstContainer(o).env().get(0).name(), "A"),
                row("volumeMount path", container("\"volumeMounts\":[{\"name\":\"v\",\"path\":\"/d\"}]"),
                        o -> firstContainer(o).volumeMounts().get(0).mountPath(), "/d"),
                row("pull policy v1 name", container("\"imagePullPolicy\":\"IfNotPresent\""),
                        o -> firstContainer(o).imagePullPolicy(), "IfNotPresent"),
                row("volume without source is emptyDir", podWithManifest("\"volumes\":[{\"name\":\"v\"}]"),
                        o -> asPod(o).spec().volumes().get(0).emptyDir() != null, true),
                row("id and uuid only in the manifest", """
                        {"kind":"Pod","apiVersion":"v1beta1",
                         "desiredState":{"manifest":{"version":"v1beta1","id":"web","uuid":"u-1"}}}""",
                        o -> asPod(o).metadata().name() + "/" + asPod(o).metadata().uid(), "web/u-1"),
                row("host only in currentState", pod("{\"name\":\"c\"}", "{\"host\":\"m1\",\"status\":\"Running\"}"),
                        o -> asPod(o).spec().nodeName(), "m1"),
                row("pod IP only per container",
                        pod("{\"name\":\"c\"}", "{\"status\":\"Running\",\"info\":{\"c\":{\"podIP\":\"10.1.2.3\"}}}"),
                        o -> asPod(o).status().podIP(), "10.1.2.3"),
                row("MinionList minions", """
                        {"kind":"MinionList","apiVersion":"v1beta1","minions":[{"id":"m1"},{"id":"m2"}]}""",
                        o -> ((KubeList<?>) o).items().stream().map(n -> ((Node) n).name()).toList(),
                        List.of("m1", "m2")),
                row("capacity cpu as cores", """
                        {"kind":"Minion","apiVersion":"v1beta1","id":"m1","resources":{"capacity":{"cpu":"2"}}}""",
                        o -> ((Node) o).status().capacity().get("cpu").milliValue(), 2000L),
                row("condition status True (later versions)", """
                        {"kind":"Minion","apiVersion":"v1beta1","id":"m1",
                         "status":{"conditions":[{"kind":"Ready","status":"True"}]}}""",
                        o -> ((Node) o).status().conditions().get(0).status(), "True"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void earlierSpellingsAreRead(String name, String json, Function<ApiObject, Object> field, Object expected)
            throws DecodeException {
        assertThat(field.apply(SCHEME.decode(json))).isEqualTo(expected);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("unknown kind", "{\"kind\":\"Endpoints\",\"apiVersion\":\"v1beta1\"}",
                        "no kind \"Endpoints\" is registered for version \"v1beta1\""),
                Arguments.of("Node is Minion here", "{\"kind\":\"Node\",\"apiVersion\":\"v1beta1\"}",
                        "nodes are kind \"Minion\""),
                Arguments.of("unknown pod status", statusOf("Exploded", null),
                        "currentState.status: unknown pod status \"Exploded\""),
                Arguments.of("unknown Status status", "{\"kind\":\"Status\",\"apiVersion\":\"v1beta1\",\"status\":\"ok\"}",
                        "status: unknown value \"ok\""),
                Arguments.of("two restart policies", podWithManifest("\"restartPolicy\":{\"always\":{},\"never\":{}}"),
                        "desiredState.manifest.restartPolicy: only one of always, onFailure, never"),
                Arguments.of("unknown restart policy", podWithManifest("\"restartPolicy\":{\"sometimes\":{}}"),
                        "desiredState.manifest.restartPolicy: unknown restart policy \"sometimes\""),
                Arguments.of("restart policy key without an object", podWithManifest("\"restartPolicy\":{\"always\":\"yes\"}"),
                        "desiredState.manifest.restartPolicy: \"always\" takes an object: {\"always\":{}}"),
                Arguments.of("restart policy of the wrong type", podWithManifest("\"restartPolicy\":3"),
                        "desiredState.manifest.restartPolicy: expected an object"),
                Arguments.of("memory not a quantity", pod("{\"name\":\"c\",\"memory\":\"lots\"}", "null"),
                        "desiredState.manifest.containers[0].memory: quantity \"lots\" is invalid"),
                Arguments.of("memory a decimal number", pod("{\"name\":\"c\",\"memory\":1.5}", "null"),
                        "desiredState.manifest.containers[0].memory: expected an integer (bytes) or a quantity string, got a decimal number"),
                Arguments.of("cpu a boolean", pod("{\"name\":\"c\",\"cpu\":true}", "null"),
                        "desiredState.manifest.containers[0].cpu: expected an integer (millicores)"),
                Arguments.of("resourceVersion a string", "{\"kind\":\"Pod\",\"apiVersion\":\"v1beta1\",\"resourceVersion\":\"12\"}",
                        "resourceVersion: expected an integer, got a string"),
                Arguments.of("resourceVersion negative", "{\"kind\":\"Pod\",\"apiVersion\":\"v1beta1\",\"resourceVersion\":-3}",
                        "resourceVersion: must be a non-negative integer"),
                Arguments.of("condition status unknown", """
                        {"kind":"Minion","apiVersion":"v1beta1","status":{"conditions":[{"kind":"Ready","status":"Maybe"}]}}""",
                        "status.conditions[0].status: unknown condition status \"Maybe\""),
                Arguments.of("capacity not a quantity", """
                        {"kind":"Minion","apiVersion":"v1beta1","resources":{"capacity":{"memory":"x"}}}""",
                        "resources.capacity.memory: quantity \"x\" is invalid"),
                Arguments.of("list item id of the wrong type", """
                        {"kind":"PodList","apiVersion":"v1beta1","items":[{"id":3}]}""",
                        "items[0].id: expected a string, got an integer"),
                Arguments.of("list item of another kind", """
                        {"kind":"PodList","apiVersion":"v1beta1","items":[{"kind":"Pod"},{"kind":"Service"}]}""",
                        "items[1].kind: \"Service\" in a list of Pod"),
                Arguments.of("list item with a bad field", """
                        {"kind":"PodList","apiVersion":"v1beta1","items":[{"currentState":{"status":"Gone"}}]}""",
                        "items[0].currentState.status: unknown pod status \"Gone\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAClearError(String name, String json, String message) {
        assertThatThrownBy(() -> SCHEME.decode(json)).isInstanceOf(DecodeException.class)
                .hasMessageContaining(message);
    }

    @Test
    void podResourceVersionStaysANumber() throws DecodeException {
        // 2^53 + 1: a JSON number a double would round, which a uint64 revision must not.
        String json = "{\"kind\":\"Pod\",\"apiVersion\":\"v1beta1\",\"id\":\"web\",\"resourceVersion\":9007199254740993}";

        Pod pod = SCHEME.decode(json.getBytes(), Pod.class);
        JsonNode encoded = Json.readTree(SCHEME.encode(pod, V1beta1.API_VERSION));

        assertThat(pod.metadata().resourceVersion()).isEqualTo("9007199254740993");
        assertThat(encoded.get("resourceVersion").isIntegralNumber()).isTrue();
        assertThat(encoded.get("resourceVersion").asLong()).isEqualTo(9007199254740993L);
        assertThat(SCHEME.decode(Json.toBytes(encoded), Pod.class)).isEqualTo(pod);
    }

    @Test
    void aHubResourceVersionThatIsNotANumberCannotBeEncoded() {
        Pod pod = new Pod(ObjectMeta.named("web").withResourceVersion("abc"), null, null);

        assertThatThrownBy(() -> SCHEME.encode(pod, V1beta1.API_VERSION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"abc\" is not a revision number");
    }

    @Test
    void kindsV1beta1LacksCannotBeEncoded() {
        Endpoints endpoints = new Endpoints(ObjectMeta.named("web"), List.of());

        assertThatThrownBy(() -> SCHEME.encode(endpoints, V1beta1.API_VERSION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Endpoints");
    }

    @Test
    void aBodyWithoutApiVersionIsReadAsTheVersionOfThePath() throws DecodeException {
        JsonNode body = Json.readTree("{\"id\":\"web\",\"desiredState\":{\"manifest\":{\"containers\":[{\"name\":\"c\"}]}}}");

        ApiObject obj = SCHEME.decode(body, V1beta1.API_VERSION, V1beta1.POD);

        assertThat(obj).isInstanceOf(Pod.class);
        assertThat(((Pod) obj).name()).isEqualTo("web");
    }

    @Test
    void aYamlManifestOf2014ObjectsDecodes() throws DecodeException {
        String yaml = """
                kind: Pod
                apiVersion: v1beta1
                id: web
                desiredState:
                  manifest:
                    version: v1beta1
                    id: web
                    containers:
                      - name: web
                        image: busybox
                        command: [httpd, -f, -p, "8080"]
                        cpu: 100
                ---
                kind: Service
                apiVersion: v1beta1
                id: web
                port: 80
                containerPort: 8080
                selector:
                  name: web
                """;

        List<ApiObject> objects = SCHEME.decodeManifest(yaml);

        assertThat(objects).hasSize(2);
        Pod pod = (Pod) objects.get(0);
        assertThat(pod.spec().containers().get(0).args()).containsExactly("httpd", "-f", "-p", "8080");
        assertThat(pod.spec().containers().get(0).resources().limits().get("cpu")).hasToString("100m");
        io.skiff.api.core.Service service = (io.skiff.api.core.Service) objects.get(1);
        assertThat(service.spec().ports().get(0).port()).isEqualTo(80);
        assertThat(service.spec().ports().get(0).targetPort().intValue()).isEqualTo(8080);
    }

    @Test
    void earlierSpellingsAreWrittenTheV05Way() throws DecodeException {
        Status status = SCHEME.decode("{\"kind\":\"Status\",\"apiVersion\":\"v1beta1\",\"status\":\"working\"}"
                .getBytes(), Status.class);
        Pod pod = SCHEME.decode(pod("{\"name\":\"c\",\"memory\":\"128Mi\",\"cpu\":\"0.5\",\"imagePullPolicy\":\"Never\"}",
                "{\"status\":\"Stopped\"}").getBytes(), Pod.class);

        assertThat(SCHEME.toJson(status, V1beta1.API_VERSION).get("status").asText()).isEqualTo("Working");
        JsonNode container = SCHEME.toJson(pod, V1beta1.API_VERSION).at("/desiredState/manifest/containers/0");
        assertThat(container.get("memory").asLong()).isEqualTo(134217728L);
        assertThat(container.get("cpu").asLong()).isEqualTo(500L);
        assertThat(container.get("imagePullPolicy").asText()).isEqualTo("PullNever");
        assertThat(SCHEME.toJson(pod, V1beta1.API_VERSION).at("/currentState/status").asText()).isEqualTo("Terminated");
    }
}
