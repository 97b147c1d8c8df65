package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.apiserver.testing.TestApiServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --service-node-port-range}: ports come from it, errors name it, a full range allocates nothing. */
class NodePortRangeTest extends RestTestSupport {
    private static final String MERGE = NodePortContract.MERGE;
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite().config(c -> c.withServiceNodePortRange("31000-31001"));
    }

    @Test
    void portsComeFromTheRangeAndAFullRangeAllocatesNothing() {
        String ns = namespace();
        String svcs = "/api/v1/namespaces/" + ns + "/services";
        Response a = http.post(svcs, NodePortContract.nodePortService("a", 0));
        Response b = http.post(svcs, NodePortContract.nodePortService("b", 0));
        assertThat(List.of(a.json().at("/spec/ports/0/nodePort").asInt(), b.json().at("/spec/ports/0/nodePort").asInt()))
                .containsExactlyInAnyOrder(31000, 31001);
        Response full = http.post(svcs, NodePortContract.nodePortService("c", 0));
        assertThat(full.code()).as(full.toString()).isEqualTo(500);
        assertThat(full.text("message")).isEqualTo("Internal error occurred: failed to allocate a nodePort: range is full");
        assertThat(http.get(svcs + "/c").code()).isEqualTo(404);
        assertThat(allocated("serviceips", ns)).as("c's cluster IP was given back").hasSize(2);

        Response outside = http.post(svcs, NodePortContract.nodePortService("d", 30080));
        assertThat(outside.code()).isEqualTo(422);
        assertThat(outside.text("message")).isEqualTo("Service \"d\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: "
                + "provided port is not in the valid range. The range of valid ports is 31000-31001");
        freeTheRange(svcs);
    }

    @Test
    void portsOfTheRangeAreReleasedOnDeleteAndOnAChangeToClusterIp() {
        String svcs = "/api/v1/namespaces/" + namespace() + "/services";
        assertThat(http.post(svcs, NodePortContract.nodePortService("a", 31001)).code()).isEqualTo(201);
        assertThat(http.delete(svcs + "/a").code()).isEqualTo(200);
        assertThat(http.post(svcs, NodePortContract.nodePortService("b", 31001)).code()).isEqualTo(201);
        assertThat(http.patch(svcs + "/b", "{\"spec\":{\"type\":\"ClusterIP\"}}", MERGE).code()).isEqualTo(200);
        assertThat(http.post(svcs, NodePortContract.nodePortService("c", 31001)).code()).isEqualTo(201);
        freeTheRange(svcs);
    }

    /** The two ports are all this server has: each test gives back what it took. */
    private void freeTheRange(String services) {
        assertThat(http.delete(services).code()).isEqualTo(200);
        assertThat(allocated("servicenodeports", services.split("/")[4])).isEmpty();
    }

    @Test
    void aMalformedRangeIsRefusedAtStart() {
        for (String bad : List.of("32767-30000", "30000", "a-b", "0-10", "30000-70000")) {
            assertThatThrownBy(() -> TestApiServer.sqlite().config(c -> c.withServiceNodePortRange(bad)).start())
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--service-node-port-range is a port range like 30000-32767, got " + bad);
        }
    }
}
