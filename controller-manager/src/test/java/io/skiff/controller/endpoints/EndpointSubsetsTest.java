package io.skiff.controller.endpoints;

import static io.skiff.controller.testing.TestObjects.pod;
import static io.skiff.controller.testing.TestObjects.terminating;
import static io.skiff.controller.testing.TestObjects.withLabels;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.EndpointSubset.EndpointAddress;
import io.skiff.api.core.EndpointSubset.EndpointPort;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndpointSubsetsTest {
    private static final Map<String, String> WEB = Map.of("app", "web");

    static Stream<Arguments> cases() {
        Service byNumber = service(new ServicePort("http", null, 80, IntOrString.of(8080), null));
        Service byName = service(new ServicePort("http", null, 80, IntOrString.of("web"), null));
        Service noTarget = service(new ServicePort("http", null, 80, null, null));
        Service twoPorts = service(new ServicePort("http", null, 80, IntOrString.of("web"), null),
                new ServicePort("metrics", "TCP", 9100, IntOrString.of(9100), null));
        Pod a = serving("a", "10.0.0.1", true, "web", 8080);
        Pod b = serving("b", "10.0.0.2", false, "web", 8080);
        Pod c = serving("c", "10.0.0.3", true, "web", 9090);
        Pod other = serving("other", "10.0.0.9", true, "other", 8080);
        return Stream.of(
                Arguments.of("ready and not-ready pods, numeric targetPort", byNumber, List.of(b, a),
                        List.of(new EndpointSubset(List.of(addr(a)), List.of(addr(b)), List.of(port("http", 8080))))),
                Arguments.of("no targetPort: the service port", noTarget, List.of(a),
                        List.of(new EndpointSubset(List.of(addr(a)), null, List.of(port("http", 80))))),
                Arguments.of("named targetPort resolved per pod: two subsets", byName, List.of(a, c),
                        List.of(new EndpointSubset(List.of(addr(a)), null, List.of(port("http", 8080))),
                                new EndpointSubset(List.of(addr(c)), null, List.of(port("http", 9090))))),
                Arguments.of("named targetPort the pod lacks: left out", byName, List.of(other), List.of()),
                Arguments.of("two ports, one resolved by name", twoPorts, List.of(a),
                        List.of(new EndpointSubset(List.of(addr(a)), null,
                                List.of(port("http", 8080), port("metrics", 9100))))),
                Arguments.of("pods without an IP, terminating or not selected are left out", byNumber,
                        List.of(withIp(a, null), terminating(a), withLabels(a, Map.of("app", "api"))), List.of()),
                Arguments.of("finished pods are left out", byNumber,
                        List.of(a.withStatus(a.status().withPhase(PodStatus.PHASE_SUCCEEDED))), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void subsets(String description, Service service, List<Pod> pods, List<EndpointSubset> expected) {
        assertThat(EndpointSubsets.of(service, pods)).isEqualTo(expected);
    }

    private static Service service(ServicePort... ports) {
        return new Service(ObjectMeta.of("default", "web"), ServiceSpec.of(List.of(ports), WEB), null);
    }

    private static Pod serving(String name, String ip, boolean ready, String portName, int containerPort) {
        Pod p = withLabels(pod(name), WEB);
        var c = p.spec().containers().get(0).withPorts(List.of(new ContainerPort(portName, null, containerPort,
                null, null)));
        p = p.withSpec(p.spec().withContainers(List.of(c)).withNodeName("n1"));
        PodCondition cond = new PodCondition("Ready", ready ? "True" : "False", null, null, null, null);
        return p.withStatus(new PodStatus("Running", List.of(cond), null, null, null, ip, null, null, null, null));
    }

    private static Pod withIp(Pod p, String ip) {
        PodStatus s = p.status();
        return p.withStatus(new PodStatus(s.phase(), s.conditions(), null, null, null, ip, null, null, null, null));
    }

    private static EndpointAddress addr(Pod p) {
        return new EndpointAddress(p.status().podIP(), null, "n1",
                new ObjectReference("Pod", "default", p.metadata().name(), p.metadata().uid(), null, null, null));
    }

    private static EndpointPort port(String name, int port) {
        return new EndpointPort(name, port, "TCP");
    }
}
