package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Subresources, deletion (graceful, finalizers, propagation, namespaces) and the patch formats. */
abstract class SubresourceContract extends RestTestSupport {
    static final String MERGE = "application/merge-patch+json";
    static final String JSON_PATCH = "application/json-patch+json";
    static final String STRATEGIC = "application/strategic-merge-patch+json";

    @Test
    void statusUpdateKeepsSpecAndMainUpdateKeepsStatus() {
        String ns = namespace();
        String path = "/api/v1/namespaces/" + ns + "/pods/s";
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("s"));
        JsonNode pod = http.get(path).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) pod.path("status")).put("phase", "Running").put("podIP", "10.1.2.3");
        ((com.fasterxml.jackson.databind.node.ObjectNode) pod.path("spec").path("containers").get(0)).put("image", "sneaky");
        ((com.fasterxml.jackson.databind.node.ObjectNode) pod.path("metadata")).putObject("labels").put("from", "status");
        Response status = http.put(path + "/status", pod.toString());
        assertThat(status.code()).as(status.toString()).isEqualTo(200);
        assertThat(status.text("status.phase")).isEqualTo("Running");
        assertThat(status.json().path("spec").path("containers").get(0).path("image").asText()).isEqualTo("busybox");
        assertThat(status.text("metadata.labels.from")).as("labels may change through /status").isEqualTo("status");
        assertThat(status.text("metadata.generation")).isEqualTo("1");

        // Only the image may change (Kubernetes' pod update rule), so the pull policy stays what was defaulted.
        Response main = http.put(path, pod("s").replace("\"image\":\"busybox\"",
                "\"image\":\"busybox:1\",\"imagePullPolicy\":\"Always\""));
        assertThat(main.code()).as(main.toString()).isEqualTo(200);
        assertThat(main.text("status.phase")).isEqualTo("Running");
        assertThat(main.text("status.podIP")).isEqualTo("10.1.2.3");
        assertThat(main.text("metadata.generation")).as("a spec change bumps the generation").isEqualTo("2");
        Response patchedStatus = http.patch(path + "/status", "{\"status\":{\"phase\":\"Succeeded\"}}", MERGE);
        assertThat(patchedStatus.text("status.phase")).isEqualTo("Succeeded");
        assertThat(http.get(path + "/status").text("status.phase")).isEqualTo("Succeeded");
    }

    @Test
    void nodeStatusAndReplicationControllerStatus() {
        String ns = namespace();
        String node = ns + "-node";
        try {
            Response created = http.post("/api/v1/nodes", "{\"metadata\":{\"name\":\"" + node + "\"},"
                    + "\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}");
            assertThat(created.code()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().path("status").path("conditions").get(0).path("type").asText())
                    .as("a node registers with its status").isEqualTo("Ready");
            Response patched = http.patch("/api/v1/nodes/" + node + "/status",
                    "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"},{\"type\":\"MemoryPressure\",\"status\":\"False\"}]}}",
                    STRATEGIC);
            assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
            assertThat(patched.json().path("status").path("conditions")).hasSize(2);
            assertThat(patched.json().path("status").path("conditions").get(0).path("status").asText()).isEqualTo("False");
        } finally {
            http.delete("/api/v1/nodes/" + node);
        }
        String rcs = "/api/v1/namespaces/" + ns + "/replicationcontrollers";
        http.post(rcs, rc("rc", 2));
        Response st = http.patch(rcs + "/rc/status", "{\"status\":{\"replicas\":2,\"readyReplicas\":1}}", MERGE);
        assertThat(st.text("status.readyReplicas")).isEqualTo("1");
        Response ignored = http.patch(rcs + "/rc", "{\"status\":{\"replicas\":7}}", MERGE);
        assertThat(ignored.text("status.replicas")).as("status is not written through the main resource").isEqualTo("2");
    }

    static String rc(String name, int replicas) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"replicas\":" + replicas + ",\"selector\":{\"app\":\""
                + name + "\"},\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}}}";
    }

    @Test
    void scaleSubresourceGetPutPatch() {
        String ns = namespace();
        String rcs = "/api/v1/namespaces/" + ns + "/replicationcontrollers";
        Response created = http.post(rcs, rc("web", 2));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        Response scale = http.get(rcs + "/web/scale");
        assertThat(scale.code()).isEqualTo(200);
        assertThat(scale.text("apiVersion")).isEqualTo("autoscaling/v1");
        assertThat(scale.text("kind")).isEqualTo("Scale");
        assertThat(scale.text("spec.replicas")).isEqualTo("2");
        assertThat(scale.text("status.selector")).isEqualTo("app=web");
        assertThat(scale.text("metadata.resourceVersion")).isEqualTo(created.text("metadata.resourceVersion"));

        Response put = http.put(rcs + "/web/scale", "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\","
                + "\"metadata\":{\"name\":\"web\",\"resourceVersion\":\"" + scale.text("metadata.resourceVersion") + "\"},"
                + "\"spec\":{\"replicas\":5}}");
        assertThat(put.code()).as(put.toString()).isEqualTo(200);
        assertThat(put.text("spec.replicas")).isEqualTo("5");
        assertThat(http.get(rcs + "/web").text("spec.replicas")).isEqualTo("5");
        assertThat(http.get(rcs + "/web").text("metadata.generation")).isEqualTo("2");

        Response stale = http.put(rcs + "/web/scale", "{\"metadata\":{\"name\":\"web\",\"resourceVersion\":\""
                + scale.text("metadata.resourceVersion") + "\"},\"spec\":{\"replicas\":9}}");
        assertThat(stale.code()).isEqualTo(409);

        Response patched = http.patch(rcs + "/web/scale", "{\"spec\":{\"replicas\":0}}", MERGE);
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("spec.replicas")).isEqualTo("0");
        assertThat(http.get(rcs + "/web").text("spec.replicas")).isEqualTo("0");

        Response negative = http.patch(rcs + "/web/scale", "{\"spec\":{\"replicas\":-1}}", MERGE);
        assertThat(negative.code()).isEqualTo(422);
        assertThat(negative.text("message")).isEqualTo("Scale.autoscaling \"web\" is invalid: spec.replicas: Invalid value: -1: "
                + "must be greater than or equal to 0");
        assertThat(http.get(rcs + "/missing/scale").code()).isEqualTo(404);
    }

    @Test
    void concurrentBindingsExactlyOneWins() throws Exception {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        int rounds = 5;
        int contenders = 4;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            for (int round = 0; round < rounds; round++) {
                String name = "b" + round;
                http.post(pods, pod(name));
                CyclicBarrier start = new CyclicBarrier(contenders);
                List<Future<Response>> results = new ArrayList<>();
                for (int c = 0; c < contenders; c++) {
                    String node = "node-" + c;
                    Callable<Response> bind = () -> {
                        start.await(30, TimeUnit.SECONDS);
                        return http.post(pods + "/" + name + "/binding", "{\"apiVersion\":\"v1\",\"kind\":\"Binding\","
                                + "\"metadata\":{\"name\":\"" + name + "\"},\"target\":{\"kind\":\"Node\",\"name\":\"" + node + "\"}}");
                    };
                    results.add(pool.submit(bind));
                }
                List<String> winners = new ArrayList<>();
                for (int c = 0; c < contenders; c++) {
                    Response r = results.get(c).get(60, TimeUnit.SECONDS);
                    if (r.code() == 201) {
                        winners.add("node-" + c);
                        assertThat(r.text("status")).isEqualTo("Success");
                    } else {
                        assertThat(r.code()).as(r.toString()).isEqualTo(409);
                        assertThat(r.text("reason")).isEqualTo("Conflict");
                        assertThat(r.text("message")).contains("is already assigned to node");
                    }
                }
                assertThat(winners).hasSize(1);
                Response bound = http.get(pods + "/" + name);
                assertThat(bound.text("spec.nodeName")).isEqualTo(winners.get(0));
                assertThat(bound.json().path("status").path("conditions").get(0).path("type").asText()).isEqualTo("PodScheduled");
            }
        } finally {
            pool.shutdownNow();
        }
        Response viaBindings = http.post(pods, pod("old-style"));
        assertThat(viaBindings.code()).isEqualTo(201);
        Response b = http.post("/api/v1/namespaces/" + ns + "/bindings",
                "{\"metadata\":{\"name\":\"old-style\"},\"target\":{\"name\":\"n9\"}}");
        assertThat(b.code()).as(b.toString()).isEqualTo(201);
        assertThat(http.get(pods + "/old-style").text("spec.nodeName")).isEqualTo("n9");
        Response moved = http.put(pods + "/old-style", http.get(pods + "/old-style").body().replace("\"n9\"", "\"n10\""));
        assertThat(moved.code()).as("the node is changed only by a binding").isEqualTo(422);
    }

    @Test
    void gracefulDeletionOfBoundPodsImmediateOtherwise() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        http.post(pods, pod("unbound"));
        Response gone = http.delete(pods + "/unbound");
        assertThat(gone.code()).isEqualTo(200);
        assertThat(http.get(pods + "/unbound").code()).as("an unbound pod goes at once").isEqualTo(404);

        http.post(pods, "{\"metadata\":{\"name\":\"bound\"},\"spec\":{\"nodeName\":\"n1\",\"terminationGracePeriodSeconds\":20,"
                + "\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}");
        Instant before = Instant.now().minusSeconds(2);
        Response pending = http.delete(pods + "/bound");
        assertThat(pending.code()).isEqualTo(200);
        assertThat(pending.text("metadata.deletionGracePeriodSeconds")).isEqualTo("20");
        Instant deletion = Instant.parse(pending.text("metadata.deletionTimestamp"));
        assertThat(deletion).isAfter(before.plusSeconds(20)).isBefore(Instant.now().plusSeconds(22));
        Response stillThere = http.get(pods + "/bound");
        assertThat(stillThere.code()).isEqualTo(200);
        assertThat(stillThere.text("metadata.deletionTimestamp")).isNotEmpty();
        Response again = http.delete(pods + "/bound?gracePeriodSeconds=30");
        assertThat(again.text("metadata.deletionGracePeriodSeconds")).as("a longer grace never extends").isEqualTo("20");
        Response shortened = http.delete(pods + "/bound", "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":5}");
        assertThat(shortened.text("metadata.deletionGracePeriodSeconds")).isEqualTo("5");
        assertThat(http.get(pods + "/bound").code()).isEqualTo(200);
        assertThat(http.delete(pods + "/bound?gracePeriodSeconds=0").code()).isEqualTo(200);
        assertThat(http.get(pods + "/bound").code()).as("the kubelet's grace-0 delete removes it").isEqualTo(404);

        http.post(pods, "{\"metadata\":{\"name\":\"now\"},\"spec\":{\"nodeName\":\"n1\",\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}");
        assertThat(http.delete(pods + "/now?gracePeriodSeconds=0").code()).isEqualTo(200);
        assertThat(http.get(pods + "/now").code()).isEqualTo(404);
    }

    @Test
    void finalizersHoldAnObjectUntilRemoved() {
        String ns = namespace();
        String rcs = "/api/v1/namespaces/" + ns + "/replicationcontrollers";
        http.post(rcs, rc("held", 1).replace("\"metadata\":{\"name\":\"held\"}",
                "\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/hold\"]}"));
        Response deleting = http.delete(rcs + "/held");
        assertThat(deleting.code()).isEqualTo(200);
        assertThat(deleting.text("metadata.deletionTimestamp")).isNotEmpty();
        assertThat(http.get(rcs + "/held").code()).isEqualTo(200);
        Response update = http.patch(rcs + "/held", "{\"metadata\":{\"labels\":{\"still\":\"here\"}}}", MERGE);
        assertThat(update.code()).as("a terminating object can still be updated").isEqualTo(200);
        Response removed = http.patch(rcs + "/held", "{\"metadata\":{\"finalizers\":null}}", MERGE);
        assertThat(removed.code()).as(removed.toString()).isEqualTo(200);
        assertThat(http.get(rcs + "/held").code()).as("the last finalizer gone, the object goes").isEqualTo(404);
    }

    @Test
    void propagationPolicyIsRecordedAsKubernetesDoes() {
        String ns = namespace();
        String rcs = "/api/v1/namespaces/" + ns + "/replicationcontrollers";
        http.post(rcs, rc("orphan", 1));
        Response orphan = http.delete(rcs + "/orphan?propagationPolicy=Orphan");
        assertThat(orphan.json().path("metadata").path("finalizers").toString()).isEqualTo("[\"orphan\"]");
        http.post(rcs, rc("fg", 1));
        Response fg = http.delete(rcs + "/fg", "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"meta.k8s.io/v1\","
                + "\"propagationPolicy\":\"Foreground\"}");
        assertThat(fg.json().path("metadata").path("finalizers").toString()).isEqualTo("[\"foregroundDeletion\"]");
        assertThat(http.get(rcs + "/fg").text("metadata.deletionTimestamp")).isNotEmpty();
        http.post(rcs, rc("bg", 1));
        assertThat(http.delete(rcs + "/bg?propagationPolicy=Background").code()).isEqualTo(200);
        assertThat(http.get(rcs + "/bg").code()).isEqualTo(404);
        Response bad = http.delete(rcs + "/orphan?propagationPolicy=Sideways");
        assertThat(bad.code()).isEqualTo(422);
        assertThat(bad.text("message")).contains("Unsupported value: \"Sideways\"");
    }

    @Test
    void deletingANamespaceDeletesWhatIsInIt() {
        String ns = namespace();
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("p1"));
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("p2"));
        http.post("/api/v1/namespaces/" + ns + "/services", "{\"metadata\":{\"name\":\"s\"},\"spec\":{\"ports\":[{\"port\":80}]}}");
        http.post("/api/v1/namespaces/" + ns + "/replicationcontrollers", rc("r", 1));
        http.post("/apis/coordination.k8s.io/v1/namespaces/" + ns + "/leases", "{\"metadata\":{\"name\":\"l\"}}");
        Response deleting = http.delete("/api/v1/namespaces/" + ns);
        assertThat(deleting.code()).isEqualTo(200);
        assertThat(deleting.text("status.phase")).isEqualTo("Terminating");
        Response refused = http.post("/api/v1/namespaces/" + ns + "/pods", pod("late"));
        if (refused.code() != 404) { // it may already be gone
            assertThat(refused.code()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.text("message")).contains("because it is being terminated");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/api/v1/namespaces/" + ns).code()).isEqualTo(404));
        for (String kind : List.of("/api/v1/namespaces/NS/pods", "/api/v1/namespaces/NS/services",
                "/api/v1/namespaces/NS/replicationcontrollers", "/apis/coordination.k8s.io/v1/namespaces/NS/leases")) {
            assertThat(http.get(kind.replace("NS", ns)).json().path("items")).as(kind).isEmpty();
        }
    }

    @Test
    void strategicMergePatchMergesContainersByName() {
        // On a replication controller's template: Kubernetes lets a pod's update change only images.
        String ns = namespace();
        String path = "/api/v1/namespaces/" + ns + "/replicationcontrollers/smp";
        Response created = http.post("/api/v1/namespaces/" + ns + "/replicationcontrollers", """
                {"metadata":{"name":"smp","labels":{"keep":"me"}},"spec":{"replicas":0,"template":{
                 "metadata":{"labels":{"app":"smp"}},"spec":{"containers":[
                  {"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}],
                   "ports":[{"containerPort":80}]},
                  {"name":"b","image":"b:1"}]}}}}""");
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        Response r = http.patch(path, """
                {"metadata":{"labels":{"new":"label"}},"spec":{"template":{"spec":{"containers":[
                  {"name":"b","image":"b:2"},
                  {"name":"a","env":[{"name":"Y","value":"3"},{"name":"X","$patch":"delete"}],
                   "ports":[{"containerPort":443}]}]}}}}""", STRATEGIC);
        assertThat(r.code()).as(r.toString()).isEqualTo(200);
        JsonNode containers = r.json().at("/spec/template/spec/containers");
        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).path("name").asText()).isEqualTo("a");
        assertThat(containers.get(0).path("image").asText()).as("untouched fields stay").isEqualTo("a:1");
        assertThat(containers.get(0).path("env").toString()).isEqualTo("[{\"name\":\"Y\",\"value\":\"3\"}]");
        assertThat(containers.get(0).path("ports")).hasSize(2);
        assertThat(containers.get(1).path("image").asText()).isEqualTo("b:2");
        assertThat(r.text("metadata.labels.keep")).isEqualTo("me");
        assertThat(r.text("metadata.labels.new")).isEqualTo("label");

        Response replaced = http.patch(path, """
                {"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"o:1"}]}}}}""",
                STRATEGIC);
        assertThat(replaced.code()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().at("/spec/template/spec/containers")).hasSize(1);
        assertThat(replaced.json().at("/spec/template/spec/containers/0/name").asText()).isEqualTo("only");

        Response invalid = http.patch(path, """
                {"spec":{"template":{"spec":{"containers":[{"name":"only","image":""}]}}}}""", STRATEGIC);
        assertThat(invalid.code()).as("a patched object is validated").isEqualTo(422);
        Response malformed = http.patch(path, "{\"spec\":", STRATEGIC);
        assertThat(malformed.code()).isEqualTo(400);
    }

    @Test
    void jsonPatchWithTestAndMergePatch() {
        String ns = namespace();
        String path = "/api/v1/namespaces/" + ns + "/pods/jp";
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("jp", "{\"a\":\"1\"}"));
        Response ok = http.patch(path, """
                [{"op":"test","path":"/metadata/labels/a","value":"1"},
                 {"op":"replace","path":"/metadata/labels/a","value":"2"},
                 {"op":"add","path":"/metadata/annotations","value":{"note":"x"}}]""", JSON_PATCH);
        assertThat(ok.code()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.text("metadata.labels.a")).isEqualTo("2");
        assertThat(ok.text("metadata.annotations.note")).isEqualTo("x");
        String rv = ok.text("metadata.resourceVersion");
        Response failedTest = http.patch(path, "[{\"op\":\"test\",\"path\":\"/metadata/labels/a\",\"value\":\"1\"},"
                + "{\"op\":\"remove\",\"path\":\"/metadata/labels/a\"}]", JSON_PATCH);
        assertThat(failedTest.code()).isEqualTo(422);
        assertThat(http.get(path).text("metadata.resourceVersion")).isEqualTo(rv);
        assertThat(http.patch(path, "{\"op\":\"add\"}", JSON_PATCH).code()).isEqualTo(400);
        Response stale = http.patch(path, "{\"metadata\":{\"resourceVersion\":\"1\",\"labels\":{\"a\":\"3\"}}}", MERGE);
        assertThat(stale.code()).as("a resourceVersion in a patch is a precondition").isEqualTo(409);
        Response merged = http.patch(path, "{\"metadata\":{\"labels\":{\"a\":null,\"b\":\"2\"}}}", MERGE);
        assertThat(merged.code()).isEqualTo(200);
        assertThat(merged.json().path("metadata").path("labels").toString()).isEqualTo("{\"b\":\"2\"}");
        assertThat(http.patch("/api/v1/namespaces/" + ns + "/pods/nope", "{}", MERGE).code()).isEqualTo(404);
    }

    @Test
    void putOfAbsentEndpointsCreatesIt() {
        String ns = namespace();
        Response created = http.put("/api/v1/namespaces/" + ns + "/endpoints/e",
                "{\"metadata\":{\"name\":\"e\"},\"subsets\":[]}");
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        Response updated = http.put("/api/v1/namespaces/" + ns + "/endpoints/e",
                "{\"metadata\":{\"name\":\"e\"},\"subsets\":[{\"addresses\":[{\"ip\":\"10.0.1.1\"}]}]}");
        assertThat(updated.code()).isEqualTo(200);
        assertThat(http.put("/api/v1/namespaces/" + ns + "/pods/absent", pod("absent")).code())
                .as("pods are not created by PUT").isEqualTo(404);
    }

    @Test
    void deleteCollectionBySelector() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        http.post(pods, pod("x1", "{\"group\":\"x\"}"));
        http.post(pods, pod("x2", "{\"group\":\"x\"}"));
        http.post(pods, pod("y1", "{\"group\":\"y\"}"));
        Response r = http.delete(pods + "?labelSelector=group%3Dx");
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.text("kind")).isEqualTo("PodList");
        assertThat(CrudContract.names(http.get(pods))).containsExactly("y1");
    }
}
