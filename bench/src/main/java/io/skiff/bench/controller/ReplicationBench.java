package io.skiff.bench.controller;

import io.skiff.api.core.Container;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.client.ClientConfig;
import io.skiff.client.ListOptions;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.ListerWatcher;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.ControllerManagerConfig;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageFactory;
import io.skiff.storage.StorageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * An RC going from 0 to {@code --pods} (3,000) Running pods on {@code --nodes} (50) hollow nodes,
 * through an in-process apiserver (SQLite, or {@code --etcd URL}) and the controller-manager:
 * the time until all are created, bound and Running, and the scheduler's binding rate.
 *
 * <p>The limit, measured in the same run against the same apiserver: the same number of pod
 * creates, then the same number of bindings, each 64 in flight (the scheduler's concurrency),
 * sent directly with no controller logic in between.
 *
 * <pre>java ... io.skiff.bench.controller.ReplicationBench [--pods 3000] [--nodes 50] [--etcd URL]
 *     [--max-seconds 300]</pre>
 */
public final class ReplicationBench {
    private ReplicationBench() {}

    public static void main(String[] args) throws Exception {
        int pods = intArg(args, "--pods", 3000);
        int nodes = intArg(args, "--nodes", 50);
        long maxSeconds = intArg(args, "--max-seconds", 300);
        String etcd = arg(args, "--etcd", null);
        Path dir = Files.createTempDirectory("skiff-bench");
        Storage storage = StorageFactory.open(etcd == null ? StorageOptions.sqlite(dir) : StorageOptions.etcd(etcd));
        ApiServerConfig apiConfig = ApiServerConfig.defaults(storage).withPort(0).withBindAddress("127.0.0.1");
        if (etcd != null) {
            apiConfig = apiConfig.withRegistryRoot("/skiff-bench-" + System.nanoTime() + "/registry");
        }
        try (ApiServer api = ApiServer.builder(apiConfig).build().start();
                SkiffClient client = new SkiffClient(ClientConfig.forServer(api.url().toString()));
                HollowNodes hollow = new HollowNodes(client, nodes, 32, "bench-sched")) {
            System.out.printf(Locale.ROOT, "apiserver on %s (%s), %d hollow nodes%n", api.url(),
                    etcd == null ? "SQLite " + dir : "etcd " + etcd, nodes);
            double[] limit = limit(client, pods);
            double schedulerRate = schedulerOnly(api.url().toString(), client, pods, maxSeconds);
            Result r = run(api.url().toString(), client, pods, maxSeconds);
            System.out.println();
            System.out.printf(Locale.ROOT, "| what | %d pods |%n|---|---:|%n", pods);
            System.out.printf(Locale.ROOT, "| limit: direct pod creates (64 in flight) | %.0f/s |%n", limit[0]);
            System.out.printf(Locale.ROOT, "| limit: direct bindings (64 in flight) | %.0f/s |%n", limit[1]);
            System.out.printf(Locale.ROOT, "| RC: all created | %.1f s |%n", r.created);
            System.out.printf(Locale.ROOT, "| RC: all bound | %.1f s |%n", r.bound);
            System.out.printf(Locale.ROOT, "| RC: all Running and Ready | %.1f s |%n", r.running);
            System.out.printf(Locale.ROOT, "| RC: bindings/s while the RC ramps (first to last) | %.0f/s |%n",
                    r.bindRate);
            System.out.printf(Locale.ROOT, "| scheduler alone: %d pending pods bound | %.0f/s (%.0f%% of the limit) |%n",
                    pods, schedulerRate, 100 * schedulerRate / limit[1]);
        } finally {
            storage.close();
        }
        System.exit(0);
    }

    record Result(double created, double bound, double running, double bindRate) {}

    /** Creates and binds {@code n} pods directly (to a node no kubelet runs): the apiserver's own rate. */
    static double[] limit(SkiffClient client, int n) throws Exception {
        String ns = namespace(client, "bench-limit");
        long t0 = System.nanoTime();
        parallel(n, 64, i -> client.pods(ns).create(pod(ns, "limit-" + i)));
        double creates = n / seconds(t0);
        long t1 = System.nanoTime();
        parallel(n, 64, i -> client.pods(ns).bind("limit-" + i, "limit-node-without-kubelet"));
        double binds = n / seconds(t1);
        return new double[] {creates, binds};
    }

    /**
     * {@code n} pending pods created first, then a scheduler started: its rate from start to the
     * last binding (with its Scheduled events; the hollow kubelets leave these pods alone).
     */
    static double schedulerOnly(String server, SkiffClient client, int n, long maxSeconds) throws Exception {
        String ns = namespace(client, "bench-sched");
        parallel(n, 64, i -> client.pods(ns).create(pod(ns, "pending-" + i)));
        ControllerManagerConfig config = ControllerManagerConfig.defaults(ClientConfig.forServer(server))
                .withLeaderElection(null).withPort("127.0.0.1", -1).withControllers(Set.of("scheduler"));
        try (ControllerManager manager = new ControllerManager(config).start()) {
            long t0 = System.nanoTime();
            long deadline = t0 + maxSeconds * 1_000_000_000L;
            long bound = 0;
            while (System.nanoTime() < deadline) {
                bound = manager.metrics().render().lines()
                        .filter(l -> l.startsWith("skiff_scheduler_bindings_total "))
                        .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(0);
                if (bound >= n) {
                    break;
                }
                Thread.sleep(20);
            }
            double rate = bound / seconds(t0);
            System.out.printf(Locale.ROOT, "scheduler alone: %d bound in %.1f s (informer sync included)%n", bound,
                    seconds(t0));
            return rate;
        }
    }

    static Result run(String server, SkiffClient client, int n, long maxSeconds) throws Exception {
        String ns = namespace(client, "bench");
        Set<String> created = ConcurrentHashMap.newKeySet();
        Set<String> bound = ConcurrentHashMap.newKeySet();
        Set<String> running = ConcurrentHashMap.newKeySet();
        long[] firstBind = {0};
        long[] lastBind = {0};
        long[] done = new long[3];
        SharedInformer<Pod> watch = new SharedInformer<>("bench-pods",
                ListerWatcher.of(client.pods(ns), ListOptions.NONE), Duration.ZERO);
        long t0 = System.nanoTime();
        watch.addEventHandler(ResourceEventHandler.onAnyChange(p -> {
            String k = Indexer.keyOf(p);
            long now = System.nanoTime();
            if (created.add(k) && created.size() == n) {
                done[0] = now;
            }
            if (p.spec().nodeName() != null && bound.add(k)) {
                firstBind[0] = firstBind[0] == 0 ? now : firstBind[0];
                lastBind[0] = now;
                if (bound.size() == n) {
                    done[1] = now;
                }
            }
            if (p.status() != null && PodStatus.PHASE_RUNNING.equals(p.status().phase()) && running.add(k)
                    && running.size() == n) {
                done[2] = now;
            }
        }));
        watch.start();
        watch.waitForSync(Duration.ofSeconds(30));
        ControllerManagerConfig config = ControllerManagerConfig.defaults(ClientConfig.forServer(server))
                .withLeaderElection(null).withPort("127.0.0.1", -1)
                .withControllers(Set.of("replication", "scheduler"));
        try (ControllerManager manager = new ControllerManager(config).start()) {
            t0 = System.nanoTime();
            client.replicationControllers(ns).create(rc(ns, n));
            long deadline = t0 + maxSeconds * 1_000_000_000L;
            while (running.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                System.out.printf(Locale.ROOT, "%5.1f s: %d created, %d bound, %d running%n", seconds(t0),
                        created.size(), bound.size(), running.size());
            }
        } finally {
            watch.stop();
        }
        if (running.size() < n) {
            throw new IllegalStateException("only " + running.size() + " of " + n + " pods Running after "
                    + maxSeconds + " s");
        }
        return new Result((done[0] - t0) / 1e9, (done[1] - t0) / 1e9, (done[2] - t0) / 1e9,
                n / ((lastBind[0] - firstBind[0]) / 1e9));
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    private static void parallel(int n, int concurrency, Call call) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        List<Future<?>> fs = new ArrayList<>(n);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                slots.acquire();
                fs.add(pool.submit(() -> {
                    try {
                        call.run(index);
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
    }

    private static String namespace(SkiffClient client, String name) {
        client.namespaces().create(new Namespace(ObjectMeta.named(name), null, null));
        return name;
    }

    private static Pod pod(String ns, String name) {
        return new Pod(ObjectMeta.of(ns, name).withLabels(Map.of("app", "limit")),
                PodSpec.of(List.of(Container.of("c", "busybox:latest"))), null);
    }

    private static ReplicationController rc(String ns, int replicas) {
        Map<String, String> labels = Map.of("app", "bench");
        return new ReplicationController(ObjectMeta.of(ns, "bench"), new ReplicationControllerSpec(replicas, null,
                labels, new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(labels),
                        PodSpec.of(List.of(Container.of("c", "busybox:latest"))))), null);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String arg(String[] args, String name, String def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }

    private static int intArg(String[] args, String name, int def) {
        String v = arg(args, name, null);
        return v == null ? def : Integer.parseInt(v);
    }
}
