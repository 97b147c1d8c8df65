package io.skiff.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.autoscaling.Scale;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Event;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.api.resource.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Real Kubernetes v1 JSON, as kubectl and kubelets produce it, decodes into the hub and encodes
 * back to the same JSON. The only differences allowed are fields Skiff does not model (listed
 * per file, e.g. managedFields) and explicit nulls, which are the same as absent.
 */
class GoldenFilesTest {
    private final Scheme scheme = Scheme.defaultScheme();

    static Stream<Arguments> goldenFiles() {
        return Stream.of(
                Arguments.of("pod.json", Pod.class, List.of("/metadata/managedFields", "/metadata/selfLink",
                        "/spec/securityContext", "/spec/serviceAccount")),
                Arguments.of("replicationcontroller.json", ReplicationController.class,
                        List.of("/metadata/selfLink", "/spec/template/spec/securityContext")),
                Arguments.of("service.json", Service.class, List.of("/metadata/selfLink")),
                Arguments.of("node.json", Node.class, List.of("/metadata/selfLink")),
                Arguments.of("status-invalid.json", Status.class, List.of()),
                Arguments.of("lease.json", Lease.class, List.of("/metadata/selfLink")),
                Arguments.of("event.json", Event.class, List.of("/metadata/selfLink")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void decodesAndReencodesToTheSameJson(String file, Class<? extends ApiObject> type, List<String> unmodeled)
            throws Exception {
        byte[] golden = read(file);

        ApiObject decoded = scheme.decode(golden);
        JsonNode reencoded = Json.readTree(scheme.encode(decoded));

        assertThat(decoded).isInstanceOf(type);
        JsonNode expected = withoutNulls(Json.readTree(golden));
        unmodeled.forEach(pointer -> remove(expected, pointer));
        assertThat(reencoded).isEqualTo(expected);
        // The tree form of the v1 version agrees with the byte form (compared as text: a tree
        // built from a Long holds a LongNode where parsing gives an IntNode).
        assertThat(Json.readTree(Json.toBytes(scheme.toJson(decoded, decoded.apiVersion())))).isEqualTo(reencoded);
        // And decoding what we wrote gives back the same hub object.
        assertThat(scheme.decode(scheme.encode(decoded))).isEqualTo(decoded);
    }

    @Test
    void goldenPodHasTheValuesOfTheFile() throws Exception {
        Pod pod = scheme.decode(read("pod.json"), Pod.class);

        assertThat(pod.metadata().creationTimestamp()).isEqualTo(Instant.parse("2021-03-02T10:15:01Z"));
        assertThat(pod.metadata().ownerReferences().get(0).controller()).isTrue();
        var web = pod.spec().containers().get(0);
        assertThat(web.resources().limits()).containsEntry("memory", Quantity.parse("128Mi"));
        assertThat(web.livenessProbe().httpGet().port().intValue()).isEqualTo(8080);
        assertThat(web.readinessProbe().tcpSocket().port().stringValue()).isEqualTo("http");
        assertThat(pod.spec().volumes().get(2).hostPath().path()).isEqualTo("/var/log");
        assertThat(pod.spec().volumes().get(1).emptyDir().sizeLimit()).isEqualTo(Quantity.ofBytes(64L << 20));
        var status = pod.status().containerStatuses().get(0);
        assertThat(status.lastState().terminated().exitCode()).isEqualTo(137);
        assertThat(status.state().running().startedAt()).isEqualTo(Instant.parse("2021-03-02T10:15:07Z"));
        assertThat(pod.status().conditions()).extracting(c -> c.lastProbeTime()).containsOnlyNulls();
    }

    @Test
    void goldenNodeKeepsItsQuantitiesAndKubeletPort() throws Exception {
        Node node = scheme.decode(read("node.json"), Node.class);

        assertThat(node.metadata().namespace()).isNull();
        assertThat(node.status().capacity().get("memory").value()).isEqualTo(24517288L * 1024);
        assertThat(node.status().allocatable().get("cpu").milliValue()).isEqualTo(2000);
        assertThat(node.status().daemonEndpoints().kubeletEndpoint().port()).isEqualTo(10250);
        assertThat(node.status().nodeInfo().kubeletVersion()).isEqualTo("v1.20.2");
    }

    @Test
    void goldenStatusCarriesEveryCause() throws Exception {
        Status status = scheme.decode(read("status-invalid.json"), Status.class);

        assertThat(status.code()).isEqualTo(422);
        assertThat(status.reason()).isEqualTo(Status.REASON_INVALID);
        assertThat(status.causes()).extracting(StatusCause::field, StatusCause::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("spec.containers[0].image", StatusCause.FIELD_VALUE_REQUIRED),
                org.assertj.core.groups.Tuple.tuple("spec.restartPolicy", StatusCause.FIELD_VALUE_NOT_SUPPORTED));
    }

    @Test
    void microTimesKeepMicroseconds() throws Exception {
        Lease lease = scheme.decode(read("lease.json"), Lease.class);
        Event event = scheme.decode(read("event.json"), Event.class);

        assertThat(lease.spec().renewTime()).isEqualTo(Instant.parse("2021-03-02T10:20:41.870215Z"));
        assertThat(event.eventTime()).isEqualTo(Instant.parse("2021-03-02T10:15:01.552704Z"));
        assertThat(Json.toString(lease)).contains("\"renewTime\":\"2021-03-02T10:20:41.870215Z\"");
    }

    @Test
    void multiDocumentManifestDecodesEveryObject() throws Exception {
        List<ApiObject> objects = scheme.decodeManifest(new String(read("manifest.yaml"), StandardCharsets.UTF_8));

        assertThat(objects).hasSize(2);
        ReplicationController rc = (ReplicationController) objects.get(0);
        Service svc = (Service) objects.get(1);
        assertThat(rc.spec().replicas()).isEqualTo(2);
        assertThat(rc.spec().selector()).isEqualTo(Map.of("app", "web"));
        var container = rc.spec().template().spec().containers().get(0);
        assertThat(container.command()).containsExactly("httpd", "-f", "-p", "8080");
        assertThat(container.resources().limits().get("cpu")).hasToString("500m");
        assertThat(container.resources().limits().get("memory")).hasToString("64Mi");
        assertThat(container.livenessProbe().httpGet().port().stringValue()).isEqualTo("http");
        assertThat(container.livenessProbe().initialDelaySeconds()).isEqualTo(3);
        assertThat(svc.metadata().name()).isEqualTo("web");
        assertThat(svc.spec().ports().get(0).port()).isEqualTo(80);
        assertThat(svc.spec().ports().get(0).targetPort().stringValue()).isEqualTo("http");
    }

    @Test
    void scaleIsAutoscalingV1() throws Exception {
        Scale scale = scheme.decode("""
                {"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web","namespace":"default"},
                 "spec":{"replicas":5},"status":{"replicas":3,"selector":"app=web"}}""".getBytes(), Scale.class);

        assertThat(scale.spec().replicas()).isEqualTo(5);
        assertThat(scale.status().selector()).isEqualTo("app=web");
        assertThat(Json.readTree(scheme.encode(scale)).path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/v1/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> nulls = obj.properties().stream().filter(e -> e.getValue().isNull())
                    .map(Map.Entry::getKey).toList();
            obj.remove(nulls);
            obj.forEach(GoldenFilesTest::withoutNulls);
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(GoldenFilesTest::withoutNulls);
        }
        return node;
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        assertThat(parent.has(pointer.substring(slash + 1))).as("golden file has %s", pointer).isTrue();
        ((ObjectNode) parent).remove(pointer.substring(slash + 1));
    }
}
