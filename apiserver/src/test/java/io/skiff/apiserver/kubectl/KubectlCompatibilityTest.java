package io.skiff.apiserver.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Yaml;
import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.TestApiServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl 1.20 against a running Skiff apiserver: discovery ({@code api-resources}), server-side
 * tables ({@code get}), {@code apply -f} with kubectl's default validation (which needs the
 * {@code /openapi/v2} protobuf), {@code scale}, {@code get -o yaml} and {@code delete}. The steps
 * build on each other, in order, as a user would type them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlCompatibilityTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    @TempDir
    static Path home;

    static Kubectl kubectl;

    static final String RC = """
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: web
              labels:
                app: web
            spec:
              replicas: %d
              selector:
                app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: busybox:latest
                    command: ["httpd", "-f", "-p", "8080"]
                    ports:
                    - containerPort: 8080
            """;

    @BeforeAll
    static void start() {
        kubectl = new Kubectl(API.url(), home);
        assertThat(kubectl.version()).as("SKIFF_TEST_KUBECTL must be kubectl 1.20").contains("v1.20.");
    }

    @Test
    @Order(1)
    void apiResourcesListsWhatTheServerServes() {
        List<String> lines = kubectl.run("api-resources").ok().lines();
        assertThat(lines.get(0).split("\\s+")).containsExactly("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND");
        assertThat(lines.subList(1, lines.size())).map(l -> String.join(" ", l.trim().split("\\s+"))).containsExactly(
                "bindings v1 true Binding",
                "endpoints ep v1 true Endpoints",
                "events ev v1 true Event",
                "namespaces ns v1 false Namespace",
                "nodes no v1 false Node",
                "pods po v1 true Pod",
                "replicationcontrollers rc v1 true ReplicationController",
                "services svc v1 true Service",
                "leases coordination.k8s.io/v1 true Lease");
    }

    @Test
    @Order(2)
    void getOnAnEmptyNamespaceSaysSo() {
        Kubectl.Result r = kubectl.run("get", "pods").ok();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().trim()).isEqualTo("No resources found in default namespace.");
    }

    @Test
    @Order(3)
    void getPrintsTheServersTable() {
        HttpTestClient.Response created = API.http().post("/api/v1/namespaces/default/pods", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},
                 "spec":{"containers":[{"name":"c","image":"busybox:latest"}]}}""");
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        List<String> lines = kubectl.run("get", "pods").ok().lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("NAME   READY   STATUS    RESTARTS   AGE");
        assertThat(lines.get(1)).matches("x      0/1     Pending   0          \\d+s");
        List<String> wide = kubectl.run("get", "pods", "-o", "wide").ok().lines();
        assertThat(wide.get(0).split("\\s{2,}")).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP",
                "NODE", "NOMINATED NODE", "READINESS GATES");
        assertThat(wide.get(1).split("\\s+")).containsSubsequence("x", "0/1", "Pending", "0", "<none>", "<none>");
    }

    @Test
    @Order(4)
    void applyValidatesAgainstTheServersOpenApiAndCreatesThenPatches() {
        assertThat(kubectl.withInput(RC.formatted(2), "apply", "-f", "-").ok().out().trim())
                .isEqualTo("replicationcontroller/web created");
        assertThat(kubectl.withInput(RC.formatted(2), "apply", "-f", "-").ok().out().trim())
                .isEqualTo("replicationcontroller/web unchanged");
        assertThat(kubectl.withInput(RC.formatted(1), "apply", "-f", "-").ok().out().trim())
                .isEqualTo("replicationcontroller/web configured");
        assertThat(API.http().get("/api/v1/namespaces/default/replicationcontrollers/web").text("spec.replicas"))
                .isEqualTo("1");
        // kubectl's validation runs on the server's OpenAPI document: an unknown field is refused client-side
        Kubectl.Result invalid = kubectl.withInput(RC.formatted(1).replace("replicas:", "replicaz:"), "apply", "-f", "-");
        assertThat(invalid.exit()).isNotZero();
        assertThat(invalid.err()).contains("error validating").contains("unknown field \"replicaz\"");
    }

    @Test
    @Order(5)
    void scaleGoesThroughTheScaleSubresource() {
        assertThat(kubectl.run("scale", "rc", "web", "--replicas=3").ok().out().trim())
                .isEqualTo("replicationcontroller/web scaled");
        assertThat(API.http().get("/api/v1/namespaces/default/replicationcontrollers/web").text("spec.replicas"))
                .isEqualTo("3");
        List<String> lines = kubectl.run("get", "rc").ok().lines();
        assertThat(lines.get(0)).isEqualTo("NAME   DESIRED   CURRENT   READY   AGE");
        assertThat(lines.get(1)).matches("web    3         0         0       \\d+s");
    }

    @Test
    @Order(6)
    void getAsYamlIsTheStoredObject() throws Exception {
        JsonNode rc = Yaml.readDocuments(kubectl.run("get", "rc", "web", "-o", "yaml").ok().out()).get(0);
        assertThat(rc.path("kind").asText()).isEqualTo("ReplicationController");
        assertThat(rc.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(rc.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(rc.path("spec").path("template").path("spec").path("containers").get(0).path("ports").get(0)
                .path("containerPort").asInt()).isEqualTo(8080);
        assertThat(rc.path("metadata").path("annotations")
                .path("kubectl.kubernetes.io/last-applied-configuration").asText()).contains("\"replicas\":1");
        assertThat(rc.path("metadata").path("uid").asText()).isNotEmpty();
    }

    @Test
    @Order(7)
    void deleteRemovesAnUnboundPodAtOnce() {
        assertThat(kubectl.run("delete", "pod", "x").ok().out().trim()).isEqualTo("pod \"x\" deleted");
        assertThat(API.http().get("/api/v1/namespaces/default/pods/x").code()).isEqualTo(404);
        Kubectl.Result missing = kubectl.run("delete", "pod", "x");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err().trim()).isEqualTo("Error from server (NotFound): pods \"x\" not found");
    }

    @Test
    @Order(8)
    void serverSideDryRunStoresNothing() {
        String before = API.http().get("/api/v1/namespaces/default/replicationcontrollers/web").body();
        assertThat(kubectl.withInput(RC.formatted(5), "apply", "--dry-run=server", "-f", "-").ok().out().trim())
                .isEqualTo("replicationcontroller/web configured (server dry run)");
        assertThat(kubectl.run("delete", "rc", "web", "--dry-run=server").ok().out().trim())
                .isEqualTo("replicationcontroller \"web\" deleted (server dry run)");
        assertThat(API.http().get("/api/v1/namespaces/default/replicationcontrollers/web").body()).isEqualTo(before);
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: dry
                spec:
                  containers:
                  - name: c
                    image: busybox:latest
                """;
        assertThat(kubectl.withInput(pod, "create", "--dry-run=server", "-f", "-").ok().out().trim())
                .isEqualTo("pod/dry created (server dry run)");
        assertThat(API.http().get("/api/v1/namespaces/default/pods/dry").code()).isEqualTo(404);
        Kubectl.Result invalid = kubectl.withInput(pod.replace("name: dry", "name: Bad_Dry"), "create", "--dry-run=server", "-f", "-");
        assertThat(invalid.exit()).isNotZero();
        assertThat(invalid.err()).contains("The Pod \"Bad_Dry\" is invalid: metadata.name: Invalid value: \"Bad_Dry\"");
    }
}
