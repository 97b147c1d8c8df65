package io.skiff.apiserver.printing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.TestApiServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Server-side printing over REST: GET, LIST and WATCH answered as meta.k8s.io Tables when asked. */
class TablePrinterTest {
    static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";
    /** What kubectl 1.20 sends for {@code kubectl get}. */
    static final String KUBECTL_ACCEPT = TABLE + ",application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    @BeforeAll
    static void pods() {
        for (String name : List.of("web-1", "web-2")) {
            HttpTestClient.Response r = API.http().post("/api/v1/namespaces/default/pods", """
                    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"web"}},
                     "spec":{"containers":[{"name":"web","image":"busybox"},{"name":"log","image":"busybox"}]}}
                    """.formatted(name));
            assertThat(r.code()).as(r.body()).isEqualTo(201);
        }
    }

    static HttpTestClient.Response get(String path, String accept) {
        return API.http().send(HttpRequest.newBuilder(API.url().resolve(path)).header("Accept", accept).GET());
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    @Test
    void listIsATableWithKubectlsColumnsAndMetadataRows() {
        HttpTestClient.Response r = get("/api/v1/namespaces/default/pods", KUBECTL_ACCEPT);
        assertThat(r.code()).as(r.body()).isEqualTo(200);
        JsonNode t = r.json();
        assertThat(t.path("kind").asText()).isEqualTo("Table");
        assertThat(t.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(t.path("metadata").path("resourceVersion").asText()).isNotEmpty();
        assertThat(texts(t.path("columnDefinitions"), "name")).containsExactly("Name", "Ready", "Status", "Restarts",
                "Age", "IP", "Node", "Nominated Node", "Readiness Gates");
        assertThat(t.path("columnDefinitions").get(0).path("format").asText()).isEqualTo("name");
        assertThat(t.path("columnDefinitions").get(3).path("type").asText()).isEqualTo("integer");
        assertThat(t.path("columnDefinitions").get(5).path("priority").asInt()).isEqualTo(1);
        assertThat(t.path("rows")).hasSize(2);
        JsonNode row = t.path("rows").get(0);
        assertThat(row.path("cells").get(0).asText()).isEqualTo("web-1");
        assertThat(row.path("cells").get(1).asText()).isEqualTo("0/2");
        assertThat(row.path("cells").get(2).asText()).isEqualTo("Pending");
        assertThat(row.path("cells").get(3).isIntegralNumber()).isTrue();
        assertThat(row.path("cells").get(4).asText()).matches("\\d+s");
        assertThat(row.path("cells").get(6).asText()).isEqualTo("<none>");
        assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
        assertThat(row.path("object").path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(row.path("object").path("metadata").path("name").asText()).isEqualTo("web-1");
        assertThat(row.path("object").path("metadata").path("labels").path("app").asText()).isEqualTo("web");
        assertThat(row.path("object").has("spec")).isFalse();
    }

    @Test
    void includeObjectSelectsWhatEachRowCarries() {
        JsonNode full = get("/api/v1/namespaces/default/pods?includeObject=Object", TABLE).json();
        assertThat(full.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("Pod");
        assertThat(full.path("rows").get(0).path("object").path("spec").path("containers")).hasSize(2);
        JsonNode none = get("/api/v1/namespaces/default/pods?includeObject=None", TABLE).json();
        assertThat(none.path("rows").get(0).has("object")).isFalse();
        HttpTestClient.Response bad = get("/api/v1/namespaces/default/pods?includeObject=Everything", TABLE);
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.text("reason")).isEqualTo("BadRequest");
    }

    @Test
    void getOfOneObjectIsATableOfOneRow() {
        JsonNode t = get("/api/v1/namespaces/default/pods/web-2", TABLE).json();
        assertThat(t.path("kind").asText()).isEqualTo("Table");
        assertThat(t.path("rows")).hasSize(1);
        assertThat(t.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("web-2");
    }

    @Test
    void otherKindsHaveTheirOwnColumns() {
        JsonNode ns = get("/api/v1/namespaces", TABLE).json();
        assertThat(texts(ns.path("columnDefinitions"), "name")).containsExactly("Name", "Status", "Age");
        List<String> names = StreamSupport.stream(ns.path("rows").spliterator(), false)
                .map(row -> row.path("cells").get(0).asText()).toList();
        assertThat(names).contains("default", "kube-system", "kube-node-lease");
        JsonNode leases = get("/apis/coordination.k8s.io/v1/leases", TABLE).json();
        assertThat(texts(leases.path("columnDefinitions"), "name")).containsExactly("Name", "Holder", "Age");
    }

    @Test
    void plainJsonFirstOrAnUnknownTableVersionAnswersTheObjects() {
        assertThat(get("/api/v1/namespaces/default/pods", "application/json," + TABLE).json().path("kind").asText())
                .isEqualTo("PodList");
        assertThat(get("/api/v1/namespaces/default/pods", "application/json;as=Table;v=v2;g=meta.k8s.io,"
                + "application/json").json().path("kind").asText()).isEqualTo("PodList");
        JsonNode beta = get("/api/v1/namespaces/default/pods", "application/json;as=Table;v=v1beta1;g=meta.k8s.io")
                .json();
        assertThat(beta.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1beta1");
    }

    @Test
    void errorsStayStatuses() {
        HttpTestClient.Response r = get("/api/v1/namespaces/default/pods/missing", TABLE);
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.text("kind")).isEqualTo("Status");
    }

    @Test
    void watchEventsCarryTablesOfOneRow() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(API.url().resolve(
                        "/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=2&fieldSelector=metadata.name%3Dweb-1"))
                .header("Accept", KUBECTL_ACCEPT).timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<Stream<String>> response = API.http().client().send(request,
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines;
        try (Stream<String> s = response.body()) {
            lines = s.filter(l -> !l.isBlank()).toList(); // the watch ends at timeoutSeconds
        }
        assertThat(lines).hasSize(1);
        JsonNode event = Json.readTree(lines.get(0));
        assertThat(event.path("type").asText()).isEqualTo("ADDED");
        JsonNode table = event.path("object");
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions")).hasSize(9);
        assertThat(table.path("rows")).hasSize(1);
        assertThat(table.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("web-1");
    }
}
