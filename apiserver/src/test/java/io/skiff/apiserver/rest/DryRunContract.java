package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.apiserver.testing.HttpTestClient.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dryRun=All}: admission, defaults, validation and allocation run and the answer is the
 * object that would be stored, but nothing is stored — no object, no resourceVersion bump, no
 * cluster IP or node port consumed.
 */
abstract class DryRunContract extends RestTestSupport {

    @Test
    void dryRunCreateAnswersTheObjectAndStoresNothing() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        String revision = http.get(pods).text("metadata.resourceVersion");
        Response r = http.post(pods + "?dryRun=All", pod("p"));
        assertThat(r.code()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("metadata.uid")).isNotEmpty();
        assertThat(r.text("metadata.creationTimestamp")).isNotEmpty();
        assertThat(r.json().path("metadata").has("resourceVersion")).isFalse();
        assertThat(r.text("spec.restartPolicy")).as("defaulted").isEqualTo("Always");
        assertThat(r.text("status.phase")).isEqualTo("Pending");
        assertThat(http.get(pods + "/p").code()).isEqualTo(404);
        assertThat(http.get(pods).text("metadata.resourceVersion")).isEqualTo(revision);

        Response invalid = http.post(pods + "?dryRun=All", pod("Bad_Name"));
        assertThat(invalid.code()).isEqualTo(422);
        Response noNamespace = http.post("/api/v1/namespaces/nowhere/pods?dryRun=All", pod("p"));
        assertThat(noNamespace.code()).as("admission runs").isEqualTo(404);
        assertThat(http.post(pods, pod("p")).code()).isEqualTo(201);
        assertThat(http.post(pods + "?dryRun=All", pod("p")).code()).isEqualTo(409);
    }

    @Test
    void dryRunServiceCreateConsumesNoClusterIpOrNodePort() {
        String svcs = "/api/v1/namespaces/" + namespace() + "/services";
        Response dry = http.post(svcs + "?dryRun=All", NodePortContract.nodePortService("a", 0));
        assertThat(dry.code()).as(dry.toString()).isEqualTo(201);
        String ip = dry.text("spec.clusterIP");
        int port = dry.json().at("/spec/ports/0/nodePort").asInt();
        assertThat(ip).startsWith("10.0.0.");
        assertThat(port).isBetween(30000, 32767);
        // what the dry run showed is still free
        Response real = http.post(svcs, NodePortContract.nodePortService("b", port)
                .replace("\"type\"", "\"clusterIP\":\"" + ip + "\",\"type\""));
        assertThat(real.code()).as(real.toString()).isEqualTo(201);
        Response taken = http.post(svcs + "?dryRun=All", NodePortContract.nodePortService("c", port));
        assertThat(taken.code()).isEqualTo(422);
        assertThat(taken.text("message")).contains("provided port is already allocated");
    }

    @Test
    void dryRunUpdatePatchAndDeleteChangeNothing() {
        String svcs = "/api/v1/namespaces/" + namespace() + "/services";
        Response created = http.post(svcs, "{\"metadata\":{\"name\":\"s\"},\"spec\":{\"ports\":[{\"port\":80}]}}");
        String stored = http.get(svcs + "/s").body();
        String rv = created.text("metadata.resourceVersion");

        Response put = http.put(svcs + "/s?dryRun=All",
                "{\"metadata\":{\"name\":\"s\",\"labels\":{\"a\":\"b\"}},\"spec\":{\"ports\":[{\"port\":80}]}}");
        assertThat(put.code()).as(put.toString()).isEqualTo(200);
        assertThat(put.text("metadata.labels.a")).isEqualTo("b");
        assertThat(put.text("metadata.resourceVersion")).isEqualTo(rv);

        Response patch = http.patch(svcs + "/s?dryRun=All", "{\"spec\":{\"type\":\"NodePort\"}}", NodePortContract.MERGE);
        assertThat(patch.code()).as(patch.toString()).isEqualTo(200);
        assertThat(patch.json().at("/spec/ports/0/nodePort").asInt()).isBetween(30000, 32767);
        Response badPatch = http.patch(svcs + "/s?dryRun=All", "{\"spec\":{\"type\":\"Foo\"}}", NodePortContract.MERGE);
        assertThat(badPatch.code()).isEqualTo(422);

        Response status = http.put(svcs + "/s/status?dryRun=All", created.json().toString()
                .replace("\"loadBalancer\":{}", "\"loadBalancer\":{\"ingress\":[{\"ip\":\"1.2.3.4\"}]}"));
        assertThat(status.code()).as("status writes are validated in a dry run too: " + status).isEqualTo(422);

        Response delete = http.delete(svcs + "/s?dryRun=All");
        assertThat(delete.code()).as(delete.toString()).isEqualTo(200);
        Response deleteByBody = http.delete(svcs + "/s", "{\"dryRun\":[\"All\"]}");
        assertThat(deleteByBody.code()).isEqualTo(200);
        assertThat(http.get(svcs + "/s").body()).isEqualTo(stored);
        // the cluster IP is still the service's
        Response sameIp = http.post(svcs, "{\"metadata\":{\"name\":\"t\"},\"spec\":{\"clusterIP\":\""
                + created.text("spec.clusterIP") + "\",\"ports\":[{\"port\":80}]}}");
        assertThat(sameIp.code()).isEqualTo(422);
        assertThat(sameIp.text("message")).contains("provided IP is already allocated");
    }

    /** A dryRun value other than All: Kubernetes' ValidateDryRun, a 422 on the verb's options kind. */
    static Stream<Arguments> unknownDryRuns() {
        return Stream.of(
                Arguments.of("POST", "", "CreateOptions"),
                Arguments.of("PUT", "/p", "UpdateOptions"),
                Arguments.of("PATCH", "/p", "PatchOptions"),
                Arguments.of("DELETE", "/p", "DeleteOptions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownDryRuns")
    void unknownDryRunValuesAreRefused(String method, String suffix, String optionsKind) {
        String pods = "/api/v1/namespaces/" + namespace() + "/pods";
        assertThat(http.post(pods, pod("p")).code()).isEqualTo(201);
        String before = http.get(pods + "/p").body();
        String contentType = method.equals("PATCH") ? NodePortContract.MERGE : "application/json";
        String body = method.equals("PATCH") ? "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}" : method.equals("DELETE") ? "" : pod("p");
        Response r = http.send(method, pods + suffix + "?dryRun=Foo", body, contentType);
        assertThat(r.code()).as(r.toString()).isEqualTo(422);
        assertThat(r.text("reason")).isEqualTo("Invalid");
        assertThat(r.text("message")).isEqualTo(optionsKind
                + ".meta.k8s.io \"\" is invalid: dryRun: Unsupported value: []string{\"Foo\"}: supported values: \"All\"");
        assertThat(http.get(pods + "/p").body()).isEqualTo(before);
    }
}
