package io.skiff.kubelet.testing;

import org.awaitility.Awaitility;

import io.skiff.api.core.Pod;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.ClientConfig;
import io.skiff.client.SkiffClient;
import io.skiff.kubelet.Kubelet;
import io.skiff.kubelet.KubeletConfig;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.docker.DockerRuntime;
import io.skiff.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real kubelet for one test, in-process, on the real Docker engine and a real apiserver: a
 * node name of its own (so the containers it makes carry a label no other test uses), a root
 * directory of its own, and fast periods (1 s syncs, 1 s back-offs) so tests wait seconds, not
 * minutes. Closing it stops the kubelet and removes every container of its node and its root
 * directory, whatever state the test left them in.
 */
public final class TestKubelet implements AutoCloseable {
    private final TestApiServer api;
    private final KubeletConfig config;
    private final SkiffClient client;
    private final ContainerRuntime runtime;
    private Kubelet kubelet;

    private TestKubelet(TestApiServer api, KubeletConfig config, ContainerRuntime runtime) {
        this.api = api;
        this.config = config;
        this.client = new SkiffClient(ClientConfig.forServer(api.url().toString()));
        this.runtime = runtime;
    }

    /** Test defaults: ephemeral port, fast syncs and back-offs, a temporary root directory. */
    public static KubeletConfig testConfig(String nodeName) {
        try {
            return KubeletConfig.defaults(nodeName)
                    .withRootDir(Files.createTempDirectory("skiff-kubelet-" + nodeName))
                    .withPodInfra(TestEnvironment.busyboxImage(), KubeletConfig.DEFAULT_POD_INFRA_COMMAND)
                    .withServer("127.0.0.1", 0)
                    .withFrequencies(Duration.ofSeconds(2), Duration.ofSeconds(1))
                    .withLease(Duration.ofSeconds(1), Duration.ofSeconds(40))
                    .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(8))
                    .withImageBackOff(Duration.ofSeconds(1), Duration.ofSeconds(8))
                    .withManifestCheckFrequency(Duration.ofMillis(300));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newNodeName() {
        return "test-node-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A kubelet on Docker with the test defaults changed by {@code tweak}, started and ready. */
    public static TestKubelet start(TestApiServer api, UnaryOperator<KubeletConfig> tweak) {
        return start(api, tweak, Duration.ofSeconds(30));
    }

    /** As {@link #start(TestApiServer, UnaryOperator)}, with the engine giving up a stalled pull after {@code pullDeadline}. */
    public static TestKubelet start(TestApiServer api, UnaryOperator<KubeletConfig> tweak, Duration pullDeadline) {
        KubeletConfig config = tweak.apply(testConfig(newNodeName()));
        TestKubelet t = new TestKubelet(api, config, new DockerRuntime(DockerRuntime.Options.of(TestEnvironment.docker())
                .withPullProgressDeadline(pullDeadline)));
        try {
            t.startKubelet();
            return t;
        } catch (RuntimeException | Error e) {
            t.close();
            throw e;
        }
    }

    public static TestKubelet start(TestApiServer api) {
        return start(api, UnaryOperator.identity());
    }

    /** A kubelet on another runtime (the simulated one), same defaults. */
    public static TestKubelet start(TestApiServer api, ContainerRuntime runtime) {
        TestKubelet t = new TestKubelet(api, testConfig(newNodeName()), runtime);
        t.startKubelet();
        return t;
    }

    private void startKubelet() {
        kubelet = new Kubelet(config, client, runtime).start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(kubelet::isReady);
    }

    /** Stops the kubelet the way a crash does, as far as its containers go: they keep running. */
    public void stop() {
        kubelet.close();
    }

    /** A new kubelet process for the same node (same name, root directory and engine). */
    public void restart() {
        kubelet.close();
        startKubelet();
    }

    public Kubelet kubelet() {
        return kubelet;
    }

    public String nodeName() {
        return config.nodeName();
    }

    public KubeletConfig config() {
        return config;
    }

    public SkiffClient client() {
        return client;
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    /** Creates the pod bound to this node. */
    public Pod create(Pod pod) {
        Pod bound = pod.withSpec(pod.spec().withNodeName(config.nodeName()));
        return client.pods(pod.namespace() == null ? "default" : pod.namespace()).create(bound);
    }

    public Pod get(String name) {
        return client.pods("default").get(name);
    }

    /** Waits (at most {@code timeout}) until the pod in the apiserver satisfies {@code condition}. */
    public Pod await(String name, Duration timeout, Predicate<Pod> condition) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> get(name), condition::test);
    }

    /** Every container of the pod on the engine, exited ones too. */
    public List<RuntimeContainer> containers(Pod pod) {
        return runtime.listContainers(Map.of(ContainerLabels.NODE, config.nodeName(),
                ContainerLabels.POD_UID, pod.metadata().uid()), true);
    }

    public List<RuntimeContainer> allContainers() {
        return runtime.listContainers(Map.of(ContainerLabels.NODE, config.nodeName()), true);
    }

    @Override
    public void close() {
        try {
            if (kubelet != null) {
                kubelet.close();
            }
        } finally {
            try {
                removeAll(allContainers());
            } finally {
                deleteTree(config.rootDir());
                runtime.close();
                client.close();
            }
        }
    }

    /** Removes containers eight at a time: the engine takes a while for each, and tests make many. */
    private void removeAll(List<RuntimeContainer> containers) {
        try (var pool = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            for (RuntimeContainer rc : containers) {
                pool.submit(() -> runtime.remove(rc.id()));
            }
        }
        List<RuntimeContainer> left = allContainers();
        if (!left.isEmpty()) {
            throw new IllegalStateException("containers of node " + config.nodeName() + " left behind: " + left);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
