package io.skiff.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Event;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.Status;
import io.skiff.api.resource.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 2014 JSON, shaped as the Kubernetes v0.5 guestbook posted it and as a v0.5 apiserver answered,
 * decodes into the same hub object as its v1 twin (a golden file too), and the hub object encodes
 * back to the v1beta1 file. The only fields not written back are the ones the hub cannot hold,
 * listed per file.
 */
class V1beta1GoldenFilesTest {
    private final Scheme scheme = Scheme.defaultScheme();

    static Stream<Arguments> twins() {
        return Stream.of(
                Arguments.of("pod-redis-master", Pod.class, List.of()),
                Arguments.of("rc-redis-slave", ReplicationController.class, List.of()),
                // selfLink is set by the REST layer from the request, not stored in the hub.
                Arguments.of("pod-running", Pod.class, List.of("/selfLink")),
                Arguments.of("service-redis-master", Service.class, List.of("/selfLink")),
                // Node phase left the API with v1; the conditions say the same.
                Arguments.of("minion", Node.class, List.of("/selfLink", "/status/phase")),
                Arguments.of("event-started", Event.class, List.of("/selfLink")),
                Arguments.of("status-working", Status.class, List.of()),
                Arguments.of("status-invalid", Status.class, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twins")
    void decodesLikeItsV1TwinAndEncodesBack(String name, Class<? extends ApiObject> type, List<String> unheld)
            throws Exception {
        byte[] beta = read(name + ".json");

        ApiObject fromBeta = scheme.decode(beta);
        ApiObject fromV1 = scheme.decode(read(name + ".v1.json"));

        assertThat(fromBeta).isInstanceOf(type).isEqualTo(fromV1);
        JsonNode expected = Json.readTree(beta);
        unheld.forEach(pointer -> remove(expected, pointer));
        assertThat(Json.readTree(scheme.encode(fromBeta, V1beta1.API_VERSION))).isEqualTo(expected);
        // The tree form and the byte form of the encoding agree.
        assertThat(Json.readTree(Json.toBytes(scheme.toJson(fromBeta, V1beta1.API_VERSION)))).isEqualTo(expected);
    }

    @Test
    void guestbookPodHasTheValuesOfTheFile() throws Exception {
        Pod pod = scheme.decode(read("pod-redis-master.json"), Pod.class);

        assertThat(pod.metadata().name()).isEqualTo("redis-master");
        assertThat(pod.metadata().namespace()).as("defaulting, not conversion, fills the namespace").isNull();
        var master = pod.spec().containers().get(0);
        assertThat(master.resources().limits().get("cpu")).hasToString("100m");
        assertThat(master.ports().get(0).hostPort()).isEqualTo(6379);
        assertThat(pod.status()).isNull();
    }

    @Test
    void runningPodHasTheValuesOfTheFile() throws Exception {
        Pod pod = scheme.decode(read("pod-running.json"), Pod.class);

        assertThat(pod.metadata().resourceVersion()).isEqualTo("1421");
        assertThat(pod.metadata().creationTimestamp()).isEqualTo(Instant.parse("2014-11-14T18:25:43Z"));
        assertThat(pod.spec().nodeName()).isEqualTo("kubernetes-minion-1.c.skiff-demo.internal");
        assertThat(pod.spec().restartPolicy()).isEqualTo("Always");
        assertThat(pod.spec().volumes().get(1).hostPath().path()).isEqualTo("/var/log/redis");
        var master = pod.spec().containers().get(0);
        assertThat(master.command()).isNull();
        assertThat(master.args()).containsExactly("redis-server", "/etc/redis/redis.conf");
        assertThat(master.resources().limits().get("memory")).isEqualTo(Quantity.parse("128Mi"));
        assertThat(master.imagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(master.livenessProbe().tcpSocket().port().intValue()).isEqualTo(6379);
        assertThat(pod.spec().containers().get(1).livenessProbe().httpGet().port().stringValue())
                .isEqualTo("metrics");
        assertThat(pod.status().phase()).isEqualTo("Running");
        assertThat(pod.status().containerStatuses()).extracting(s -> s.name() + "/" + s.restartCount())
                .containsExactly("master/0", "exporter/2");
    }

    @Test
    void minionIsTheHubNodeWithMilliCpuAndByteMemory() throws Exception {
        Node node = scheme.decode(read("minion.json"), Node.class);

        assertThat(node.status().capacity().get("cpu").milliValue()).isEqualTo(1000);
        assertThat(node.status().capacity().get("memory")).isEqualTo(Quantity.parse("3Gi"));
        assertThat(node.status().conditions()).extracting(c -> c.type() + "=" + c.status())
                .containsExactly("Reachable=True", "Ready=True");
        assertThat(scheme.toJson(node, V1beta1.API_VERSION).path("kind").asText()).isEqualTo("Minion");
    }

    @Test
    void workingStatusNamesItsOperation() throws Exception {
        Status status = scheme.decode(read("status-working.json"), Status.class);

        assertThat(status.status()).isEqualTo("Working");
        assertThat(status.details().name()).isEqualTo("7");
        assertThat(status.details().kind()).isEqualTo("operation");
        assertThat(status.code()).isEqualTo(202);
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = V1beta1GoldenFilesTest.class.getResourceAsStream("/golden/v1beta1/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        assertThat(parent.has(pointer.substring(slash + 1))).as("golden file has %s", pointer).isTrue();
        ((ObjectNode) parent).remove(pointer.substring(slash + 1));
    }
}
