package io.skiff.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.cli.config.CliConfig;
import io.skiff.cli.e2e.SkiffProcesses.Daemon;
import io.skiff.cli.up.LocalCluster;
import io.skiff.cli.up.WebApp;
import io.skiff.client.ClientConfig;
import io.skiff.client.ListOptions;
import io.skiff.client.SkiffClient;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.docker.DockerRuntime;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageFactory;
import io.skiff.storage.StorageOptions;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour with the real {@code skiff} binary as separate processes, the real Docker
 * engine and, for the multi-process cluster, the real etcd: apply an RC of three web servers and
 * a NodePort service, see them Running and Ready, reach them through the service, scale to five,
 * read a pod's log, delete a pod and see it replaced, kill -9 everything and start it again (the
 * same pods and containers, nothing duplicated), delete the RC (every container gone).
 *
 * <p>Each test has its own ports, data directory, node names and etcd prefix; every process and
 * container it made is removed afterwards, whatever happened.
 */
class EndToEndIT {
    static final Path PROJECT = Path.of(System.getProperty("skiff.project.root", "..")).toAbsolutePath();
    // Bounds for a machine shared with other builds; on an idle one each step takes seconds.
    static final Duration STARTUP = Duration.ofSeconds(180);
    static final Duration PODS = Duration.ofSeconds(180);

    /** Kept when a test fails: the daemons' output and logs are there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    SkiffProcesses skiff;
    DockerRuntime docker;
    final List<String> nodes = new ArrayList<>();
    String etcdPrefix;
    String server;
    final Map<String, SkiffClient> clients = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        skiff = new SkiffProcesses(work).env("DOCKER_HOST", TestEnvironment.docker());
        docker = new DockerRuntime(DockerRuntime.Options.of(TestEnvironment.docker()));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            clients.values().forEach(SkiffClient::close);
            skiff.close();
        } finally {
            try {
                for (RuntimeContainer c : containers(true)) {
                    docker.remove(c.id());
                }
            } finally {
                docker.close();
                if (etcdPrefix != null) {
                    try (Storage etcd = StorageFactory.open(StorageOptions.etcd(TestEnvironment.etcd()))) {
                        for (var kv : etcd.list(etcdPrefix).items()) {
                            etcd.delete(kv.key(), 0);
                        }
                    }
                }
            }
        }
    }

    @Test
    void skiffUpRunsTheTour() throws Exception {
        String node = "e2e-up-" + suffix();
        nodes.add(node);
        Path dataDir = work.resolve("skiff-data");
        String[] up = {"up", "--data-dir", dataDir.toString(), "--port", "" + WebApp.freePort(), "--kubelet-port",
            "" + WebApp.freePort(), "--node-name", node, "--docker-host", TestEnvironment.docker()};
        Daemon cluster = skiff.start("up", up).awaitOutput("The cluster is up", STARTUP);
        assertThat(cluster.stdout())
                .contains("storage ready (sqlite at " + dataDir.resolve("skiff.db") + ")")
                .containsPattern("apiserver listening on http://127\\.0\\.0\\.1:\\d+")
                .contains("node " + node + " Ready")
                .contains("export SKIFF_CONFIG=" + dataDir.resolve("config"))
                .contains("skiff get nodes");
        skiff.env("SKIFF_CONFIG", dataDir.resolve("config").toString()); // as the output says

        assertThat(skiff.ok("get", "nodes")).containsPattern(node + "\\s+Ready");
        String server = CliConfig.load(dataDir.resolve("config")).orElseThrow().server();
        Daemon[] current = {cluster};
        webFlow(server, List.of("127.0.0.1"), () -> {
            current[0].kill9();
            current[0] = skiff.start("up", up).awaitOutput("The cluster is up", STARTUP);
            assertThat(current[0].stdout()).contains("adopting");
        });

        // Ctrl-C (SIGTERM): a clean stop that says what happens to the containers.
        assertThat(current[0].stop()).isIn(0, 130, 143);
        assertThat(current[0].stdout()).contains("skiff up: stopping; the pods' containers keep running")
                .contains("skiff up: stopped");
    }

    @Test
    void separateDaemonsOnEtcdWithTwoKubelets() throws Exception {
        String run = suffix();
        etcdPrefix = "/skiff-e2e-" + run + "/";
        int apiPort = WebApp.freePort();
        String server = "http://127.0.0.1:" + apiPort;
        String[] apiserver = {"apiserver", "--etcd-servers", TestEnvironment.etcd(), "--etcd-prefix",
            etcdPrefix + "registry", "--port", "" + apiPort};
        String[] controllerManager = {"controller-manager", "--server", server, "--port", "" + WebApp.freePort()};
        // Two nodes on one machine: the second kubelet (and its node ports) on another loopback address.
        List<String> addresses = List.of("127.0.0.1", "127.0.0.2");
        List<String[]> kubelets = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String node = "e2e-node" + (i + 1) + "-" + run;
            nodes.add(node);
            kubelets.add(new String[] {"kubelet", "--server", server, "--node-name", node, "--root-dir",
                work.resolve("kubelet-" + (i + 1)).toString(), "--address", addresses.get(i), "--port",
                "" + WebApp.freePort(), "--docker-host", TestEnvironment.docker()});
        }
        skiff.env("SKIFF_SERVER", server);
        List<Daemon> daemons = new ArrayList<>();
        Runnable startAll = () -> {
            daemons.clear();
            daemons.add(skiff.start("apiserver", apiserver));
            await("apiserver healthz").atMost(STARTUP).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> healthz(server));
            daemons.add(skiff.start("controller-manager", controllerManager));
            kubelets.forEach(k -> daemons.add(skiff.start("kubelet", k)));
            await("both nodes Ready (see " + work + ")").atMost(STARTUP).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> api(server).nodes().list().items().stream()
                            .filter(n -> nodes.contains(n.name()) && LocalCluster.isReady(n)).count() == 2);
        };
        startAll.run();
        assertThat(skiff.ok("get", "nodes")).containsPattern(nodes.get(0) + "\\s+Ready").containsPattern(nodes.get(1)
                + "\\s+Ready");
        webFlow(server, addresses, () -> {
            daemons.forEach(Daemon::kill9);
            startAll.run();
        });
        for (Daemon d : daemons) {
            assertThat(d.stop()).as(d.name + " stops on SIGTERM").isIn(0, 130, 143);
        }
    }

    /** The tour, against whatever cluster the CLI's environment points at. */
    private void webFlow(String server, List<String> proxyHosts, Runnable crashAndRestart) throws Exception {
        this.server = server;
        int nodePort = WebApp.freeNodePort();
        Path manifest = work.resolve("web.yaml");
        Files.writeString(manifest, Files.readString(PROJECT.resolve("examples/web.yaml"))
                .replace("nodePort: 30080", "nodePort: " + nodePort));
        assertThat(skiff.ok("apply", "-f", manifest.toString()))
                .contains("replicationcontroller/web created").contains("service/web created");

        List<PodRow> pods = awaitPods(3, rows -> true);
        Set<String> names = names(pods);
        List<String> wide = skiff.ok("get", "pods", "-o", "wide").lines().toList();
        assertThat(wide.get(0)).containsPattern("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\s+IP\\s+NODE");
        assertThat(wide.stream().skip(1).map(l -> l.trim().split("\\s+")))
                .allSatisfy(c -> {
                    assertThat(c[5]).as("pod IP").matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
                    assertThat(c[6]).as("node").isIn(nodes);
                });

        // curl through the service, on every node: each pod answers, round robin.
        for (String host : proxyHosts) {
            Map<String, Integer> spread = await("service on " + host + ":" + nodePort).atMost(Duration.ofSeconds(30))
                    .ignoreExceptions().until(() -> WebApp.spread(host, nodePort, 9), s -> s.keySet().equals(names));
            assertThat(spread.values()).as("requests per pod through %s", host).containsOnly(3);
        }

        assertThat(skiff.ok("scale", "rc/web", "--replicas=5", "--wait")).contains("replicationcontroller/web scaled");
        pods = awaitPods(5, rows -> true);

        String logs = skiff.ok("logs", pods.get(0).name());
        assertThat(logs).contains("serving on :8080");

        String victim = pods.get(1).name();
        assertThat(skiff.ok("delete", "pod", victim)).contains("pod \"" + victim + "\" deleted");
        pods = awaitPods(5, rows -> rows.stream().noneMatch(r -> r.name().equals(victim)));
        Set<String> beforeCrash = names(pods);

        // kill -9 of the whole cluster, then start it again: the same pods, the same containers.
        Map<String, String> containersBefore = containerIdsByPod(beforeCrash);
        assertThat(containersBefore).hasSize(10);
        crashAndRestart.run();
        List<PodRow> after = awaitPods(5, rows -> true);
        assertThat(names(after)).isEqualTo(beforeCrash);
        Thread.sleep(Duration.ofSeconds(12)); // past a kubelet sync period: nothing is replaced or added
        assertThat(containerIdsByPod(beforeCrash)).isEqualTo(containersBefore);
        assertThat(containers(true)).hasSize(10);
        for (String host : proxyHosts) {
            await("service on " + host + " after the restart").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> WebApp.spread(host, nodePort, 10).keySet(), beforeCrash::equals);
        }

        assertThat(skiff.ok("delete", "rc", "web")).contains("replicationcontroller \"web\" deleted");
        await("every container of the RC gone from Docker").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> containers(true).isEmpty());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> api(server).pods("default").list().items().isEmpty());
        SkiffProcesses.Result none = skiff.run("get", "pods");
        assertThat(none.out() + none.err()).contains("No resources found");
    }

    record PodRow(String name, String ready, String status, String restarts) {}

    /**
     * Waits until {@code n} web pods are Running and Ready and {@code also} holds (polling the API:
     * a JVM per poll is too dear on a busy machine), then checks that {@code skiff get pods} shows
     * exactly that: {@code n} rows, 1/1, Running.
     */
    private List<PodRow> awaitPods(int n, Predicate<List<PodRow>> also) {
        await(n + " web pods Running and Ready (see " + work + ")").atMost(PODS).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    List<PodRow> rows = api(server).pods("default").list(ListOptions.labelSelector("app=web")).items()
                            .stream().map(p -> new PodRow(p.name(), ready(p) ? "1/1" : "0/1", p.status().phase(), ""))
                            .toList();
                    return rows.size() == n && rows.stream().allMatch(r -> r.ready().equals("1/1")
                            && r.status().equals("Running")) && also.test(rows);
                });
        List<PodRow> shown = podRows(skiff.ok("get", "pods", "-l", "app=web"));
        assertThat(shown).hasSize(n).allSatisfy(r -> {
            assertThat(r.ready()).isEqualTo("1/1");
            assertThat(r.status()).isEqualTo("Running");
        });
        assertThat(also.test(shown)).isTrue();
        return shown;
    }

    private SkiffClient api(String url) {
        return clients.computeIfAbsent(url, u -> new SkiffClient(ClientConfig.forServer(u)));
    }

    private static boolean ready(Pod p) {
        return p.status() != null && p.status().conditions() != null && p.status().conditions().stream()
                .anyMatch(c -> PodCondition.TYPE_READY.equals(c.type()) && PodCondition.TRUE.equals(c.status()));
    }

    static List<PodRow> podRows(String table) {
        List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        assertThat(lines.get(0)).startsWith("NAME").contains("READY").contains("STATUS").contains("RESTARTS");
        return lines.stream().skip(1).map(l -> l.trim().split("\\s+"))
                .map(c -> new PodRow(c[0], c[1], c[2], c[3])).toList();
    }

    static Set<String> names(List<PodRow> rows) {
        return rows.stream().map(PodRow::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Running containers of these pods, as pod/container -> id; fails on a pod/container twice. */
    private Map<String, String> containerIdsByPod(Set<String> podNames) {
        Map<String, String> ids = new TreeMap<>();
        for (RuntimeContainer c : containers(false)) {
            String pod = c.label(ContainerLabels.POD_NAME);
            if (!podNames.contains(pod)) {
                continue;
            }
            String key = pod + "/" + c.label(ContainerLabels.CONTAINER_NAME);
            String previous = ids.put(key, c.id());
            assertThat(previous).as("a second running container for " + key).isNull();
        }
        return ids;
    }

    /** Every container of this test's nodes. */
    private List<RuntimeContainer> containers(boolean includeExited) {
        List<RuntimeContainer> all = new ArrayList<>();
        for (String node : nodes) {
            all.addAll(docker.listContainers(Map.of(ContainerLabels.NODE, node), includeExited));
        }
        return all;
    }

    private static boolean healthz(String server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server + "/healthz"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
