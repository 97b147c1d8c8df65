package io.skiff.kubelet.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.EndpointSubset.EndpointAddress;
import io.skiff.api.core.EndpointSubset.EndpointPort;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.ObjectMeta;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProxyRulesTest {
    static final String BIND = "127.0.0.1";
    static final String LOCAL_CLUSTER_IP = "10.0.0.9";

    static Service service(String name, String type, String clusterIp, ServicePort... ports) {
        return new Service(ObjectMeta.of("default", name), ServiceSpec.of(List.of(ports), Map.of("app", name))
                .withType(type).withClusterIP(clusterIp), null);
    }

    static ServicePort port(String name, int port, int target, Integer nodePort) {
        return new ServicePort(name, null, port, IntOrString.of(target), nodePort);
    }

    static Endpoints endpoints(String name, List<String> ready, List<String> notReady, EndpointPort... ports) {
        return new Endpoints(ObjectMeta.of("default", name), List.of(new EndpointSubset(addresses(ready),
                addresses(notReady), List.of(ports))));
    }

    static List<EndpointAddress> addresses(List<String> ips) {
        return ips.isEmpty() ? null : ips.stream().map(ip -> new EndpointAddress(ip, null, null, null)).toList();
    }

    static InetSocketAddress listen(String host, int port) {
        return new InetSocketAddress(host, port);
    }

    static InetSocketAddress backend(String ip, int port) {
        return InetSocketAddress.createUnresolved(ip, port);
    }

    static Stream<Arguments> cases() {
        ServicePortName web = new ServicePortName("default", "web", "");
        ServicePortName webHttp = new ServicePortName("default", "web", "http");
        ServicePortName webMetrics = new ServicePortName("default", "web", "metrics");
        return Stream.of(
                Arguments.of("NodePort: listens on the bind address, only ready endpoints",
                        List.of(service("web", "NodePort", "10.0.0.5", port(null, 80, 8080, 30080))),
                        List.of(endpoints("web", List.of("172.17.0.3", "172.17.0.2"), List.of("172.17.0.4"),
                                new EndpointPort(null, 8080, "TCP"))),
                        Map.of(listen(BIND, 30080), web),
                        Map.of(web, List.of(backend("172.17.0.2", 8080), backend("172.17.0.3", 8080)))),
                Arguments.of("ClusterIP service not on this machine: nothing to listen on",
                        List.of(service("web", "ClusterIP", "10.0.0.5", port(null, 80, 8080, null))),
                        List.of(endpoints("web", List.of("172.17.0.2"), List.of(), new EndpointPort(null, 8080, "TCP"))),
                        Map.of(), Map.of()),
                Arguments.of("cluster IP assigned to this machine: listens there on the service port too",
                        List.of(service("web", "NodePort", LOCAL_CLUSTER_IP, port(null, 80, 8080, 30080))),
                        List.of(),
                        Map.of(listen(BIND, 30080), web, listen(LOCAL_CLUSTER_IP, 80), web),
                        Map.of(web, List.of())),
                Arguments.of("named ports take the endpoint port of the same name",
                        List.of(service("web", "NodePort", "10.0.0.5", port("http", 80, 8080, 30080),
                                port("metrics", 9090, 9090, 30090))),
                        List.of(endpoints("web", List.of("172.17.0.2"), List.of(), new EndpointPort("http", 8080, "TCP"),
                                new EndpointPort("metrics", 9091, "TCP"))),
                        Map.of(listen(BIND, 30080), webHttp, listen(BIND, 30090), webMetrics),
                        Map.of(webHttp, List.of(backend("172.17.0.2", 8080)),
                                webMetrics, List.of(backend("172.17.0.2", 9091)))),
                Arguments.of("UDP ports are not proxied",
                        List.of(service("dns", "NodePort", "10.0.0.5", new ServicePort(null, "UDP", 53,
                                IntOrString.of(53), 30053))),
                        List.of(), Map.of(), Map.of()),
                Arguments.of("two services on one node port: the first by name keeps it",
                        List.of(service("b", "NodePort", "10.0.0.6", port(null, 80, 8080, 30080)),
                                service("a", "NodePort", "10.0.0.5", port(null, 80, 8080, 30080))),
                        List.of(),
                        Map.of(listen(BIND, 30080), new ServicePortName("default", "a", "")),
                        Map.of(new ServicePortName("default", "a", ""), List.of(),
                                new ServicePortName("default", "b", ""), List.of())),
                Arguments.of("headless service: nothing",
                        List.of(service("web", "ClusterIP", "None", port(null, 80, 8080, null))),
                        List.of(), Map.of(), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rules(String title, List<Service> services, List<Endpoints> endpoints,
            Map<InetSocketAddress, ServicePortName> listeners, Map<ServicePortName, List<InetSocketAddress>> backends) {
        ProxyRules rules = ProxyRules.of(services, endpoints, BIND, LOCAL_CLUSTER_IP::equals);
        assertThat(rules.listeners()).isEqualTo(listeners);
        assertThat(rules.backends()).isEqualTo(backends);
    }
}
