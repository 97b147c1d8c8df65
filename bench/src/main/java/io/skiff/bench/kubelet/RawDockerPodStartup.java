package io.skiff.bench.kubelet;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import io.skiff.kubelet.runtime.docker.DockerClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The physical limit the kubelet's pod-startup benchmark is compared against: the raw docker-java
 * calls a one-container pod needs and nothing else (create+start the infra container, then
 * create+start the app container in its network namespace), measured one pod at a time (p50/p99)
 * and with P pods in flight (total time). Every container it makes carries a run label and is
 * removed at the end, also on failure or Ctrl-C.
 *
 * <pre>
 * mvn -q -o -pl bench -am package -DskipTests \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/tmp/bench.cp
 * java -cp bench/target/classes:$(cat /tmp/bench.cp) io.skiff.bench.kubelet.RawDockerPodStartup \
 *     [--pods N (50, at most 200)] [--parallelism P (10, at most 64)] [--image busybox:latest]
 * </pre>
 * The engine is {@code DOCKER_HOST} or the local socket. The figures only mean something next to
 * the kubelet's own, measured in the same run on the same machine.
 */
public final class RawDockerPodStartup {
    private static final String RUN_LABEL = "io.skiff.bench.run";
    private static final int MAX_PODS = 200;
    private static final int MAX_PARALLELISM = 64;

    private final DockerClient docker;
    private final String image;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private RawDockerPodStartup(DockerClient docker, String image) {
        this.docker = docker;
        this.image = image;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = flags(args);
        int pods = bounded(flags.getOrDefault("--pods", "50"), MAX_PODS, "--pods");
        int parallelism = bounded(flags.getOrDefault("--parallelism", "10"), MAX_PARALLELISM, "--parallelism");
        String image = flags.getOrDefault("--image", System.getenv().getOrDefault("SKIFF_TEST_BUSYBOX_IMAGE", "busybox:latest"));
        String host = DockerClients.defaultHost();

        try (DockerClient docker = DockerClients.open(host, MAX_PARALLELISM + 8, Duration.ofSeconds(5))) {
            RawDockerPodStartup bench = new RawDockerPodStartup(docker, image);
            Thread cleanupOnExit = new Thread(bench::removeEverything, "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanupOnExit);
            try {
                String engine = docker.versionCmd().exec().getVersion();
                bench.startPod("warmup");
                bench.removeEverything();

                List<Long> sequential = new ArrayList<>();
                long seqStart = System.nanoTime();
                for (int i = 0; i < pods; i++) {
                    sequential.add(bench.startPod("seq-" + i));
                }
                long seqTotal = System.nanoTime() - seqStart;
                bench.removeEverything();

                List<Long> parallel = Collections.synchronizedList(new ArrayList<>());
                long parStart = System.nanoTime();
                bench.startConcurrently(pods, parallelism, parallel);
                long parTotal = System.nanoTime() - parStart;

                System.out.printf("Raw docker-java pod startup: create+start infra (sleep), create+start app in its netns%n");
                System.out.printf("engine docker %s at %s, image %s, %d pods, %d CPUs%n%n", engine, host, image, pods,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("%-18s %5s %8s %8s %8s %9s %7s%n", "phase", "pods", "p50 ms", "p99 ms", "max ms", "total s", "pods/s");
                row("sequential", sequential, seqTotal);
                row("parallel P=" + parallelism, parallel, parTotal);
            } finally {
                bench.removeEverything();
                Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
            }
        }
    }

    /** One pod's worth of raw calls; returns how long they took, in nanoseconds. */
    private long startPod(String name) {
        Map<String, String> labels = Map.of(RUN_LABEL, run);
        long start = System.nanoTime();
        String infra = docker.createContainerCmd(image).withName("skiff-bench-" + run + "-" + name + "-infra")
                .withLabels(labels).withCmd("sleep", "3600").exec().getId();
        docker.startContainerCmd(infra).exec();
        String app = docker.createContainerCmd(image).withName("skiff-bench-" + run + "-" + name + "-app")
                .withLabels(labels).withCmd("sleep", "3600")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + infra)).exec().getId();
        docker.startContainerCmd(app).exec();
        return System.nanoTime() - start;
    }

    private void startConcurrently(int pods, int parallelism, List<Long> latencies) throws Exception {
        Semaphore inFlight = new Semaphore(parallelism);
        List<Future<?>> started = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < pods; i++) {
                String name = "par-" + i;
                inFlight.acquire();
                started.add(threads.submit(() -> {
                    try {
                        latencies.add(startPod(name));
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> pod : started) {
                pod.get(5, TimeUnit.MINUTES);
            }
        }
    }

    /** Removes (SIGKILL) every container of this run; safe to call more than once. */
    private void removeEverything() {
        List<Container> mine = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(RUN_LABEL, run)).exec();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Container c : mine) {
                threads.submit(() -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
            }
        }
    }

    private static void row(String phase, List<Long> nanos, long totalNanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-18s %5d %8.1f %8.1f %8.1f %9.2f %7.1f%n", phase, sorted.size(),
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted.get(sorted.size() - 1) / 1e6,
                totalNanos / 1e9, sorted.size() / (totalNanos / 1e9));
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static Map<String, String> flags(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("flags come in pairs: --pods N --parallelism P --image I");
        }
        Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--pods", "--parallelism", "--image").contains(args[i])) {
                throw new IllegalArgumentException("unknown flag " + args[i] + " (known: --pods, --parallelism, --image)");
            }
            flags.put(args[i], args[i + 1]);
        }
        return flags;
    }

    private static int bounded(String value, int max, String flag) {
        int n = Integer.parseInt(value);
        if (n < 1 || n > max) {
            throw new IllegalArgumentException(flag + " must be between 1 and " + max + ", got " + n);
        }
        return n;
    }
}
