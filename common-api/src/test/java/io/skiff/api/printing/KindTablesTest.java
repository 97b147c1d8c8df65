package io.skiff.api.printing;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Container;
import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.EndpointSubset.EndpointAddress;
import io.skiff.api.core.EndpointSubset.EndpointPort;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.core.ServiceStatus;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per case, every kind but pods (PodTableTest): the cells kubectl would print, wide columns included. */
class KindTablesTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final ObjectMeta META = ObjectMeta.of("default", "x").withCreationTimestamp(NOW.minusSeconds(53 * 3600));

    static Node node(List<NodeStatus.NodeCondition> conditions, Boolean unschedulable, Map<String, String> labels) {
        NodeStatus.NodeSystemInfo info = new NodeStatus.NodeSystemInfo(null, null, null, "6.1.0", "Debian GNU/Linux 12",
                "docker://20.10.24", "v1.20.0-skiff", null, "linux", "amd64");
        NodeStatus status = new NodeStatus(null, null, conditions,
                List.of(new NodeStatus.NodeAddress("InternalIP", "10.0.0.7"), new NodeStatus.NodeAddress("Hostname", "n1")),
                null, info, null);
        return new Node(ObjectMeta.named("n1").withCreationTimestamp(META.creationTimestamp()).withLabels(labels),
                new NodeSpec(null, null, null, unschedulable, null), status);
    }

    static NodeStatus.NodeCondition ready(String status) {
        return new NodeStatus.NodeCondition("Ready", status, NOW, NOW, null, null);
    }

    static Service service(String type, List<String> externalIps, ServiceStatus status, ServicePort... ports) {
        ServiceSpec spec = new ServiceSpec(List.of(ports), Map.of("app", "web", "tier", "fe"), "10.0.0.10", null, type,
                externalIps, null, null, type.equals("ExternalName") ? "db.example" : null);
        return new Service(META, spec, status);
    }

    static Endpoints endpoints(EndpointSubset... subsets) {
        return new Endpoints(META, List.of(subsets));
    }

    static EndpointSubset subset(List<String> ips, Integer... ports) {
        return new EndpointSubset(ips.stream().map(ip -> new EndpointAddress(ip, null, null, null)).toList(), null,
                Stream.of(ports).map(p -> new EndpointPort(null, p, "TCP")).toList());
    }

    static Event event(Instant first, Instant last, Integer count, String name) {
        return new Event(META, new ObjectReference("Pod", "default", name, null, "v1", null, "spec.containers{web}"),
                "Started", "Started container web\n", new Event.Source("kubelet", "n1"), first, last, count, "Normal",
                null, null, null, null);
    }

    static Stream<Arguments> rows() {
        Container web = new Container("web", "busybox:latest", null, null, null, null, null, null, null, null, null,
                null, null, null);
        Container side = new Container("log", "busybox:1", null, null, null, null, null, null, null, null, null, null,
                null, null);
        ReplicationController rc = new ReplicationController(META, new ReplicationControllerSpec(3, null,
                Map.of("app", "web"), new PodTemplateSpec(null, PodSpec.of(List.of(web, side)))),
                new ReplicationControllerStatus(2, null, 1, null, null, null));
        return Stream.of(
                Arguments.of("rc", rc, List.of("x", 3L, 2L, 1L, "2d5h", "web,log", "busybox:latest,busybox:1", "app=web")),
                Arguments.of("rc without status", new ReplicationController(META, null, null),
                        List.of("x", 0L, 0L, 0L, "2d5h", "", "", "<none>")),
                Arguments.of("ready node", node(List.of(ready("True")), null, Map.of()),
                        List.of("n1", "Ready", "<none>", "2d5h", "v1.20.0-skiff", "10.0.0.7", "<none>",
                                "Debian GNU/Linux 12", "6.1.0", "docker://20.10.24")),
                Arguments.of("cordoned, not ready, with roles", node(List.of(ready("False")), true,
                        Map.of("node-role.kubernetes.io/master", "", "kubernetes.io/role", "edge")),
                        List.of("n1", "NotReady,SchedulingDisabled", "edge,master", "2d5h", "v1.20.0-skiff", "10.0.0.7",
                                "<none>", "Debian GNU/Linux 12", "6.1.0", "docker://20.10.24")),
                Arguments.of("node never heard from", node(List.of(), null, null),
                        List.of("n1", "Unknown", "<none>", "2d5h", "v1.20.0-skiff", "10.0.0.7", "<none>",
                                "Debian GNU/Linux 12", "6.1.0", "docker://20.10.24")),
                Arguments.of("cluster ip service", service("ClusterIP", null, null,
                        new ServicePort(null, "TCP", 80, IntOrString.of(8080), null)),
                        List.of("x", "ClusterIP", "10.0.0.10", "<none>", "80/TCP", "2d5h", "app=web,tier=fe")),
                Arguments.of("node port service", service("NodePort", List.of("1.2.3.4"), null,
                        new ServicePort("http", "TCP", 80, null, 30080), new ServicePort("dns", "UDP", 53, null, null)),
                        List.of("x", "NodePort", "10.0.0.10", "1.2.3.4", "80:30080/TCP,53/UDP", "2d5h",
                                "app=web,tier=fe")),
                Arguments.of("pending load balancer", service("LoadBalancer", null, null,
                        new ServicePort(null, "TCP", 443, null, null)),
                        List.of("x", "LoadBalancer", "10.0.0.10", "<pending>", "443/TCP", "2d5h", "app=web,tier=fe")),
                Arguments.of("load balancer with ingress", service("LoadBalancer", List.of("5.6.7.8"),
                        new ServiceStatus(new ServiceStatus.LoadBalancerStatus(List.of(
                                new ServiceStatus.LoadBalancerIngress("9.9.9.9", null)))),
                        new ServicePort(null, "TCP", 443, null, null)),
                        List.of("x", "LoadBalancer", "10.0.0.10", "9.9.9.9,5.6.7.8", "443/TCP", "2d5h",
                                "app=web,tier=fe")),
                Arguments.of("external name", service("ExternalName", null, null),
                        List.of("x", "ExternalName", "10.0.0.10", "db.example", "<none>", "2d5h", "app=web,tier=fe")),
                Arguments.of("endpoints, none ready", endpoints(), List.of("x", "<none>", "2d5h")),
                Arguments.of("endpoints", endpoints(subset(List.of("10.1.0.1", "10.1.0.2"), 8080)),
                        List.of("x", "10.1.0.1:8080,10.1.0.2:8080", "2d5h")),
                Arguments.of("endpoints, more than three", endpoints(subset(List.of("10.1.0.1", "10.1.0.2"), 80, 443),
                        subset(List.of("fd00::1"), 80)),
                        List.of("x", "10.1.0.1:80,10.1.0.2:80,10.1.0.1:443 + 2 more...", "2d5h")),
                Arguments.of("headless endpoints without ports", endpoints(subset(List.of("10.1.0.9"))),
                        List.of("x", "10.1.0.9", "2d5h")),
                Arguments.of("event", event(NOW.minusSeconds(600), NOW.minusSeconds(5), 3, "web-1"),
                        List.of("5s", "Normal", "Started", "pod/web-1", "spec.containers{web}", "kubelet, n1",
                                "Started container web", "10m", 3L, "x")),
                Arguments.of("singleton event without last timestamp", event(NOW.minusSeconds(70), null, null, ""),
                        List.of("70s", "Normal", "Started", "pod", "spec.containers{web}", "kubelet, n1",
                                "Started container web", "70s", 1L, "x")),
                Arguments.of("namespace", new Namespace(META, null, new Namespace.Status("Active")),
                        List.of("x", "Active", "2d5h")),
                Arguments.of("lease", new Lease(META, new Lease.Spec("n1", 40, null, null, null)),
                        List.of("x", "n1", "2d5h")),
                Arguments.of("lease without holder", new Lease(META, null), List.of("x", "", "2d5h")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void cellsAsKubectlPrintsThem(String what, KubeObject object, List<Object> cells) {
        Table.Row row = Tables.row(object, NOW, Tables.IncludeObject.NONE);
        assertThat(row.cells()).containsExactlyElementsOf(cells);
        assertThat(Tables.columns(object.kind())).hasSameSizeAs(cells);
        assertThat(row.object()).isNull();
    }
}
