package io.skiff.kubelet.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.EndpointSubset.EndpointAddress;
import io.skiff.api.core.EndpointSubset.EndpointPort;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.testing.TestKubelet;
import io.skiff.kubelet.testing.TestPods;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kubelet's service proxy with real busybox web servers in Docker and a real apiserver. The
 * Endpoints are written by the test (the endpoints controller lives in the controller-manager;
 * {@code LocalClusterTest} covers the two together): they are the proxy's input.
 */
class ServiceProxyTest {
    static TestApiServer api;
    static TestKubelet node;
    static List<Pod> pods = new ArrayList<>();

    @BeforeAll
    static void startWebServers() {
        api = TestApiServer.sqlite().start();
        node = TestKubelet.start(api);
        for (String name : List.of("web-a", "web-b")) {
            node.create(TestPods.pod(name, TestPods.shell("httpd",
                    "mkdir -p /www && echo \"hello from $(hostname)\" > /www/index.html && exec httpd -f -p 8080 -h /www")));
        }
        for (String name : List.of("web-a", "web-b")) {
            pods.add(node.await(name, Duration.ofSeconds(60),
                    p -> TestPods.isRunning(p) && p.status().podIP() != null));
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void nodePortSpreadsConnectionsOverTheReadyEndpointsAndFollowsTheirChanges() {
        int nodePort = freeNodePort();
        String svc = TestPods.uniqueName("web");
        node.client().services("default").create(new Service(ObjectMeta.of("default", svc),
                ServiceSpec.of(List.of(new ServicePort(null, null, 80, IntOrString.of(8080), nodePort)),
                        Map.of("app", "web")).withType(ServiceSpec.TYPE_NODE_PORT), null));
        node.client().endpoints("default").create(endpoints(svc, pods));

        Map<String, Integer> answers = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> count(nodePort, 20), a -> a.size() == 2);
        assertThat(answers).containsOnlyKeys("hello from web-a", "hello from web-b");
        assertThat(answers.values()).containsOnly(10); // round robin: exactly every other connection

        // web-b is no longer ready (its address leaves the Endpoints): nothing goes to it any more.
        Endpoints current = node.client().endpoints("default").get(svc);
        node.client().endpoints("default").update(endpoints(svc, List.of(pods.get(0)))
                .withMetadata(current.metadata()));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> count(nodePort, 10), a -> a.equals(Map.of("hello from web-a", 10)));

        // No endpoints at all: connections are accepted and closed at once, nothing is answered.
        current = node.client().endpoints("default").get(svc);
        node.client().endpoints("default").update(endpoints(svc, List.of()).withMetadata(current.metadata()));
        await().atMost(Duration.ofSeconds(10)).until(() -> get(nodePort).isEmpty());

        // The service goes: so does its listener.
        node.client().services("default").delete(svc);
        await().atMost(Duration.ofSeconds(10)).until(() -> !listening(nodePort));
    }

    @Test
    void aNodePortTakenBySomeoneElseIsReportedAndBoundOnceFreed() throws Exception {
        int nodePort = freeNodePort();
        String svc = TestPods.uniqueName("web");
        try (ServerSocket squatter = new ServerSocket(nodePort, 1, java.net.InetAddress.getLoopbackAddress())) {
            node.client().services("default").create(new Service(ObjectMeta.of("default", svc),
                    ServiceSpec.of(List.of(new ServicePort(null, null, 80, IntOrString.of(8080), nodePort)),
                            Map.of("app", "web")).withType(ServiceSpec.TYPE_NODE_PORT), null));
            node.client().endpoints("default").create(endpoints(svc, pods));
            Thread.sleep(1000);
            assertThat(squatter.isBound()).isTrue();
        }
        // Freed: the proxy's retry binds it within its retry period.
        await().atMost(ServiceProxy.RETRY.plusSeconds(10)).ignoreExceptions()
                .until(() -> get(nodePort).orElse(""), body -> body.startsWith("hello from web-"));
        node.client().services("default").delete(svc);
    }

    static Endpoints endpoints(String name, List<Pod> ready) {
        List<EndpointAddress> addresses = ready.stream()
                .map(p -> new EndpointAddress(p.status().podIP(), null, p.spec().nodeName(), null)).toList();
        return new Endpoints(ObjectMeta.of("default", name), addresses.isEmpty() ? List.of()
                : List.of(new EndpointSubset(addresses, null, List.of(new EndpointPort(null, 8080, "TCP")))));
    }

    /** {@code n} requests, one connection each: how often each answer came. */
    static Map<String, Integer> count(int port, int n) throws IOException {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String body = get(port).orElseThrow(() -> new IOException("no answer"));
            answers.merge(body, 1, Integer::sum);
        }
        return answers;
    }

    /** GET / over a connection of its own; the body's first line, or empty when nothing answered. */
    static Optional<String> get(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.0\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int body = response.indexOf("\r\n\r\n");
            return body < 0 ? Optional.empty() : Optional.of(response.substring(body + 4).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port in the node port range that is free on 127.0.0.1 now. */
    static int freeNodePort() {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(30000, 32768);
            try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 30000-32767 on 127.0.0.1");
    }
}
