package io.skiff.apiserver.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.apiserver.testing.TestApiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long operations of the 2014 API: {@code sync=true} pod writes that wait for the pod to run (or
 * be gone), and the operations a client polls past the timeout. The kubelet is a fake at the
 * seam: it writes the pod's status (and finishes deletions) through {@code /api/v1}.
 */
class V1beta1OperationsTest extends V1beta1Support {
    private static final Duration EXPIRY = Duration.ofSeconds(3);
    private static final int MAX_OPERATIONS = 4;

    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite().builder(b -> b.routes(new V1beta1Api(V1beta1Options.defaults()
                .withOperationExpiry(EXPIRY).withMaxOperations(MAX_OPERATIONS))));
    }

    private CompletableFuture<Response> async(java.util.function.Supplier<Response> request) {
        return CompletableFuture.supplyAsync(request);
    }

    @Test
    void aSyncCreateAnswersOnceThePodRuns() throws Exception {
        String ns = namespace();
        CompletableFuture<Response> create = async(() -> http.post("/api/v1beta1/pods?namespace=" + ns
                + "&sync=true&timeout=30s", Json.toString(legacyPod("sync", "{}"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get(v1Path(ns, "pods", "sync")).code() == 200);
        Thread.sleep(300); // the kubelet takes its time: the create must still be waiting
        assertThat(create).as("answered before the pod runs").isNotDone();
        kubeletSetsPhase(ns, "sync", "Running");
        Response r = create.get(20, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("id").asText()).isEqualTo("sync");
        assertThat(r.json().path("currentState").path("status").asText()).isEqualTo("Running");
    }

    @Test
    void aSyncCreateThatTimesOutBecomesAnOperationUntilThePodRuns() {
        String ns = namespace();
        Response r = http.post("/api/v1beta1/pods?namespace=" + ns + "&sync=true&timeout=200ms",
                Json.toString(legacyPod("slow", "{}")));
        assertThat(r.code()).as(r.body()).isEqualTo(202);
        JsonNode working = r.json();
        assertThat(working.path("kind").asText()).isEqualTo("Status");
        assertThat(working.path("apiVersion").asText()).isEqualTo("v1beta1");
        assertThat(working.path("status").asText()).isEqualTo("Working");
        assertThat(working.path("details").path("kind").asText()).isEqualTo("operation");
        assertThat(working.path("message").asText()).isEqualTo("pod slow is not running yet");
        assertThat(working.path("code").asInt()).isEqualTo(202);
        String id = working.path("details").path("id").asText();
        assertThat(id).matches("\\d+");
        assertThat(http.get(v1Path(ns, "pods", "slow")).code()).as("the pod is created meanwhile").isEqualTo(200);

        Response pending = http.get("/api/v1beta1/operations/" + id);
        assertThat(pending.code()).isEqualTo(202);
        assertThat(pending.json().path("details").path("id").asText()).isEqualTo(id);
        assertThat(operationIds()).contains(id);

        kubeletSetsPhase(ns, "slow", "Running");
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1beta1/operations/" + id).code() == 200);
        Response done = http.get("/api/v1beta1/operations/" + id);
        assertThat(done.json().path("kind").asText()).isEqualTo("Pod");
        assertThat(done.json().path("id").asText()).isEqualTo("slow");
        assertThat(done.json().path("currentState").path("status").asText()).isEqualTo("Running");
        assertThat(operationIds()).doesNotContain(id);

        await().atMost(EXPIRY.multipliedBy(4)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/v1beta1/operations/" + id).code() == 404);
        Response expired = http.get("/api/v1beta1/operations/" + id);
        assertThat(expired.json().path("reason").asText()).isEqualTo("NotFound");
    }

    @Test
    void aSyncDeleteWaitsUntilThePodIsGone() throws Exception {
        String ns = namespace();
        // Bound to a node: its deletion is graceful and ends when the kubelet deletes it with grace 0.
        http.post(v1Path(ns, "pods", null), v1Pod("bound", "{}", "node-1"));
        CompletableFuture<Response> delete = async(() -> http.delete("/api/v1beta1/pods/bound?namespace=" + ns
                + "&sync=true&timeout=30s"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !http.get(v1Path(ns, "pods", "bound")).json().path("metadata").path("deletionTimestamp").isMissingNode());
        Thread.sleep(300);
        assertThat(delete).as("answered before the pod is gone").isNotDone();
        kubeletFinishesDeletion(ns, "bound");
        Response r = delete.get(20, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("Success");

        // Unbound: gone at once, so the sync delete answers at once.
        http.post(v1Path(ns, "pods", null), v1Pod("free", "{}", null));
        Response free = http.delete("/api/v1beta1/pods/free?namespace=" + ns + "&sync=true&timeout=30s");
        assertThat(free.code()).isEqualTo(200);
        assertThat(http.get(v1Path(ns, "pods", "free")).code()).isEqualTo(404);
    }

    @Test
    void aSyncDeleteThatTimesOutFinishesWhenThePodGoes() {
        String ns = namespace();
        http.post(v1Path(ns, "pods", null), v1Pod("lingering", "{}", "node-1"));
        Response r = http.delete("/api/v1beta1/pods/lingering?namespace=" + ns + "&sync=true&timeout=100ms");
        assertThat(r.code()).as(r.body()).isEqualTo(202);
        String id = r.json().path("details").path("id").asText();
        assertThat(http.get("/api/v1beta1/operations/" + id).code()).isEqualTo(202);
        kubeletFinishesDeletion(ns, "lingering");
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1beta1/operations/" + id).code() == 200);
        assertThat(http.get("/api/v1beta1/operations/" + id).json().path("status").asText()).isEqualTo("Success");
    }

    @Test
    void aSyncUpdateOfARunningPodAnswersAtOnce() {
        String ns = namespace();
        http.post("/api/v1beta1/pods?namespace=" + ns, Json.toString(legacyPod("up", "{}")));
        kubeletSetsPhase(ns, "up", "Running");
        JsonNode pod = http.get("/api/v1beta1/pods/up?namespace=" + ns).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) pod).with("labels").put("x", "y");
        Response r = http.put("/api/v1beta1/pods/up?namespace=" + ns + "&sync=true&timeout=30s", Json.toString(pod));
        assertThat(r.code()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("labels").path("x").asText()).isEqualTo("y");
        assertThat(r.json().path("currentState").path("status").asText()).isEqualTo("Running");
    }

    @Test
    void aPodDeletedWhileACreateWaitsEndsTheOperationWith404() {
        String ns = namespace();
        Response r = http.post("/api/v1beta1/pods?namespace=" + ns + "&sync=true&timeout=100ms",
                Json.toString(legacyPod("doomed", "{}")));
        String id = r.json().path("details").path("id").asText();
        http.delete(v1Path(ns, "pods", "doomed"));
        // The operation's result is the pod's 404 (details.id the pod), not the 404 of an unknown operation.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Response op = http.get("/api/v1beta1/operations/" + id);
            return op.code() == 404 && op.json().path("details").path("id").asText().equals("doomed");
        });
    }

    @Test
    void theOperationTableIsBoundedAndRefusesBeforeWriting() {
        String ns = namespace();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MAX_OPERATIONS; i++) {
            Response r = http.post("/api/v1beta1/pods?namespace=" + ns + "&sync=true&timeout=1ms",
                    Json.toString(legacyPod("wait-" + i, "{}")));
            assertThat(r.code()).as(r.body()).isEqualTo(202);
            ids.add(r.json().path("details").path("id").asText());
        }
        Response refused = http.post("/api/v1beta1/pods?namespace=" + ns + "&sync=true&timeout=1ms",
                Json.toString(legacyPod("one-too-many", "{}")));
        assertThat(refused.code()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().path("apiVersion").asText()).isEqualTo("v1beta1");
        assertThat(http.get(v1Path(ns, "pods", "one-too-many")).code()).as("nothing written").isEqualTo(404);

        // A finished operation makes room (the oldest finished one is dropped first).
        kubeletSetsPhase(ns, "wait-0", "Running");
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1beta1/operations/" + ids.get(0)).code() == 200);
        Response admitted = http.post("/api/v1beta1/pods?namespace=" + ns + "&sync=true&timeout=1ms",
                Json.toString(legacyPod("one-more", "{}")));
        assertThat(admitted.code()).as(admitted.body()).isEqualTo(202);
        assertThat(http.get("/api/v1beta1/operations/" + ids.get(0)).code()).isEqualTo(404);

        for (int i = 1; i < MAX_OPERATIONS; i++) {
            http.delete(v1Path(ns, "pods", "wait-" + i)); // their operations finish (404), then expire
        }
        http.delete(v1Path(ns, "pods", "one-more"));
        await().atMost(Duration.ofSeconds(20)).until(() -> operationIds().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "30", "-1s", "1x", "s"})
    void aBadTimeoutIs400AndWritesNothing(String timeout) {
        String ns = namespace();
        Response r = http.post("/api/v1beta1/pods?namespace=" + ns + "&sync=true&timeout=" + timeout,
                Json.toString(legacyPod("t", "{}")));
        assertThat(r.code()).as(r.body()).isEqualTo(400);
        assertThat(http.get(v1Path(ns, "pods", "t")).code()).isEqualTo(404);
    }

    private List<String> operationIds() {
        Response list = http.get("/api/v1beta1/operations");
        assertThat(list.json().path("kind").asText()).isEqualTo("ServerOpList");
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
