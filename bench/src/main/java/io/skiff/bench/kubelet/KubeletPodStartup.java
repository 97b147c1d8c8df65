package io.skiff.bench.kubelet;

import com.sun.management.OperatingSystemMXBean;
import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.client.ClientConfig;
import io.skiff.client.ListOptions;
import io.skiff.client.SkiffClient;
import io.skiff.client.Watch;
import io.skiff.kubelet.Kubelet;
import io.skiff.kubelet.KubeletConfig;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.docker.DockerClients;
import io.skiff.kubelet.runtime.docker.DockerRuntime;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageFactory;
import io.skiff.storage.StorageOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pod startup latency through the whole path — pod created in the apiserver, seen by the kubelet's
 * informer, synced by its worker on the real Docker engine, status written, Running seen by a
 * watcher — next to the physical limit measured first in the same run ({@link RawDockerPodStartup}:
 * the same Docker calls a one-container pod needs, and nothing else). Then N pods created at once,
 * and the kubelet's CPU and RSS with M pods running (the JVM also hosts the apiserver, on SQLite).
 *
 * <pre>
 * mvn -q -o -pl bench -am package -DskipTests \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/tmp/bench.cp
 * java -cp bench/target/classes:$(cat /tmp/bench.cp) io.skiff.bench.kubelet.KubeletPodStartup \
 *     [--pods N (50, at most 200)] [--running M (100, at most 200)] [--image busybox:latest]
 * </pre>
 * Every container is labelled with the benchmark's node and removed at the end, also on failure.
 */
public final class KubeletPodStartup {
    private static final int MAX = 200;

    private final SkiffClient client;
    private final String image;
    private final String node;
    private final Map<String, Long> runningSeenNanos = new ConcurrentHashMap<>();

    private KubeletPodStartup(SkiffClient client, String image, String node) {
        this.client = client;
        this.image = image;
        this.node = node;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i], args[i + 1]);
        }
        int pods = bounded(flags.getOrDefault("--pods", "50"), "--pods");
        int running = bounded(flags.getOrDefault("--running", "100"), "--running");
        String image = flags.getOrDefault("--image", System.getenv().getOrDefault("SKIFF_TEST_BUSYBOX_IMAGE", "busybox:latest"));

        // The floor first, same machine, same run: one pod at a time, then all N at once.
        RawDockerPodStartup.main(new String[] {"--pods", Integer.toString(pods), "--parallelism",
                Integer.toString(Math.min(pods, 64)), "--image", image});
        System.out.println();

        Path dataDir = Files.createTempDirectory("skiff-bench-apiserver");
        String node = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (Storage storage = StorageFactory.open(StorageOptions.sqlite(dataDir));
             ApiServer api = ApiServer.builder(ApiServerConfig.defaults(storage).withPort(0).withBindAddress("127.0.0.1"))
                     .build().start();
             SkiffClient client = new SkiffClient(ClientConfig.forServer(api.url().toString()));
             DockerRuntime runtime = new DockerRuntime(DockerRuntime.Options.of(DockerClients.defaultHost()))) {
            KubeletConfig config = KubeletConfig.defaults(node).withRootDir(dataDir.resolve("kubelet"))
                    .withPodInfra(image, KubeletConfig.DEFAULT_POD_INFRA_COMMAND).withServer("127.0.0.1", 0);
            Kubelet kubelet = new Kubelet(config, client, runtime).start();
            try {
                kubelet.awaitReady(Duration.ofMinutes(1));
                new KubeletPodStartup(client, image, node).run(pods, running, kubelet);
            } finally {
                kubelet.close();
                removeContainers(runtime, node);
            }
        }
    }

    private void run(int pods, int running, Kubelet kubelet) throws Exception {
        String rv = client.pods("default").list().metadata().resourceVersion();
        Watch<Pod> watch = client.pods("default").watch(ListOptions.none().withResourceVersion(rv));
        Thread.ofVirtual().start(() -> watchRunning(watch));
        try {
            create("warmup");
            awaitRunning(List.of("warmup"), Duration.ofMinutes(2));

            List<Long> sequential = new ArrayList<>();
            long seqStart = System.nanoTime();
            for (int i = 0; i < pods; i++) {
                String name = "seq-" + i;
                long t0 = System.nanoTime();
                create(name);
                awaitRunning(List.of(name), Duration.ofMinutes(2));
                sequential.add(runningSeenNanos.get(name) - t0);
            }
            long seqTotal = System.nanoTime() - seqStart;

            List<String> burst = new ArrayList<>();
            for (int i = 0; i < pods; i++) {
                burst.add("burst-" + i);
            }
            long burstStart = System.nanoTime();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                burst.forEach(name -> threads.submit(() -> create(name)));
            }
            awaitRunning(burst, Duration.ofMinutes(10));
            long burstTotal = System.nanoTime() - burstStart;
            List<Long> burstLatencies = new ArrayList<>();
            burst.forEach(n -> burstLatencies.add(runningSeenNanos.get(n) - burstStart));

            System.out.printf("Kubelet pod startup: pod created -> Running seen by a watcher (apiserver on SQLite, in-process)%n");
            System.out.printf("%-18s %5s %8s %8s %8s %9s %7s%n", "phase", "pods", "p50 ms", "p99 ms", "max ms", "total s", "pods/s");
            row("sequential", sequential, seqTotal);
            row("all at once", burstLatencies, burstTotal);

            List<String> more = new ArrayList<>();
            for (int i = pods * 2 + 1; i < running; i++) {
                more.add("idle-" + i);
            }
            more.forEach(this::create);
            awaitRunning(more, Duration.ofMinutes(10));
            measureResources(Math.max(running, pods * 2 + 1), kubelet);
        } finally {
            watch.close();
        }
    }

    private void create(String name) {
        Container c = Container.of("c", image).withCommand(List.of("sleep", "3600"))
                .withImagePullPolicy(Container.PULL_NEVER);
        Pod pod = new Pod(ObjectMeta.of("default", name),
                PodSpec.of(List.of(c)).withTerminationGracePeriodSeconds(0L), null);
        client.pods("default").create(pod.withSpec(pod.spec().withNodeName(node)));
    }

    /** Notes when each pod is first seen Running; ends when the watch is closed. */
    private void watchRunning(Watch<Pod> w) {
        try (w) {
            for (Watch.Event<Pod> e; (e = w.next()) != null; ) {
                Pod p = e.object();
                if (p != null && p.status() != null && PodStatus.PHASE_RUNNING.equals(p.status().phase())) {
                    runningSeenNanos.putIfAbsent(p.name(), System.nanoTime());
                }
            }
        }
    }

    private void awaitRunning(List<String> names, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!runningSeenNanos.keySet().containsAll(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pods not Running within " + timeout);
            }
            Thread.sleep(2);
        }
    }

    /** CPU of this JVM (kubelet + apiserver) over 30 s with every pod running and idle, and its RSS. */
    private static void measureResources(int running, Kubelet kubelet) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(5_000); // let start-up work settle
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        Thread.sleep(30_000);
        double cpu = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - wall0);
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ?").substring(6).strip();
        System.out.printf("%nWith %d pods running (sync every %ds): JVM CPU %.1f%% of one core, RSS %s, heap used %d MiB%n",
                running, kubelet.config().syncFrequency().toSeconds(), cpu * 100, rss,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private static void removeContainers(DockerRuntime runtime, String node) {
        List<RuntimeContainer> all = runtime.listContainers(Map.of(ContainerLabels.NODE, node), true);
        try (ExecutorService threads = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            all.forEach(rc -> threads.submit(() -> runtime.remove(rc.id())));
        }
    }

    private static void row(String phase, List<Long> nanos, long totalNanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-18s %5d %8.1f %8.1f %8.1f %9.2f %7.1f%n", phase, sorted.size(),
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted.get(sorted.size() - 1) / 1e6,
                totalNanos / 1e9, sorted.size() / (totalNanos / 1e9));
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static int bounded(String value, String flag) {
        int n = Integer.parseInt(value);
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException(flag + " must be between 1 and " + MAX + ", got " + n);
        }
        return n;
    }
}
