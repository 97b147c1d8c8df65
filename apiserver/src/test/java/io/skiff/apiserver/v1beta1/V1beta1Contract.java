package io.skiff.apiserver.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.Json;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.apiserver.testing.WatchStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2014 API over the registries of {@code /api/v1}: one store, both wire forms. */
abstract class V1beta1Contract extends V1beta1Support {
    static final Duration WAIT = Duration.ofSeconds(20);

    private static ObjectNode withoutServerFields(ObjectNode obj) {
        obj.remove(List.of("uid", "creationTimestamp", "selfLink", "resourceVersion", "namespace"));
        return obj;
    }

    @Test
    void aPodOf2014PostedToV1beta1IsThePodOfV1() {
        String ns = namespace();
        ObjectNode pod = golden("pod-redis-master.json");
        Response created = http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(pod));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        JsonNode c = created.json();
        assertThat(c.path("kind").asText()).isEqualTo("Pod");
        assertThat(c.path("apiVersion").asText()).isEqualTo("v1beta1");
        assertThat(c.path("id").asText()).isEqualTo("redis-master");
        assertThat(c.path("selfLink").asText()).isEqualTo("/api/v1beta1/pods/redis-master?namespace=" + ns);
        assertThat(c.path("resourceVersion").isIntegralNumber()).as("numeric resourceVersion").isTrue();
        assertThat(c.path("currentState").path("status").asText()).isEqualTo("Waiting");

        Response v1 = http.get(v1Path(ns, "pods", "redis-master"));
        assertThat(v1.code()).isEqualTo(200);
        JsonNode p = v1.json();
        assertThat(p.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(p.path("metadata").path("uid").asText()).isEqualTo(c.path("uid").asText());
        assertThat(p.path("metadata").path("resourceVersion").asText()).isEqualTo(c.path("resourceVersion").asText());
        assertThat(p.path("metadata").path("labels").path("name").asText()).isEqualTo("redis-master");
        JsonNode container = p.path("spec").path("containers").path(0);
        assertThat(container.path("image").asText()).isEqualTo("dockerfile/redis");
        assertThat(container.path("resources").path("limits").path("cpu").asText()).isEqualTo("100m");
        assertThat(container.path("ports").path(0).path("hostPort").asInt()).isEqualTo(6379);
        assertThat(p.path("status").path("phase").asText()).isEqualTo("Pending");
    }

    @Test
    void aPodOfV1IsReadThroughV1beta1() {
        String ns = namespace();
        Response created = http.post(v1Path(ns, "pods", null), v1Pod("web", "{\"app\":\"web\"}", null));
        assertThat(created.code()).isEqualTo(201);
        kubeletSetsPhase(ns, "web", "Running");
        Response r = http.get("/api/v1beta1/pods/web?namespace=" + ns);
        assertThat(r.code()).as(r.body()).isEqualTo(200);
        JsonNode pod = r.json();
        assertThat(pod.path("id").asText()).isEqualTo("web");
        assertThat(pod.path("namespace").asText()).isEqualTo(ns);
        assertThat(pod.path("labels").path("app").asText()).isEqualTo("web");
        assertThat(pod.path("desiredState").path("manifest").path("containers").path(0).path("image").asText())
                .isEqualTo("busybox");
        assertThat(pod.path("currentState").path("status").asText()).isEqualTo("Running");
        assertThat(pod.path("currentState").path("podIP").asText()).isEqualTo("10.244.0.7");
        assertThat(pod.path("selfLink").asText()).isEqualTo("/api/v1beta1/pods/web?namespace=" + ns);
        assertThat(pod.path("resourceVersion").asLong())
                .isEqualTo(Long.parseLong(http.get(v1Path(ns, "pods", "web")).text("metadata.resourceVersion")));
    }

    @Test
    void theNamespaceDefaultsToDefault() {
        String id = "d-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = http.post("/api/v1beta1/pods", Json.toString(legacyPod(id, "{}")));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("selfLink").asText()).isEqualTo("/api/v1beta1/pods/" + id + "?namespace=default");
        assertThat(http.get(v1Path("default", "pods", id)).code()).isEqualTo(200);
        assertThat(http.get("/api/v1beta1/pods/" + id).code()).isEqualTo(200);
        assertThat(http.delete("/api/v1beta1/pods/" + id).json().path("status").asText()).isEqualTo("Success");
        assertThat(http.get(v1Path("default", "pods", id)).code()).isEqualTo(404);
    }

    @Test
    void aReplicationControllerThroughBothVersions() {
        String ns = namespace();
        Response created = http.post("/api/v1beta1/replicationControllers?namespace=" + ns,
                Json.toString(golden("rc-redis-slave.json")));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("selfLink").asText())
                .isEqualTo("/api/v1beta1/replicationControllers/redis-slave-controller?namespace=" + ns);
        JsonNode v1 = http.get(v1Path(ns, "replicationcontrollers", "redis-slave-controller")).json();
        assertThat(v1.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(v1.path("spec").path("selector").path("name").asText()).isEqualTo("redis-slave");
        assertThat(v1.path("spec").path("template").path("metadata").path("labels").path("uses").asText())
                .isEqualTo("redis-master");
        assertThat(v1.path("spec").path("template").path("spec").path("containers").path(0).path("resources")
                .path("limits").path("memory").asText()).isEqualTo("64Mi");

        // scaled through v1, read through v1beta1
        Response scaled = http.patch(v1Path(ns, "replicationcontrollers", "redis-slave-controller"),
                "{\"spec\":{\"replicas\":5}}", "application/merge-patch+json");
        assertThat(scaled.code()).as(scaled.body()).isEqualTo(200);
        JsonNode legacy = http.get("/api/v1beta1/replicationControllers/redis-slave-controller?namespace=" + ns).json();
        assertThat(legacy.path("desiredState").path("replicas").asInt()).isEqualTo(5);
        assertThat(legacy.path("desiredState").path("podTemplate").path("labels").path("app").asText()).isEqualTo("redis");
        assertThat(legacy.path("resourceVersion").asText()).isEqualTo(scaled.text("metadata.resourceVersion"));
    }

    @Test
    void aServiceThroughBothVersions() {
        String ns = namespace();
        ObjectNode svc = withoutServerFields(golden("service-redis-master.json"));
        svc.remove("portalIP");
        Response created = http.post("/api/v1beta1/services?namespace=" + ns, Json.toString(svc));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        String portalIP = created.json().path("portalIP").asText();
        assertThat(portalIP).startsWith("10.0.0.");
        JsonNode v1 = http.get(v1Path(ns, "services", "redis-master")).json();
        assertThat(v1.path("spec").path("clusterIP").asText()).isEqualTo(portalIP);
        assertThat(v1.path("spec").path("ports").path(0).path("port").asInt()).isEqualTo(6379);
        assertThat(v1.path("spec").path("selector").path("name").asText()).isEqualTo("redis-master");

        Response v1Created = http.post(v1Path(ns, "services", null), "{\"metadata\":{\"name\":\"front\"},\"spec\":{"
                + "\"selector\":{\"app\":\"front\"},\"ports\":[{\"port\":80,\"targetPort\":8080}]}}");
        assertThat(v1Created.code()).isEqualTo(201);
        JsonNode legacy = http.get("/api/v1beta1/services/front?namespace=" + ns).json();
        assertThat(legacy.path("port").asInt()).isEqualTo(80);
        assertThat(legacy.path("containerPort").asInt()).isEqualTo(8080);
        assertThat(legacy.path("portalIP").asText()).isEqualTo(v1Created.text("spec.clusterIP"));
    }

    @Test
    void aNodeIsAMinion() {
        String name = "node-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode minion = withoutServerFields(golden("minion.json"));
        minion.put("id", name);
        Response created = http.post("/api/v1beta1/minions", Json.toString(minion));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("kind").asText()).isEqualTo("Minion");
        assertThat(created.json().path("selfLink").asText()).isEqualTo("/api/v1beta1/minions/" + name);
        JsonNode node = http.get("/api/v1/nodes/" + name).json();
        assertThat(node.path("kind").asText()).isEqualTo("Node");
        Response list = http.get("/api/v1beta1/minions");
        assertThat(list.json().path("kind").asText()).isEqualTo("MinionList");
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(i -> ids.add(i.path("id").asText()));
        assertThat(ids).contains(name);
        assertThat(http.delete("/api/v1beta1/minions/" + name).code()).isEqualTo(200);
        assertThat(http.get("/api/v1/nodes/" + name).code()).isEqualTo(404);
    }

    @Test
    void eventsAreListedInV1beta1() {
        String ns = namespace();
        ObjectNode event = withoutServerFields(golden("event-started.json"));
        event.put("id", "started-1");
        ((ObjectNode) event.path("involvedObject")).put("namespace", ns);
        Response created = http.post("/api/v1beta1/events?namespace=" + ns, Json.toString(event));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        JsonNode list = http.get("/api/v1beta1/events?namespace=" + ns).json();
        assertThat(list.path("kind").asText()).isEqualTo("EventList");
        assertThat(list.path("items").path(0).path("reason").asText()).isEqualTo(event.path("reason").asText());
        assertThat(http.get(v1Path(ns, "events", "started-1")).code()).isEqualTo(200);
    }

    @ParameterizedTest(name = "labels={0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "app=web                 | a,b",
            "app=web,tier=front      | a",
            "app!=web                | c",
            "app in (web, db)        | a,b,c",
            "tier                    | a,c",
            "''                      | a,b,c"})
    void labelsSelectPods(String selector, String expected) {
        String ns = namespace();
        http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(legacyPod("a", "{\"app\":\"web\",\"tier\":\"front\"}")));
        http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(legacyPod("b", "{\"app\":\"web\"}")));
        http.post(v1Path(ns, "pods", null), v1Pod("c", "{\"app\":\"db\",\"tier\":\"back\"}", null));
        Response list = http.get("/api/v1beta1/pods?namespace=" + ns + "&labels="
                + java.net.URLEncoder.encode(selector, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(list.code()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("kind").asText()).isEqualTo("PodList");
        assertThat(list.json().path("selfLink").asText()).isEqualTo("/api/v1beta1/pods?namespace=" + ns);
        assertThat(list.json().path("resourceVersion").isIntegralNumber()).isTrue();
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(i -> {
            ids.add(i.path("id").asText());
            assertThat(i.path("selfLink").asText()).isEqualTo("/api/v1beta1/pods/" + i.path("id").asText() + "?namespace=" + ns);
        });
        assertThat(ids).containsExactly(expected.split(","));
    }

    @ParameterizedTest(name = "fields={0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "name=a                    | a",
            "DesiredState.Host=node-1  | b",
            "CurrentState.Status=Running | a",
            "CurrentState.Status=Waiting | b",
            "spec.nodeName=node-1      | b"})
    void fieldsSelectPods(String selector, String expected) {
        String ns = namespace();
        http.post(v1Path(ns, "pods", null), v1Pod("a", "{}", null));
        http.post(v1Path(ns, "pods", null), v1Pod("b", "{}", "node-1"));
        kubeletSetsPhase(ns, "a", "Running");
        Response list = http.get("/api/v1beta1/pods?namespace=" + ns + "&fields="
                + java.net.URLEncoder.encode(selector, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(list.code()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(i -> ids.add(i.path("id").asText()));
        assertThat(ids).containsExactly(expected.split(","));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1beta1/pods?labels=a%3D%3D%3Db                | 400 | BadRequest",
            "/api/v1beta1/pods?fields=nosuchfield%3Dx            | 400 | BadRequest",
            "/api/v1beta1/pods?namespace=Not_A_Namespace         | 400 | BadRequest",
            "/api/v1beta1/pods/nosuchpod                         | 404 | NotFound",
            "/api/v1beta1/nosuchresource                         | 404 | NotFound",
            "/api/v1beta1/watch/pods?resourceVersion=abc         | 400 | BadRequest",
            "/api/v1beta1/operations/12345                       | 404 | NotFound"})
    void errorsAreV1beta1Statuses(String path, int code, String reason) {
        Response r = http.get(path);
        assertThat(r.code()).as(r.body()).isEqualTo(code);
        JsonNode s = r.json();
        assertThat(s.path("kind").asText()).isEqualTo("Status");
        assertThat(s.path("apiVersion").asText()).isEqualTo("v1beta1");
        assertThat(s.path("status").asText()).isEqualTo("Failure");
        assertThat(s.path("reason").asText()).isEqualTo(reason);
        assertThat(s.path("code").asInt()).isEqualTo(code);
    }

    @Test
    void aVerbThe2014ApiLackedIs405() {
        Response r = http.patch("/api/v1beta1/pods/x", "{}", "application/merge-patch+json");
        assertThat(r.code()).isEqualTo(405);
        assertThat(r.json().path("apiVersion").asText()).isEqualTo("v1beta1");
    }

    @Test
    void validationErrorsAreV1beta1StatusesWithCauses() {
        String ns = namespace();
        ObjectNode pod = legacyPod("Redis_Master", "{}");
        ((ObjectNode) pod.path("desiredState").path("manifest").path("containers").path(0)).remove("image");
        Response r = http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(pod));
        assertThat(r.code()).as(r.body()).isEqualTo(422);
        JsonNode s = r.json();
        assertThat(s.path("apiVersion").asText()).isEqualTo("v1beta1");
        assertThat(s.path("status").asText()).isEqualTo("Failure");
        assertThat(s.path("reason").asText()).isEqualTo("Invalid");
        assertThat(s.path("details").path("id").asText()).isEqualTo("Redis_Master");
        assertThat(s.path("details").path("kind").asText()).isEqualTo("pod");
        List<String> fields = new ArrayList<>();
        s.path("details").path("causes").forEach(c -> fields.add(c.path("field").asText()));
        assertThat(fields).contains("id", "desiredState.manifest.containers[0].image");
        assertThat(s.path("message").asText()).startsWith("Pod \"Redis_Master\" is invalid: [")
                .contains("desiredState.manifest.containers[0].image: Required value");
        assertThat(http.get(v1Path(ns, "pods", null)).json().path("items").size()).as("nothing stored").isZero();
    }

    @Test
    void malformedAndMismatchedBodiesAre400() {
        String ns = namespace();
        assertThat(http.post("/api/v1beta1/pods?namespace=" + ns, "{\"id\": ").code()).isEqualTo(400);
        assertThat(http.post("/api/v1beta1/pods?namespace=" + ns, v1Pod("x", "{}", null)).code())
                .as("a v1 body on the v1beta1 path").isEqualTo(400);
        assertThat(http.post("/api/v1beta1/pods?namespace=" + ns, "{\"kind\":\"Service\",\"id\":\"x\"}").code())
                .isEqualTo(400);
        ObjectNode other = legacyPod("y", "{}");
        other.put("namespace", "elsewhere");
        Response mismatch = http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(other));
        assertThat(mismatch.code()).isEqualTo(400);
        assertThat(mismatch.json().path("apiVersion").asText()).isEqualTo("v1beta1");
        assertThat(http.send("POST", "/api/v1beta1/pods?namespace=" + ns, "id: x", "text/csv").code()).isEqualTo(415);
    }

    @Test
    void updatesAreCompareAndSwapOnTheNumericResourceVersion() {
        String ns = namespace();
        JsonNode created = http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(legacyPod("cas", "{\"v\":\"1\"}"))).json();
        long rv = created.path("resourceVersion").asLong();
        ObjectNode first = created.deepCopy();
        first.with("labels").put("v", "2");
        Response ok = http.put("/api/v1beta1/pods/cas?namespace=" + ns, Json.toString(first));
        assertThat(ok.code()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("resourceVersion").asLong()).isGreaterThan(rv);
        assertThat(ok.json().path("labels").path("v").asText()).isEqualTo("2");

        ObjectNode stale = created.deepCopy(); // still at rv
        stale.with("labels").put("v", "3");
        Response conflict = http.put("/api/v1beta1/pods/cas?namespace=" + ns, Json.toString(stale));
        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.json().path("status").asText()).isEqualTo("Failure");
        assertThat(conflict.json().path("reason").asText()).isEqualTo("Conflict");
        assertThat(http.get(v1Path(ns, "pods", "cas")).json().path("metadata").path("labels").path("v").asText())
                .isEqualTo("2");

        ObjectNode wrongId = ok.json().deepCopy();
        wrongId.put("id", "other");
        assertThat(http.put("/api/v1beta1/pods/cas?namespace=" + ns, Json.toString(wrongId)).code()).isEqualTo(400);
    }

    @Test
    void anUpdateThroughV1beta1KeepsWhatV1beta1CannotSay() {
        String ns = namespace();
        http.post(v1Path(ns, "services", null), "{\"metadata\":{\"name\":\"two\",\"annotations\":{\"a\":\"b\"}},"
                + "\"spec\":{\"selector\":{\"app\":\"x\"},\"ports\":[{\"name\":\"http\",\"port\":80},"
                + "{\"name\":\"https\",\"port\":443}]}}");
        ObjectNode legacy = (ObjectNode) http.get("/api/v1beta1/services/two?namespace=" + ns).json();
        legacy.with("labels").put("changed", "yes");
        legacy.with("selector").put("app", "y");
        Response put = http.put("/api/v1beta1/services/two?namespace=" + ns, Json.toString(legacy));
        assertThat(put.code()).as(put.body()).isEqualTo(200);
        JsonNode v1 = http.get(v1Path(ns, "services", "two")).json();
        assertThat(v1.path("metadata").path("labels").path("changed").asText()).isEqualTo("yes");
        assertThat(v1.path("spec").path("selector").path("app").asText()).isEqualTo("y");
        assertThat(v1.path("spec").path("ports").size()).as("the second port v1beta1 cannot show").isEqualTo(2);
        assertThat(v1.path("spec").path("ports").path(1).path("port").asInt()).isEqualTo(443);
    }

    @Test
    void aV1beta1WatchStreamsEventsInV1beta1() {
        String ns = namespace();
        JsonNode before = http.post(v1Path(ns, "pods", null), v1Pod("old", "{\"app\":\"w\"}", null)).json();
        try (WatchStream w = WatchStream.http(http.client(), http.base(),
                "/api/v1beta1/watch/pods?namespace=" + ns + "&labels=app%3Dw")) {
            assertThat(w.status()).isEqualTo(200);
            JsonNode initial = w.next(WAIT);
            assertThat(initial.path("type").asText()).isEqualTo("ADDED");
            assertThat(initial.path("object").path("id").asText()).isEqualTo("old");
            assertThat(initial.path("object").path("resourceVersion").asText())
                    .isEqualTo(before.path("metadata").path("resourceVersion").asText());

            http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(legacyPod("new", "{\"app\":\"w\"}")));
            http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(legacyPod("other", "{\"app\":\"no\"}")));
            kubeletSetsPhase(ns, "new", "Running");
            http.delete("/api/v1beta1/pods/old?namespace=" + ns);
            List<JsonNode> events = w.next(3, WAIT);
            assertThat(events).extracting(e -> e.path("type").asText() + " " + e.path("object").path("id").asText())
                    .containsExactly("ADDED new", "MODIFIED new", "DELETED old");
            long last = 0;
            for (JsonNode e : events) {
                JsonNode o = e.path("object");
                assertThat(o.path("apiVersion").asText()).isEqualTo("v1beta1");
                assertThat(o.path("resourceVersion").isIntegralNumber()).isTrue();
                assertThat(o.path("resourceVersion").asLong()).isGreaterThan(last);
                assertThat(o.path("selfLink").asText()).startsWith("/api/v1beta1/pods/");
                last = o.path("resourceVersion").asLong();
            }
            assertThat(events.get(1).path("object").path("currentState").path("status").asText()).isEqualTo("Running");
        }
    }

    @Test
    void aV1beta1WatchFromAResourceVersionAndOfOneObject() {
        String ns = namespace();
        long from = http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(legacyPod("p1", "{}"))).json()
                .path("resourceVersion").asLong();
        http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(legacyPod("p2", "{}")));
        try (WatchStream all = WatchStream.http(http.client(), http.base(),
                "/api/v1beta1/watch/pods?namespace=" + ns + "&resourceVersion=" + from);
                WatchStream one = WatchStream.http(http.client(), http.base(),
                        "/api/v1beta1/watch/pods/p1?namespace=" + ns + "&resourceVersion=" + from)) {
            assertThat(all.next(WAIT).path("object").path("id").asText()).as("only what came after").isEqualTo("p2");
            http.delete("/api/v1beta1/pods/p1?namespace=" + ns);
            assertThat(all.next(WAIT).path("type").asText()).isEqualTo("DELETED");
            JsonNode single = one.next(WAIT);
            assertThat(single.path("type").asText() + " " + single.path("object").path("id").asText())
                    .isEqualTo("DELETED p1");
        }
    }
}
