package io.skiff.controller.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.Event;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.resource.Quantity;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.SkiffClient;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.testing.Cluster;
import io.skiff.controller.testing.SimulatedKubelets;
import io.skiff.controller.testing.TestObjects;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scheduler against a real apiserver: every test registers its own nodes (and removes them
 * after), so the FailedScheduling messages count exactly those.
 */
class SchedulerIntegrationTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    static SkiffClient client;
    static SimulatedKubelets kubelets;
    static ControllerManager manager;
    final Set<String> nodes = new HashSet<>();
    String ns;

    @BeforeAll
    static void startCluster() {
        client = Cluster.client(API);
        kubelets = new SimulatedKubelets(client, Duration.ofSeconds(2));
        manager = Cluster.manager(API, Set.of("scheduler"));
    }

    @AfterAll
    static void stopCluster() {
        manager.close();
        kubelets.close();
        client.close();
    }

    @BeforeEach
    void namespace() {
        ns = Cluster.namespace(client, "sched");
    }

    @AfterEach
    void removeNodesAndPods() {
        kubelets.deleteNodes(nodes);
        // Pods left pending would take room on the next test's nodes.
        for (Pod p : client.pods(ns).list().items()) {
            client.pods(ns).delete(p.name(), new DeleteOptions(0L, null, null, null, null));
        }
    }

    @Test
    void respectsTheNodeSelector() {
        node("sel-plain", "4", Map.of());
        node("sel-ssd", "4", Map.of("disk", "ssd"));
        for (int i = 0; i < 4; i++) {
            Pod p = pod("ssd-" + i, null, null);
            client.pods(ns).create(p.withSpec(p.spec().withNodeSelector(Map.of("disk", "ssd"))));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(client.pods(ns).list().items())
                .hasSize(4).allSatisfy(p -> assertThat(p.spec().nodeName()).isEqualTo("sel-ssd")));
    }

    @Test
    void hostPortsNeverCollideAndTheThirdWaitsWithTheReason() {
        node("port-a", "4", Map.of());
        node("port-b", "4", Map.of());
        for (int i = 0; i < 3; i++) {
            client.pods(ns).create(pod("hp-" + i, null, 8080));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Pod> pods = client.pods(ns).list().items();
            assertThat(pods.stream().filter(p -> p.spec().nodeName() != null).map(p -> p.spec().nodeName()))
                    .containsExactlyInAnyOrder("port-a", "port-b");
            assertThat(failedScheduling(unbound(pods))).hasValue(
                    "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports.");
        });
    }

    @Test
    void cpuRequestsAreHonouredAndAnUnschedulablePodIsBoundOnceANodeFits() {
        node("cpu-a", "1", Map.of());
        node("cpu-b", "1", Map.of());
        Node cordoned = node("cpu-c", "8", Map.of());
        client.nodes().update(cordoned.withSpec(cordoned.spec().withUnschedulable(true)));
        for (int i = 0; i < 3; i++) {
            client.pods(ns).create(pod("cpu-" + i, "600m", null));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Pod> pods = client.pods(ns).list().items();
            assertThat(pods.stream().filter(p -> p.spec().nodeName() != null).map(p -> p.spec().nodeName()))
                    .containsExactlyInAnyOrder("cpu-a", "cpu-b");
            assertThat(failedScheduling(unbound(pods))).hasValue(
                    "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.");
        });
        String waiting = unbound(client.pods(ns).list().items());
        node("cpu-big", "2", Map.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.pods(ns).get(waiting).spec().nodeName()).isEqualTo("cpu-big"));
        assertThat(client.events(ns).list().items()).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("Scheduled");
            assertThat(e.involvedObject().name()).isEqualTo(waiting);
            assertThat(e.message()).isEqualTo("Successfully assigned " + ns + "/" + waiting + " to cpu-big");
        });
    }

    @Test
    void withNoNodesAtAllThePodSaysSo() {
        client.pods(ns).create(pod("lonely", null, null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(failedScheduling("lonely")).hasValue("no nodes available to schedule pods"));
    }

    private Node node(String name, String cpu, Map<String, String> labels) {
        nodes.add(name);
        return kubelets.addNode(name, cpu, "8Gi", 110, labels);
    }

    private Pod pod(String name, String cpu, Integer hostPort) {
        Container c = Container.of("c", TestObjects.IMAGE);
        if (cpu != null) {
            c = c.withResources(new ResourceRequirements(null, Map.of("cpu", Quantity.parse(cpu))));
        }
        if (hostPort != null) {
            c = c.withPorts(List.of(new ContainerPort(null, hostPort, 80, null, null)));
        }
        return new Pod(ObjectMeta.of(ns, name), PodSpec.of(List.of(c)), null);
    }

    private static String unbound(List<Pod> pods) {
        List<String> names = pods.stream().filter(p -> p.spec().nodeName() == null).map(p -> p.metadata().name())
                .toList();
        assertThat(names).hasSize(1);
        return names.get(0);
    }

    private Optional<String> failedScheduling(String pod) {
        return client.events(ns).list().items().stream()
                .filter(e -> "FailedScheduling".equals(e.reason()) && pod.equals(e.involvedObject().name()))
                .reduce((a, b) -> b)
                .map(Event::message);
    }
}
