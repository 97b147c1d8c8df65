package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.apiserver.testing.HttpTestClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Node ports of NodePort services: allocated from the range when left out, the requested one
 * when free (422 when another service holds it or it is out of range), all or nothing, kept by an
 * update that leaves them out, given back on delete and on a change to ClusterIP.
 */
abstract class NodePortContract extends RestTestSupport {
    static final String MERGE = "application/merge-patch+json";

    /** A NodePort service with one port per entry of {@code nodePorts} (0: let the server pick). */
    static String nodePortService(String name, int... nodePorts) {
        StringBuilder ports = new StringBuilder();
        for (int i = 0; i < nodePorts.length; i++) {
            ports.append(i == 0 ? "" : ",").append("{\"name\":\"p").append(i).append("\",\"port\":").append(80 + i);
            ports.append(nodePorts[i] == 0 ? "" : ",\"nodePort\":" + nodePorts[i]).append('}');
        }
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"type\":\"NodePort\",\"selector\":{\"app\":\"x\"},"
                + "\"ports\":[" + ports + "]}}";
    }

    @Test
    void nodePortsAreAllocatedFromTheRangeUniqueAndAllOrNothing() throws Exception {
        String ns = namespace();
        String svcs = "/api/v1/namespaces/" + ns + "/services";
        Response auto = http.post(svcs, nodePortService("auto", 0, 0));
        assertThat(auto.code()).as(auto.toString()).isEqualTo(201);
        int first = auto.json().at("/spec/ports/0/nodePort").asInt();
        int second = auto.json().at("/spec/ports/1/nodePort").asInt();
        assertThat(List.of(first, second)).allMatch(p -> p >= 30000 && p <= 32767);
        assertThat(first).isNotEqualTo(second);

        assertThat(http.post(svcs, nodePortService("a", 30080)).code()).isEqualTo(201);
        Response taken = http.post(svcs, nodePortService("b", 30080));
        assertThat(taken.code()).as(taken.toString()).isEqualTo(422);
        assertThat(taken.text("message")).isEqualTo(
                "Service \"b\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated");
        Response outside = http.post(svcs, nodePortService("c", 80, 40000));
        assertThat(outside.code()).isEqualTo(422);
        assertThat(outside.text("message")).isEqualTo("Service \"c\" is invalid: ["
                + "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767, "
                + "spec.ports[1].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767]");

        // 30081 is free, 30080 is not: the 422 gives 30081 (and the cluster IP) back.
        Response partly = http.post(svcs, nodePortService("d", 30081, 30080));
        assertThat(partly.code()).isEqualTo(422);
        assertThat(partly.text("message")).contains("spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated");
        assertThat(http.get(svcs + "/d").code()).isEqualTo(404);
        assertThat(http.post(svcs, nodePortService("e", 30081)).code()).isEqualTo(201);
        assertThat(allocated("servicenodeports", ns)).containsExactlyInAnyOrder(
                Integer.toString(first), Integer.toString(second), "30080", "30081");
        assertThat(allocated("serviceips", ns)).hasSize(3);
    }

    @Test
    void nodePortsAreReleasedOnDeleteAndOnAChangeToClusterIp() {
        String ns = namespace();
        String svcs = "/api/v1/namespaces/" + ns + "/services";
        assertThat(http.post(svcs, nodePortService("a", 30090)).code()).isEqualTo(201);
        assertThat(http.delete(svcs + "/a").code()).isEqualTo(200);
        assertThat(http.post(svcs, nodePortService("b", 30090)).code()).isEqualTo(201);

        Response clusterIp = http.patch(svcs + "/b", "{\"spec\":{\"type\":\"ClusterIP\"}}", MERGE);
        assertThat(clusterIp.code()).as(clusterIp.toString()).isEqualTo(200);
        assertThat(clusterIp.json().at("/spec/ports/0").has("nodePort")).isFalse();
        assertThat(http.post(svcs, nodePortService("c", 30090)).code()).isEqualTo(201);

        Response nodePort = http.patch(svcs + "/b", "{\"spec\":{\"type\":\"NodePort\"}}", MERGE);
        assertThat(nodePort.code()).as(nodePort.toString()).isEqualTo(200);
        int allocated = nodePort.json().at("/spec/ports/0/nodePort").asInt();
        assertThat(allocated).isBetween(30000, 32767).isNotEqualTo(30090);
    }

    @Test
    void anUpdateThatLeavesTheNodePortOutKeepsIt() {
        String ns = namespace();
        String svcs = "/api/v1/namespaces/" + ns + "/services";
        Response created = http.post(svcs, nodePortService("a", 0));
        int port = created.json().at("/spec/ports/0/nodePort").asInt();
        Response updated = http.put(svcs + "/a", nodePortService("a", 0)); // kubectl replace of the manifest
        assertThat(updated.code()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().at("/spec/ports/0/nodePort").asInt()).isEqualTo(port);
        assertThat(updated.text("spec.clusterIP")).isEqualTo(created.text("spec.clusterIP"));
        assertThat(allocated("servicenodeports", ns)).containsExactly(Integer.toString(port));
    }

    /** 12 clients create services asking for one node port at the same moment: exactly one wins. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentCreatesOfOneNodePortExactlyOneWins() throws Exception {
        String ns = namespace();
        String svcs = "/api/v1/namespaces/" + ns + "/services";
        int clients = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String body = nodePortService("race-" + i, 30500);
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.post(svcs, body);
                }));
            }
            start.countDown();
            for (Future<Response> f : futures) {
                answers.add(f.get(50, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).filteredOn(r -> r.code() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.code() == 422).hasSize(clients - 1)
                .allMatch(r -> r.text("message").endsWith("spec.ports[0].nodePort: Invalid value: 30500: provided port is already allocated"));
        assertThat(http.get(svcs).json().path("items")).hasSize(1);
        // the losers gave back the cluster IPs they had reserved
        assertThat(allocated("serviceips", ns)).hasSize(1);
        assertThat(allocated("servicenodeports", ns)).containsExactly("30500");
    }
}
