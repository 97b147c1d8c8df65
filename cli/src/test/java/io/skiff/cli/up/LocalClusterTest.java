package io.skiff.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ApiObject;
import io.skiff.cli.config.CliConfig;
import io.skiff.client.ApiException;
import io.skiff.client.ClientConfig;
import io.skiff.client.LogOptions;
import io.skiff.client.ListOptions;
import io.skiff.client.SkiffClient;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.docker.DockerRuntime;
import io.skiff.testing.TestEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skiff up}'s cluster in-process, on the real Docker engine and SQLite: pods behind a
 * service reachable through the kubelet's proxy, readiness followed by the service, and a
 * restart that adopts the running containers instead of making new ones.
 */
class LocalClusterTest {
    @TempDir
    Path dataDir;

    String node;
    DockerRuntime docker;
    final List<LocalCluster> clusters = new ArrayList<>();
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() {
        node = "up-test-" + UUID.randomUUID().toString().substring(0, 8);
        docker = new DockerRuntime(DockerRuntime.Options.of(TestEnvironment.docker()));
    }

    @AfterEach
    void tearDown() {
        try {
            clusters.forEach(LocalCluster::close);
        } finally {
            for (RuntimeContainer c : containers(true)) {
                docker.remove(c.id());
            }
            docker.close();
        }
    }

    UpOptions options() {
        return UpOptions.defaults(dataDir, node).withPorts(0, 0).withDockerHost(TestEnvironment.docker())
                .withPodInfraImage(TestEnvironment.busyboxImage());
    }

    LocalCluster start(UpOptions options) throws UpException {
        LocalCluster c = LocalCluster.start(options, progress::add);
        clusters.add(c);
        return c;
    }

    List<RuntimeContainer> containers(boolean includeExited) {
        return docker.listContainers(Map.of(ContainerLabels.NODE, node), includeExited);
    }

    @Test
    void servesPodsBehindANodePortAndAdoptsTheirContainersAfterARestart() throws Exception {
        LocalCluster cluster = start(options());
        assertThat(progress).anyMatch(l -> l.startsWith("docker engine "))
                .contains("storage ready (sqlite at " + dataDir.resolve("skiff.db") + ")")
                .contains("apiserver listening on " + cluster.url())
                .anyMatch(l -> l.startsWith("node " + node + " Ready (kubelet on 127.0.0.1:"))
                .contains("wrote " + dataDir.resolve("config") + " (server " + cluster.url() + ")");
        assertThat(CliConfig.load(dataDir.resolve("config")).orElseThrow().server()).isEqualTo(cluster.url().toString());

        SkiffClient client = new SkiffClient(ClientConfig.forServer(cluster.url().toString()));
        int nodePort = WebApp.freeNodePort();
        for (ApiObject o : client.scheme().decodeManifest(WebApp.manifest("web", 2, nodePort,
                TestEnvironment.busyboxImage()))) {
            if (o instanceof ReplicationController rc) {
                client.replicationControllers("default").create(rc);
            } else {
                client.services("default").create((Service) o);
            }
        }
        List<Pod> pods = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> webPods(client), p -> p.size() == 2 && p.stream().allMatch(LocalClusterTest::ready));
        Set<String> names = pods.stream().map(Pod::name).collect(Collectors.toSet());

        // pods/log: the apiserver asks the pod's kubelet.
        assertThat(client.pods("default").logText(pods.get(0).name(), LogOptions.none()))
                .contains("serving on 8080");
        assertThatThrownBy(() -> client.pods("default").logText(pods.get(0).name(),
                LogOptions.none().withContainer("nginx")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("container nginx is not valid for pod " + pods.get(0).name());

        // Through the node port, round robin: every pod answers, equally often.
        Map<String, Integer> spread = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> WebApp.spread("127.0.0.1", nodePort, 10), s -> s.keySet().equals(names));
        assertThat(spread.values()).containsOnly(5);

        // One pod stops being ready: the endpoints controller drops it and the proxy follows.
        String unready = pods.get(0).name();
        String other = pods.get(1).name();
        RuntimeContainer httpd = docker.listContainers(Map.of(ContainerLabels.NODE, node, ContainerLabels.POD_NAME,
                unready, ContainerLabels.CONTAINER_NAME, "httpd"), false).get(0);
        assertThat(docker.exec(httpd.id(), List.of("rm", "/www/ready"), Duration.ofSeconds(10)).exitCode()).isZero();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> WebApp.spread("127.0.0.1", nodePort, 6), s -> s.equals(Map.of(other, 6)));

        // Restart: the same pods, the same containers, nothing new.
        Set<String> uids = pods.stream().map(p -> p.metadata().uid()).collect(Collectors.toSet());
        Set<String> running = containers(false).stream().map(RuntimeContainer::id).collect(Collectors.toSet());
        assertThat(running).hasSize(4); // two pods, each an infra and an httpd container
        cluster.close();
        client.close();
        assertThat(containers(false).stream().map(RuntimeContainer::id).collect(Collectors.toSet()))
                .as("containers keep running while the cluster is down").isEqualTo(running);

        progress.clear();
        LocalCluster again = start(options());
        assertThat(again.adoptedContainers()).isEqualTo(4);
        assertThat(progress).anyMatch(l -> l.contains("adopting 4 running containers"));
        SkiffClient client2 = new SkiffClient(ClientConfig.forServer(again.url().toString()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> WebApp.spread("127.0.0.1", nodePort, 4), s -> s.equals(Map.of(other, 4)));
        assertThat(webPods(client2)).extracting(p -> p.metadata().uid()).containsExactlyInAnyOrderElementsOf(uids);
        // Two kubelet sync periods later still the very same containers: adopted, not replaced.
        Thread.sleep(Duration.ofSeconds(12));
        assertThat(containers(true).stream().map(RuntimeContainer::id).collect(Collectors.toSet())).isEqualTo(running);

        // The RC goes: its pods and every container of theirs go too.
        client2.replicationControllers("default").delete("web");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> containers(true).isEmpty() && webPods(client2).isEmpty());
        client2.close();
    }

    @Test
    void withoutDockerItSaysHowToGetOneAndNoKubeletRunsTheControlPlane() throws Exception {
        UpOptions noDocker = options().withDockerHost("unix://" + dataDir.resolve("no-docker.sock"));
        assertThatThrownBy(() -> start(noDocker))
                .isInstanceOf(UpException.class)
                .hasMessageStartingWith("no Docker engine answers at unix://" + dataDir.resolve("no-docker.sock"))
                .hasMessageContaining("apt-get install docker.io")
                .hasMessageContaining("dockerd")
                .hasMessageContaining("--docker-host")
                .hasMessageContaining("skiff up --no-kubelet");
        assertThat(Files.exists(dataDir.resolve("skiff.db"))).as("nothing started").isFalse();

        LocalCluster cluster = start(noDocker.withoutKubelet());
        assertThat(cluster.kubelet()).isNull();
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(cluster.url() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).isEqualTo("ok");
        try (SkiffClient client = new SkiffClient(ClientConfig.forServer(cluster.url().toString()))) {
            assertThat(client.nodes().list().items()).isEmpty();
            assertThat(client.namespaces().list().items()).extracting(n -> n.name()).contains("default", "kube-system");
        }
    }

    @Test
    void aSecondClusterOnTheSameDataDirectoryIsRefusedClearly() throws Exception {
        start(options().withoutKubelet());
        assertThatThrownBy(() -> start(options().withoutKubelet()))
                .isInstanceOf(UpException.class)
                .hasMessageContaining("data directory " + dataDir + " is in use by another Skiff");
    }

    @Test
    void nodePortsComeFromTheConfiguredRange() throws Exception {
        LocalCluster cluster = start(options().withoutKubelet().withServiceNodePortRange("31990-31990"));
        try (SkiffClient client = new SkiffClient(ClientConfig.forServer(cluster.url().toString()))) {
            Service web = client.services("default").create(nodePortService(client, "web"));
            assertThat(web.spec().ports().get(0).nodePort()).isEqualTo(31990);
            assertThatThrownBy(() -> client.services("default").create(nodePortService(client, "web2")))
                    .isInstanceOf(ApiException.class).hasMessageContaining("range is full");
        }
    }

    /** A NodePort service that leaves its node port to the apiserver. */
    static Service nodePortService(SkiffClient client, String name) throws Exception {
        return (Service) client.scheme().decodeManifest("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: %s
                spec:
                  type: NodePort
                  selector:
                    app: web
                  ports:
                  - port: 80
                """.formatted(name)).get(0);
    }

    static boolean ready(Pod pod) {
        return pod.status() != null && pod.status().conditions() != null && pod.status().conditions().stream()
                .anyMatch(c -> PodCondition.TYPE_READY.equals(c.type()) && PodCondition.TRUE.equals(c.status()));
    }

    static List<Pod> webPods(SkiffClient client) {
        return client.pods("default").list(ListOptions.labelSelector("app=web")).items();
    }
}
