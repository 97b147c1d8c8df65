package io.skiff.controller.node;

import static io.skiff.controller.testing.Cluster.activePods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus.NodeCondition;
import io.skiff.api.core.Pod;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.SkiffClient;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.Pods;
import io.skiff.controller.testing.Cluster;
import io.skiff.controller.testing.SimulatedKubelets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A kubelet that stops heartbeating, with short timeouts: Ready=Unknown, pods evicted and replaced elsewhere. */
class NodeLifecycleIntegrationTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    @Test
    void aSilentNodeBecomesUnknownAndItsPodsMoveToTheOthers() throws Exception {
        try (SkiffClient client = Cluster.client(API);
                SimulatedKubelets kubelets = new SimulatedKubelets(client, Duration.ofMillis(500));
                ControllerManager manager = new ControllerManager(Cluster.config(API)
                        .withNodeMonitoring(Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(3)))
                        .start()) {
            for (String n : List.of("life-a", "life-b", "life-c")) {
                kubelets.addNode(n);
            }
            String ns = Cluster.namespace(client, "life");
            client.replicationControllers(ns).create(Cluster.rc(ns, "web", 6));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(activePods(client, ns, "web"))
                    .hasSize(6).allSatisfy(p -> assertThat(Pods.isReady(p)).isTrue()));
            await().atMost(Duration.ofSeconds(10)).until(() -> onNode(client, ns, "life-a") > 0); // spread

            kubelets.stop("life-a");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ready(client.nodes().get("life-a")).status()).isEqualTo("Unknown"));
            NodeCondition c = ready(client.nodes().get("life-a"));
            assertThat(c.reason()).isEqualTo("NodeStatusUnknown");
            assertThat(c.message()).isEqualTo("Kubelet stopped posting node status.");

            // After the eviction timeout: nothing left on life-a (even terminating), six running elsewhere.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(client.pods(ns).list().items().stream()
                        .filter(p -> "life-a".equals(p.spec().nodeName()))).isEmpty();
                List<Pod> pods = activePods(client, ns, "web");
                assertThat(ready(client.nodes().get("life-b")).status()).isEqualTo("True");
                assertThat(ready(client.nodes().get("life-c")).status()).isEqualTo("True");
                assertThat(pods).hasSize(6).allSatisfy(p -> {
                    assertThat(p.spec().nodeName()).isIn("life-b", "life-c");
                    assertThat(Pods.isReady(p)).isTrue();
                });
            });
            assertThat(client.events(ns).list().items()).anySatisfy(e ->
                    assertThat(e.reason()).isEqualTo("NodeControllerEviction"));

            // The kubelet comes back: Ready again, and the controller leaves it so.
            kubelets.restart("life-a");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(ready(client.nodes().get("life-a")).status()).isEqualTo("True"));
            Thread.sleep(6_000); // longer than the grace period
            assertThat(ready(client.nodes().get("life-a")).status()).isEqualTo("True");
        }
    }

    private static long onNode(SkiffClient client, String ns, String node) {
        return activePods(client, ns, "web").stream().filter(p -> node.equals(p.spec().nodeName())).count();
    }

    private static NodeCondition ready(Node node) {
        return node.status().conditions().stream().filter(c -> c.type().equals("Ready")).findFirst().orElseThrow();
    }
}
