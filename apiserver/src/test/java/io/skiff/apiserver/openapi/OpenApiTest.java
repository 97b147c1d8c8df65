package io.skiff.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Yaml;
import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.TestApiServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openapi_v2.Document;
import org.openapi_v2.NamedAny;
import org.openapi_v2.NamedPathItem;
import org.openapi_v2.NamedSchema;
import org.openapi_v2.Schema;

/** /openapi/v2 as JSON and as gnostic protobuf: names, kinds, merge keys, paths, and references that resolve. */
class OpenApiTest {
    static final String CORE = "io.k8s.api.core.v1.";
    static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    static JsonNode doc() {
        HttpTestClient.Response r = API.http().get("/openapi/v2");
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    static byte[] protobuf(String path) throws Exception {
        HttpResponse<byte[]> r = API.http().client().send(HttpRequest.newBuilder(API.url().resolve(path))
                .header("Accept", OpenApiRoutes.PROTOBUF).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains(OpenApiRoutes.PROTOBUF_CONTENT_TYPE);
        return r.body();
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(CORE + "Pod", "", "v1", "Pod"),
                Arguments.of(CORE + "PodList", "", "v1", "PodList"),
                Arguments.of(CORE + "ReplicationController", "", "v1", "ReplicationController"),
                Arguments.of(CORE + "Service", "", "v1", "Service"),
                Arguments.of(CORE + "Endpoints", "", "v1", "Endpoints"),
                Arguments.of(CORE + "Node", "", "v1", "Node"),
                Arguments.of(CORE + "Namespace", "", "v1", "Namespace"),
                Arguments.of(CORE + "Event", "", "v1", "Event"),
                Arguments.of(CORE + "Binding", "", "v1", "Binding"),
                Arguments.of("io.k8s.api.coordination.v1.Lease", "coordination.k8s.io", "v1", "Lease"),
                Arguments.of("io.k8s.api.coordination.v1.LeaseList", "coordination.k8s.io", "v1", "LeaseList"),
                Arguments.of("io.k8s.api.autoscaling.v1.Scale", "autoscaling", "v1", "Scale"),
                Arguments.of(META + "Status", "", "v1", "Status"),
                Arguments.of(META + "DeleteOptions", "", "v1", "DeleteOptions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKindIsNamedAsKubernetesNamesItAndTagged(String definition, String group, String version, String kind) {
        JsonNode def = doc().path("definitions").path(definition);
        assertThat(def.isObject()).as(definition).isTrue();
        JsonNode gvk = def.path("x-kubernetes-group-version-kind").get(0);
        assertThat(gvk.path("group").asText()).isEqualTo(group);
        assertThat(gvk.path("version").asText()).isEqualTo(version);
        assertThat(gvk.path("kind").asText()).isEqualTo(kind);
        assertThat(def.path("properties").path("apiVersion").path("type").asText()).isEqualTo("string");
        assertThat(def.path("properties").path("kind").path("type").asText()).isEqualTo("string");
    }

    static Stream<Arguments> properties() {
        return Stream.of(
                // definition, property, expected schema (as JSON)
                Arguments.of(CORE + "Pod", "metadata", "{\"$ref\":\"#/definitions/" + META + "ObjectMeta\"}"),
                Arguments.of(CORE + "Pod", "spec", "{\"$ref\":\"#/definitions/" + CORE + "PodSpec\"}"),
                Arguments.of(CORE + "PodSpec", "containers", "{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/"
                        + CORE + "Container\"},\"x-kubernetes-patch-merge-key\":\"name\","
                        + "\"x-kubernetes-patch-strategy\":\"merge\"}"),
                Arguments.of(CORE + "Container", "ports", "{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/"
                        + CORE + "ContainerPort\"},\"x-kubernetes-patch-merge-key\":\"containerPort\","
                        + "\"x-kubernetes-patch-strategy\":\"merge\"}"),
                Arguments.of(CORE + "Container", "resources", "{\"$ref\":\"#/definitions/" + CORE
                        + "ResourceRequirements\"}"),
                Arguments.of(CORE + "ResourceRequirements", "limits", "{\"type\":\"object\",\"additionalProperties\":"
                        + "{\"$ref\":\"#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity\"}}"),
                Arguments.of(CORE + "ServiceSpec", "ports", "{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/"
                        + CORE + "ServicePort\"},\"x-kubernetes-patch-merge-key\":\"port\","
                        + "\"x-kubernetes-patch-strategy\":\"merge\"}"),
                Arguments.of(CORE + "ServicePort", "targetPort", "{\"$ref\":\"#/definitions/"
                        + "io.k8s.apimachinery.pkg.util.intstr.IntOrString\"}"),
                Arguments.of(CORE + "ServicePort", "port", "{\"type\":\"integer\",\"format\":\"int32\"}"),
                Arguments.of(CORE + "NodeStatus", "conditions", "{\"type\":\"array\",\"items\":{\"$ref\":"
                        + "\"#/definitions/" + CORE + "NodeCondition\"},\"x-kubernetes-patch-merge-key\":\"type\","
                        + "\"x-kubernetes-patch-strategy\":\"merge\"}"),
                Arguments.of(CORE + "DaemonEndpoint", "Port", "{\"type\":\"integer\",\"format\":\"int32\"}"),
                Arguments.of(CORE + "ContainerState", "waiting", "{\"$ref\":\"#/definitions/" + CORE
                        + "ContainerStateWaiting\"}"),
                Arguments.of(META + "ObjectMeta", "finalizers", "{\"type\":\"array\",\"items\":{\"type\":\"string\"},"
                        + "\"x-kubernetes-patch-strategy\":\"merge\"}"),
                Arguments.of(META + "ObjectMeta", "creationTimestamp", "{\"$ref\":\"#/definitions/" + META + "Time\"}"),
                Arguments.of(META + "ObjectMeta", "labels", "{\"type\":\"object\",\"additionalProperties\":"
                        + "{\"type\":\"string\"}}"),
                Arguments.of(META + "ListMeta", "continue", "{\"type\":\"string\"}"),
                Arguments.of("io.k8s.api.coordination.v1.LeaseSpec", "renewTime", "{\"$ref\":\"#/definitions/" + META
                        + "MicroTime\"}"),
                Arguments.of("io.k8s.api.autoscaling.v1.Scale", "spec", "{\"$ref\":\"#/definitions/"
                        + "io.k8s.api.autoscaling.v1.ScaleSpec\"}"),
                Arguments.of(CORE + "NodeSpec", "taints", "{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/"
                        + CORE + "Taint\"}}"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("properties")
    void propertiesFollowTheWireForm(String definition, String property, String schema) throws Exception {
        JsonNode p = doc().path("definitions").path(definition).path("properties").path(property);
        assertThat(p).isEqualTo(io.skiff.api.codec.Json.readTree(schema));
    }

    @Test
    void everyReferenceResolves() {
        JsonNode doc = doc();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).hasSizeGreaterThan(100);
        for (String ref : refs) {
            assertThat(doc.path("definitions").has(ref.substring("#/definitions/".length()))).as(ref).isTrue();
        }
    }

    static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }

    @Test
    void pathsAreTheServedEndpointsWithKubernetesOperationIds() {
        JsonNode paths = doc().path("paths");
        assertThat(paths.path("/api/v1/namespaces/{namespace}/pods").path("get").path("operationId").asText())
                .isEqualTo("listCoreV1NamespacedPod");
        assertThat(paths.path("/api/v1/namespaces/{namespace}/pods").path("post").path("x-kubernetes-action").asText())
                .isEqualTo("post");
        assertThat(paths.path("/api/v1/pods").path("get").path("operationId").asText())
                .isEqualTo("listCoreV1PodForAllNamespaces");
        assertThat(paths.path("/api/v1/nodes/{name}/status").path("patch").path("operationId").asText())
                .isEqualTo("patchCoreV1NodeStatus");
        JsonNode scale = paths.path("/api/v1/namespaces/{namespace}/replicationcontrollers/{name}/scale").path("get");
        assertThat(scale.path("operationId").asText()).isEqualTo("readCoreV1NamespacedReplicationControllerScale");
        assertThat(scale.path("x-kubernetes-group-version-kind").path("group").asText()).isEqualTo("autoscaling");
        assertThat(scale.path("responses").path("200").path("schema").path("$ref").asText())
                .isEqualTo("#/definitions/io.k8s.api.autoscaling.v1.Scale");
        assertThat(paths.path("/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases/{name}").path("put")
                .path("operationId").asText()).isEqualTo("replaceCoordinationV1NamespacedLease");
        assertThat(paths.has("/api/v1/namespaces/{namespace}/services")).isTrue();
        // services have no deletecollection, as in Kubernetes
        assertThat(paths.path("/api/v1/namespaces/{namespace}/services").has("delete")).isFalse();
    }

    @Test
    void protobufIsTheSameDocumentInGnosticsForm() throws Exception {
        Document doc = Document.parseFrom(protobuf("/openapi/v2"));
        assertThat(doc.getSwagger()).isEqualTo("2.0");
        assertThat(doc.getInfo().getTitle()).isEqualTo("Kubernetes");
        assertThat(doc.getDefinitions().getAdditionalPropertiesCount()).isEqualTo(doc().path("definitions").size());
        Map<String, Schema> defs = new java.util.HashMap<>();
        for (NamedSchema s : doc.getDefinitions().getAdditionalPropertiesList()) {
            defs.put(s.getName(), s.getValue());
        }
        Schema pod = defs.get(CORE + "Pod");
        NamedAny gvk = pod.getVendorExtensionList().stream()
                .filter(e -> e.getName().equals("x-kubernetes-group-version-kind")).findFirst().orElseThrow();
        JsonNode gvkValue = Yaml.readDocuments(gvk.getValue().getYaml()).get(0);
        assertThat(gvkValue.get(0).path("kind").asText()).isEqualTo("Pod");
        assertThat(gvkValue.get(0).path("group").isTextual()).isTrue();
        assertThat(gvkValue.get(0).path("group").asText()).isEmpty();
        Schema metadata = pod.getProperties().getAdditionalPropertiesList().stream()
                .filter(p -> p.getName().equals("metadata")).findFirst().orElseThrow().getValue();
        assertThat(metadata.getRef()).isEqualTo("#/definitions/" + META + "ObjectMeta");
        Schema containers = defs.get(CORE + "PodSpec").getProperties().getAdditionalPropertiesList().stream()
                .filter(p -> p.getName().equals("containers")).findFirst().orElseThrow().getValue();
        assertThat(containers.getType().getValueList()).containsExactly("array");
        assertThat(containers.getItems().getSchema(0).getRef()).isEqualTo("#/definitions/" + CORE + "Container");
        assertThat(containers.getVendorExtensionList()).extracting(NamedAny::getName)
                .containsExactly("x-kubernetes-patch-merge-key", "x-kubernetes-patch-strategy");
        assertThat(containers.getVendorExtension(0).getValue().getYaml().trim()).isEqualTo("name");
        NamedPathItem pods = doc.getPaths().getPathList().stream()
                .filter(p -> p.getName().equals("/api/v1/namespaces/{namespace}/pods")).findFirst().orElseThrow();
        assertThat(pods.getValue().getGet().getOperationId()).isEqualTo("listCoreV1NamespacedPod");
        assertThat(pods.getValue().getParametersList()).anySatisfy(p -> assertThat(p.getParameter()
                .getNonBodyParameter().getPathParameterSubSchema().getName()).isEqualTo("namespace"));
        assertThat(pods.getValue().getPost().getParametersList()).anySatisfy(p -> assertThat(p.getParameter()
                .getBodyParameter().getSchema().getRef()).isEqualTo("#/definitions/" + CORE + "Pod"));
        assertThat(protobuf("/swagger-2.0.0.pb-v1")).isEqualTo(doc.toByteArray());
    }

    @Test
    void etagsLetClientsCache() throws Exception {
        HttpResponse<String> first = API.http().client().send(HttpRequest.newBuilder(API.url().resolve("/openapi/v2"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = API.http().client().send(HttpRequest.newBuilder(API.url().resolve("/openapi/v2"))
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }
}
