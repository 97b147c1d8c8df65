package io.skiff.controller.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.EndpointSubset.EndpointAddress;
import io.skiff.api.core.EndpointSubset.EndpointPort;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.SkiffClient;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.testing.Cluster;
import io.skiff.controller.testing.TestObjects;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Service's Endpoints follow its pods' IPs, readiness and named ports. */
class EndpointsIntegrationTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    @Test
    void endpointsFollowThePods() {
        try (SkiffClient client = Cluster.client(API);
                ControllerManager manager = Cluster.manager(API, Set.of("endpoints"))) {
            String ns = Cluster.namespace(client, "ep");
            client.services(ns).create(new Service(ObjectMeta.of(ns, "web"), ServiceSpec.of(
                    List.of(new ServicePort("http", "TCP", 80, IntOrString.of("web"), null)), Map.of("app", "web")),
                    null));
            Pod a = createRunning(client, ns, "a", 8080);
            Pod b = createRunning(client, ns, "b", 9090);
            setStatus(client, ns, "a", "10.1.0.1", true);
            setStatus(client, ns, "b", "10.1.0.2", false);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(client.endpoints(ns).get("web").subsets()).containsExactly(
                            new EndpointSubset(List.of(address(a, "10.1.0.1")), null, List.of(port(8080))),
                            new EndpointSubset(null, List.of(address(b, "10.1.0.2")), List.of(port(9090)))));

            setStatus(client, ns, "b", "10.1.0.2", true);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(client.endpoints(ns).get("web").subsets()).containsExactly(
                            new EndpointSubset(List.of(address(a, "10.1.0.1")), null, List.of(port(8080))),
                            new EndpointSubset(List.of(address(b, "10.1.0.2")), null, List.of(port(9090)))));

            client.pods(ns).delete("a");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(client.endpoints(ns).get("web").subsets()).containsExactly(
                            new EndpointSubset(List.of(address(b, "10.1.0.2")), null, List.of(port(9090)))));

            client.services(ns).delete("web");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(client.endpoints(ns).find("web")).isEmpty());
        }
    }

    private static Pod createRunning(SkiffClient client, String ns, String name, int port) {
        Container c = Container.of("c", TestObjects.IMAGE)
                .withPorts(List.of(new ContainerPort("web", null, port, null, null)));
        Pod p = new Pod(ObjectMeta.of(ns, name).withLabels(Map.of("app", "web")),
                PodSpec.of(List.of(c)).withNodeName("ep-node"), null);
        return client.pods(ns).create(p);
    }

    private static void setStatus(SkiffClient client, String ns, String name, String ip, boolean ready) {
        PodCondition cond = new PodCondition("Ready", ready ? "True" : "False", null, Instant.now(), null, null);
        client.pods(ns).updateStatusWithRetry(name, p -> p.withStatus(new PodStatus(PodStatus.PHASE_RUNNING,
                List.of(cond), null, null, "127.0.0.1", ip, List.of(new PodStatus.PodIP(ip)), null, null, null)));
    }

    private static EndpointAddress address(Pod pod, String ip) {
        return new EndpointAddress(ip, null, "ep-node", new io.skiff.api.core.ObjectReference("Pod",
                pod.metadata().namespace(), pod.metadata().name(), pod.metadata().uid(), null, null, null));
    }

    private static EndpointPort port(int port) {
        return new EndpointPort("http", port, "TCP");
    }
}
