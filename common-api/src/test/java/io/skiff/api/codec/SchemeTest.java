package io.skiff.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.autoscaling.Scale;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Container;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemeTest {
    private final Scheme scheme = Scheme.defaultScheme();
    private final Pod pod = new Pod(ObjectMeta.of("default", "web"),
            PodSpec.of(List.of(Container.of("web", "busybox"))), null);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name as typed,        kind,                  plural,                 namespaced, apiVersion
        "pods,                   Pod,                   pods,                   true,  v1",
        "po,                     Pod,                   pods,                   true,  v1",
        "Pod,                    Pod,                   pods,                   true,  v1",
        "rc,                     ReplicationController, replicationcontrollers, true,  v1",
        "replicationcontroller,  ReplicationController, replicationcontrollers, true,  v1",
        "svc,                    Service,               services,               true,  v1",
        "ep,                     Endpoints,             endpoints,              true,  v1",
        "no,                     Node,                  nodes,                  false, v1",
        "NODES,                  Node,                  nodes,                  false, v1",
        "ns,                     Namespace,             namespaces,             false, v1",
        "ev,                     Event,                 events,                 true,  v1",
        "lease,                  Lease,                 leases,                 true,  coordination.k8s.io/v1",
        "bindings,               Binding,               bindings,               true,  v1",
    })
    void resourceTableKnowsNamesKindsAndScope(String name, String kind, String plural, boolean namespaced,
            String apiVersion) {
        ResourceInfo r = scheme.resource(name).orElseThrow();

        assertThat(r.kind()).isEqualTo(kind);
        assertThat(r.plural()).isEqualTo(plural);
        assertThat(r.namespaced()).isEqualTo(namespaced);
        assertThat(r.apiVersion()).isEqualTo(apiVersion);
        assertThat(scheme.resourceForKind(kind)).contains(r);
        // The resource's kind decodes in its own version.
        assertThat(scheme.version(apiVersion).orElseThrow().kinds()).contains(kind);
    }

    @Test
    void subresourcesAsDiscoveryServesThem() {
        ResourceInfo rc = scheme.resource("rc").orElseThrow();
        ResourceInfo pods = scheme.resource("pods").orElseThrow();

        assertThat(rc.subresource("scale")).satisfies(s -> {
            assertThat(s.group()).isEqualTo("autoscaling");
            assertThat(s.kind()).isEqualTo(Scale.KIND);
            assertThat(s.verbs()).containsExactly("get", "patch", "update");
        });
        assertThat(pods.subresources()).extracting(ResourceInfo.Subresource::name)
                .containsExactly("status", "binding", "log");
        assertThat(pods.verbs()).contains("watch", "deletecollection");
        assertThat(scheme.resource("nope")).isEmpty();
    }

    @Test
    void v1EncodingCarriesApiVersionAndKindFirst() {
        String json = new String(scheme.encode(pod), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\"");
        assertThat(json).doesNotContain("null", "status");
        assertThat(Json.toString(new Lease(ObjectMeta.named("l"), null)))
                .isEqualTo("{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\",\"metadata\":{\"name\":\"l\"}}");
    }

    @Test
    void encodingInAVersionThatLacksTheKindFails() {
        assertThatThrownBy(() -> scheme.encode(pod, "coordination.k8s.io/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no kind \"Pod\" is registered for version \"coordination.k8s.io/v1\"");
    }

    @Test
    void listsRoundTripAndItemsCarryTheirKind() throws DecodeException {
        KubeList<Pod> list = KubeList.of("v1", Pod.KIND, ListMeta.atVersion("42"), List.of(pod, pod));

        JsonNode tree = Json.readTree(scheme.encode(list));
        KubeList<Pod> back = scheme.decodeList(scheme.encode(list), Pod.class);

        assertThat(tree.path("kind").asText()).isEqualTo("PodList");
        assertThat(tree.path("items").get(0).path("kind").asText()).isEqualTo("Pod");
        assertThat(tree.path("metadata").path("resourceVersion").asText()).isEqualTo("42");
        assertThat(back).isEqualTo(list);
        assertThat(back.itemKind()).isEqualTo("Pod");
    }

    @Test
    void listItemsWithoutKindAreTheListsKind() throws DecodeException {
        // kube-apiserver omits kind/apiVersion on list items.
        KubeList<Node> nodes = scheme.decodeList("""
                {"apiVersion":"v1","kind":"NodeList","metadata":{"resourceVersion":"7"},
                 "items":[{"metadata":{"name":"n1"}},{"metadata":{"name":"n2"}}]}""".getBytes(), Node.class);

        assertThat(nodes.items()).extracting(Node::name).containsExactly("n1", "n2");
        assertThatThrownBy(() -> scheme.decodeList(scheme.encode(nodes), Pod.class))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("expected Pod, got Node");
    }

    @Test
    void bodyWithoutTypeTakesItFromTheRequest() throws DecodeException {
        JsonNode body = Json.readTree("{\"metadata\":{\"name\":\"web\"},\"spec\":{}}");

        ApiObject decoded = scheme.decode(body, "v1", Pod.KIND);

        assertThat(decoded).isInstanceOf(Pod.class);
        assertThat(((Pod) decoded).name()).isEqualTo("web");
        // A body that states its own kind keeps it; the caller checks it.
        assertThat(scheme.decode(Json.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"}"), "v1", Pod.KIND))
                .isInstanceOf(Namespace.class);
    }

    @Test
    void watchEventsDecodeTheirObject() throws DecodeException {
        byte[] line = Json.toBytes(new WatchEvent(WatchEvent.MODIFIED, pod));

        WatchEvent event = scheme.decodeWatchEvent(line);

        assertThat(new String(line, StandardCharsets.UTF_8)).startsWith("{\"type\":\"MODIFIED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\"");
        assertThat(event).isEqualTo(new WatchEvent(WatchEvent.MODIFIED, pod));
        WatchEvent error = scheme.decodeWatchEvent(Json.toBytes(new WatchEvent(WatchEvent.ERROR,
                Status.failure(410, Status.REASON_EXPIRED, "too old resource version: 1 (42)", null))));
        assertThat(((Status) error.object()).code()).isEqualTo(410);
        assertThatThrownBy(() -> scheme.decodeWatchEvent("{\"object\":{}}".getBytes()))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void deleteOptionsDecodeInEveryGroupKubectlSendsThemIn() throws DecodeException {
        for (String apiVersion : List.of("v1", "meta.k8s.io/v1", "coordination.k8s.io/v1")) {
            ApiObject o = scheme.decode(("{\"apiVersion\":\"" + apiVersion
                    + "\",\"kind\":\"DeleteOptions\",\"propagationPolicy\":\"Orphan\",\"gracePeriodSeconds\":0}")
                    .getBytes());
            assertThat(o).isEqualTo(new DeleteOptions(0L, null, null, DeleteOptions.PROPAGATION_ORPHAN, null));
        }
    }

    @Test
    void manifestMayBeJsonOrAKubectlList() throws DecodeException {
        String list = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":["
                + Json.toString(pod) + "," + Json.toString(new Namespace(ObjectMeta.named("x"), null, null)) + "]}";

        assertThat(scheme.decodeManifest(list)).extracting(ApiObject::kind).containsExactly("Pod", "Namespace");
        assertThat(scheme.decodeManifest("---\n" + Yaml.toYaml(pod) + "\n---\n\n---\n")).containsExactly(pod);
    }

    /** A second external version plugs in beside v1: here a toy one that spells "name" as "id". */
    @Test
    void anotherVersionPlugsIn() throws DecodeException {
        VersionConverter toy = new VersionConverter() {
            @Override
            public String apiVersion() {
                return "toy/v0";
            }

            @Override
            public Set<String> kinds() {
                return Set.of("Namespace");
            }

            @Override
            public ApiObject toHub(String kind, JsonNode node) {
                return new Namespace(ObjectMeta.named(node.path("id").asText()), null, null);
            }

            @Override
            public JsonNode fromHub(ApiObject obj) {
                ObjectNode n = Json.mapper().createObjectNode();
                n.put("apiVersion", "toy/v0").put("kind", obj.kind()).put("id", ((Namespace) obj).name());
                return n;
            }
        };
        Scheme withToy = Scheme.v1Builder().version(toy).build();

        Namespace ns = withToy.decode("{\"apiVersion\":\"toy/v0\",\"kind\":\"Namespace\",\"id\":\"a\"}".getBytes(),
                Namespace.class);

        assertThat(ns.name()).isEqualTo("a");
        assertThat(new String(withToy.encode(ns, "toy/v0"), StandardCharsets.UTF_8))
                .isEqualTo("{\"apiVersion\":\"toy/v0\",\"kind\":\"Namespace\",\"id\":\"a\"}");
        assertThat(new String(withToy.encode(ns), StandardCharsets.UTF_8))
                .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}");
        assertThat(withToy.apiVersions()).contains("v1", "toy/v0");
        assertThat(scheme.apiVersions()).doesNotContain("toy/v0");
    }
}
