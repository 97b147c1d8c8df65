package io.skiff.apiserver.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.TestApiServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Discovery documents on a running server, field by field as Kubernetes 1.20 serves them. */
class DiscoveryTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    static JsonNode get(String path) {
        HttpTestClient.Response r = API.http().get(path);
        assertThat(r.code()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    static JsonNode resource(JsonNode list, String name) {
        for (JsonNode r : list.path("resources")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no " + name + " in " + list);
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void apiListsTheCoreVersionAndWhereToReachTheServer() {
        JsonNode api = get("/api");
        assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
        assertThat(texts(api.path("versions"))).containsExactly("v1");
        assertThat(api.path("serverAddressByClientCIDRs").get(0).path("clientCIDR").asText()).isEqualTo("0.0.0.0/0");
        assertThat(api.path("serverAddressByClientCIDRs").get(0).path("serverAddress").asText())
                .isEqualTo("127.0.0.1:" + API.server().port());
    }

    static Stream<Arguments> coreResources() {
        List<String> all = ResourceInfo.ALL_VERBS;
        List<String> noCollection = List.of("create", "delete", "get", "list", "patch", "update", "watch");
        List<String> status = List.of("get", "patch", "update");
        return Stream.of(
                Arguments.of("pods", "pod", true, "Pod", all, List.of("po"), List.of("all")),
                Arguments.of("pods/status", "", true, "Pod", status, List.of(), List.of()),
                Arguments.of("pods/log", "", true, "Pod", List.of("get"), List.of(), List.of()),
                Arguments.of("pods/binding", "", true, "Binding", List.of("create"), List.of(), List.of()),
                Arguments.of("bindings", "binding", true, "Binding", List.of("create"), List.of(), List.of()),
                Arguments.of("replicationcontrollers", "replicationcontroller", true, "ReplicationController", all,
                        List.of("rc"), List.of("all")),
                Arguments.of("replicationcontrollers/status", "", true, "ReplicationController", status, List.of(),
                        List.of()),
                Arguments.of("services", "service", true, "Service", noCollection, List.of("svc"), List.of("all")),
                Arguments.of("services/status", "", true, "Service", status, List.of(), List.of()),
                Arguments.of("endpoints", "endpoints", true, "Endpoints", all, List.of("ep"), List.of()),
                Arguments.of("nodes", "node", false, "Node", all, List.of("no"), List.of()),
                Arguments.of("nodes/status", "", false, "Node", status, List.of(), List.of()),
                Arguments.of("namespaces", "namespace", false, "Namespace", noCollection, List.of("ns"), List.of()),
                Arguments.of("namespaces/status", "", false, "Namespace", status, List.of(), List.of()),
                Arguments.of("events", "event", true, "Event", all, List.of("ev"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coreResources")
    void coreResourceListDescribesEachResource(String name, String singular, boolean namespaced, String kind,
            List<String> verbs, List<String> shortNames, List<String> categories) {
        JsonNode r = resource(get("/api/v1"), name);
        assertThat(r.path("singularName").asText()).isEqualTo(singular);
        assertThat(r.path("namespaced").asBoolean()).isEqualTo(namespaced);
        assertThat(r.path("namespaced").isBoolean()).isTrue();
        assertThat(r.path("kind").asText()).isEqualTo(kind);
        assertThat(texts(r.path("verbs"))).containsExactlyElementsOf(verbs);
        assertThat(texts(r.path("shortNames"))).containsExactlyElementsOf(shortNames);
        assertThat(texts(r.path("categories"))).containsExactlyElementsOf(categories);
        assertThat(r.has("group")).isFalse();
    }

    @Test
    void scaleIsAnAutoscalingV1Subresource() {
        JsonNode scale = resource(get("/api/v1"), "replicationcontrollers/scale");
        assertThat(scale.path("group").asText()).isEqualTo("autoscaling");
        assertThat(scale.path("version").asText()).isEqualTo("v1");
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        assertThat(texts(scale.path("verbs"))).containsExactly("get", "patch", "update");
    }

    @Test
    void resourceListsAreTheSchemeTableSortedByName() {
        JsonNode v1 = get("/api/v1");
        assertThat(v1.path("kind").asText()).isEqualTo("APIResourceList");
        assertThat(v1.path("groupVersion").asText()).isEqualTo("v1");
        List<String> expected = new ArrayList<>();
        for (ResourceInfo r : Scheme.defaultScheme().resources()) {
            if (r.apiVersion().equals("v1")) {
                expected.add(r.plural());
                r.subresources().forEach(s -> expected.add(r.plural() + "/" + s.name()));
            }
        }
        List<String> names = StreamSupport.stream(v1.path("resources").spliterator(), false)
                .map(n -> n.path("name").asText()).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected).isSorted();
    }

    @Test
    void groupsListCoordinationWithItsPreferredVersion() {
        JsonNode apis = get("/apis");
        assertThat(apis.path("kind").asText()).isEqualTo("APIGroupList");
        assertThat(apis.path("groups")).hasSize(1);
        JsonNode group = apis.path("groups").get(0);
        assertThat(group.path("name").asText()).isEqualTo("coordination.k8s.io");
        assertThat(group.path("versions").get(0).path("groupVersion").asText()).isEqualTo("coordination.k8s.io/v1");
        assertThat(group.path("preferredVersion").path("version").asText()).isEqualTo("v1");

        JsonNode one = get("/apis/coordination.k8s.io");
        assertThat(one.path("kind").asText()).isEqualTo("APIGroup");
        assertThat(one.path("name").asText()).isEqualTo("coordination.k8s.io");

        JsonNode leases = resource(get("/apis/coordination.k8s.io/v1"), "leases");
        assertThat(leases.path("kind").asText()).isEqualTo("Lease");
        assertThat(leases.path("namespaced").asBoolean()).isTrue();
        assertThat(texts(leases.path("verbs"))).containsExactlyElementsOf(ResourceInfo.ALL_VERBS);
    }

    @Test
    void unknownGroupsAreNotFound() {
        HttpTestClient.Response r = API.http().get("/apis/apps/v1");
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.text("reason")).isEqualTo("NotFound");
        assertThat(API.http().get("/apis/autoscaling").code()).isEqualTo(404);
    }

    @Test
    void versionIsKubernetes120WithSkiffsOwnVersion() {
        JsonNode v = get("/version");
        assertThat(v.path("major").asText()).isEqualTo("1");
        assertThat(v.path("minor").asText()).isEqualTo("20");
        assertThat(v.path("gitVersion").asText()).startsWith("v1.20.0-skiff.").doesNotEndWith(".");
        assertThat(v.path("platform").asText()).matches("[a-z0-9]+/[a-z0-9]+");
        assertThat(v.path("goVersion").asText()).startsWith("java");
        assertThat(v.has("gitCommit")).isTrue();
        assertThat(v.has("buildDate")).isTrue();
    }
}
