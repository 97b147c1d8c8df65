package io.skiff.bench.apiserver;

import static io.skiff.bench.support.Stats.median;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.WatchOption;
import io.skiff.bench.support.ConcurrentLoad;
import io.skiff.bench.support.ConcurrentLoad.Throughput;
import io.skiff.bench.support.KeepAliveHttp;
import io.skiff.bench.support.LocalEtcd;
import io.skiff.bench.support.ProcessCpu;
import io.skiff.bench.support.RawEtcdCreate;
import io.skiff.storage.etcd.EtcdClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The apiserver on etcd, each figure beside its limit in the same run:
 * <ol>
 * <li>pod creates/s through REST (16 clients on keep-alive HTTP/1.1 connections, {@link KeepAliveHttp},
 *     ~1 KiB pods, each client waiting for its answer)
 *     against raw jetcd puts/s of the same payloads from the same number of callers, in
 *     alternating (ABBA) rounds; the ratio is the median of the rounds' ratios (target &gt;= 0.6);</li>
 * <li>beside them, in the same rounds, the etcd work a create cannot do without, issued by raw jetcd:
 *     the create-if-absent transaction the apiserver sends, with a prefix watch (prevKV) open as the
 *     apiserver's watch cache keeps one. REST against it is the apiserver's own overhead; this
 *     against raw puts is what Kubernetes' create semantics cost in etcd alone;</li>
 * <li>the apiserver's RSS with 10,000 pods stored (after loading; and after the watch phase and a full GC);</li>
 * <li>watch delivery latency with 1,000 chunked-HTTP watchers (plain sockets read by two selector
 *     threads, {@link WatchStreams}): from the start of a pod create to
 *     the line reaching each watcher, p50 and p99 over every (event, watcher) after a warm-up of 30
 *     events (target p99 &lt;= 100 ms).</li>
 * </ol>
 * The apiserver runs in a JVM of its own ({@link ApiServerProcess}, default JVM flags); the clients
 * and raw jetcd here (built as the apiserver builds its client, {@link EtcdClients}). Without
 * {@code --etcd} the bench starts an etcd of its own; with it, everything lives under a fresh key
 * prefix, deleted at the end. Every loop is bounded in count and time.
 *
 * <pre>java ... io.skiff.bench.apiserver.ApiServerBench [--etcd URL [--etcd-pid PID]] [--creates 2000] [--warmup 24000] [--rounds 4]
 *     [--clients 16] [--pods 10000] [--watchers 1000] [--watch-events 200] [--watch-warmup 30] [--watch-interval-ms 50]
 *     [--max-seconds 120] [--server-jvm "-Xmx512m ..."]</pre>
 */
public final class ApiServerBench {
    private static final int POD_BYTES = 1024;

    private final int creates;
    private final int warmup;
    private final int rounds;
    private final int clients;
    private final int pods;
    private final int watchers;
    private final int watchEvents;
    private final int watchWarmup;
    private final long watchIntervalMillis;
    private final Duration maxPhase;
    private final List<String> serverJvmOptions;
    private final String prefix = "/skiff-bench-" + UUID.randomUUID();
    private URI api;
    /** The creating clients' connections (lean keep-alive HTTP/1.1, as wrk's). */
    private KeepAliveHttp clientsHttp;
    private long serverPid;
    private int created;
    private long etcdPid;
    /** CPU time of each process (bench clients, etcd, apiserver) in the measured rounds, and the writes they made. */
    private final double[] rawCpu = new double[3];
    private final double[] txnCpu = new double[3];
    private final double[] restCpu = new double[3];
    private int rawMeasured;
    private int txnMeasured;
    private int restMeasured;

    private ApiServerBench(Map<String, String> args) {
        creates = Integer.parseInt(args.getOrDefault("creates", "2000"));
        warmup = Integer.parseInt(args.getOrDefault("warmup", "24000"));
        rounds = Integer.parseInt(args.getOrDefault("rounds", "4"));
        clients = Integer.parseInt(args.getOrDefault("clients", "16"));
        pods = Integer.parseInt(args.getOrDefault("pods", "10000"));
        watchers = Integer.parseInt(args.getOrDefault("watchers", "1000"));
        watchEvents = Integer.parseInt(args.getOrDefault("watch-events", "200"));
        watchWarmup = Integer.parseInt(args.getOrDefault("watch-warmup", "30"));
        watchIntervalMillis = Long.parseLong(args.getOrDefault("watch-interval-ms", "50"));
        maxPhase = Duration.ofSeconds(Long.parseLong(args.getOrDefault("max-seconds", "120")));
        String jvm = args.getOrDefault("server-jvm", "").trim();
        serverJvmOptions = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        ApiServerBench bench = new ApiServerBench(args);
        if (args.containsKey("etcd")) {
            bench.etcdPid = Long.parseLong(args.getOrDefault("etcd-pid", "0"));
            bench.run(args.get("etcd"));
        } else {
            try (LocalEtcd etcd = LocalEtcd.start()) {
                bench.etcdPid = etcd.pid();
                bench.run(etcd.url());
            }
        }
        System.exit(0);
    }

    /** A v1 pod of exactly {@link #POD_BYTES} bytes (an annotation pads it). */
    static byte[] pod(String name) {
        String head = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name
                + "\",\"labels\":{\"app\":\"bench\",\"tier\":\"web\"},\"annotations\":{\"pad\":\"";
        String tail = "\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"busybox:latest\","
                + "\"command\":[\"sleep\",\"3600\"],\"ports\":[{\"containerPort\":8080}],\"env\":[{\"name\":\"MODE\","
                + "\"value\":\"bench\"}],\"resources\":{\"limits\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}}]}}";
        return (head + "x".repeat(Math.max(0, POD_BYTES - head.length() - tail.length())) + tail)
                .getBytes(StandardCharsets.UTF_8);
    }

    private void run(String etcd) throws Exception {
        System.out.printf("apiserver bench: etcd %s, %d clients, %d creates of %d B per round, %d rounds, %d pods"
                + " for RSS, %d watchers x %d events%n", etcd, clients, creates, POD_BYTES, rounds, pods, watchers,
                watchEvents);
        Path log = Files.createTempFile("skiff-bench-apiserver-", ".log");
        Process server = startServer(etcd, log);
        serverPid = server.pid();
        try (Client raw = EtcdClients.builder().endpoints(etcd).build()) {
            createNamespace("bench");
            createNamespace("watch");
            createNamespace("warmup");
            long rssEmpty = rssKiB(server.pid());

            // Warm-up: connections, etcd's WAL, and above all the apiserver's JIT, which on a busy
            // 2-core machine compiles for tens of seconds (C2 was the largest CPU user of a short run;
            // after 6,000 creates it still took a quarter of the apiserver's CPU in the measured rounds,
            // whose rates rose round after round). A long-running server runs warm: measure that.
            // Its pods go in a namespace of their own and are deleted one by one (warming the delete
            // path too) before the measured rounds.
            // The raw paths get as long a warm-up as REST: with half of it, the raw jetcd client in
            // this JVM was still compiling in the measured rounds and cost 0.25-0.34 ms of CPU per
            // put instead of 0.12-0.22, which flattered the ratio.
            rawPuts(raw, "warmup", warmup);
            rawCreates(raw, "warmup", warmup);
            restCreates("warmup", warmup);
            restDeletes("warmup", warmup);

            List<Double> rawRates = new ArrayList<>();
            List<Double> txnRates = new ArrayList<>();
            List<Double> restRates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> txnRatios = new ArrayList<>();
            List<Double> overTxn = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Throughput a;
                Throughput t;
                Throughput b;
                if (r % 2 == 0) {
                    a = rawPuts(raw, "raw-" + r, creates);
                    t = rawCreates(raw, "txn-" + r, creates);
                    b = restCreates("rest-" + r, creates);
                } else {
                    b = restCreates("rest-" + r, creates);
                    t = rawCreates(raw, "txn-" + r, creates);
                    a = rawPuts(raw, "raw-" + r, creates);
                }
                rawMeasured += a.done();
                txnMeasured += t.done();
                restMeasured += b.done();
                rawRates.add(a.perSecond());
                txnRates.add(t.perSecond());
                restRates.add(b.perSecond());
                ratios.add(b.perSecond() / a.perSecond());
                txnRatios.add(t.perSecond() / a.perSecond());
                overTxn.add(b.perSecond() / t.perSecond());
                System.out.printf("  round %d: raw jetcd put %.0f/s, raw create txn %.0f/s, REST pod create %.0f/s (%.2f)%n",
                        r + 1, a.perSecond(), t.perSecond(), b.perSecond(), ratios.getLast());
            }

            if (created < pods) {
                restCreates("fill", pods - created);
            }
            long rssLoaded = rssKiB(server.pid());

            // The watch phase runs before the full GC of the RSS figure: a forced full GC shrinks
            // G1's heap to what is live, and the young and remark pauses of the heap growing back
            // (up to 46 ms) would be measured as watch latency, which no server left alone has.
            WatchSamples samples = watchLatency();
            long[] latencies = samples.all();
            long[] firsts = samples.first();
            double[] cpuBefore = samples.cpuBefore();
            double[] cpuAfter = samples.cpuAfter();
            fullGc(server.pid());
            long rssAfterGc = rssKiB(server.pid());
            System.out.printf("  RSS: %d MiB empty, %d MiB with %d pods stored, %d MiB after a full GC%n",
                    rssEmpty / 1024, rssLoaded / 1024, created, rssAfterGc / 1024);
            double watchCpu = cpuAfter[2] - cpuBefore[2];
            double readersCpu = cpuAfter[0] - cpuBefore[0];
            Arrays.sort(latencies);
            Arrays.sort(firsts);

            System.out.println();
            System.out.println("| what | figure | limit in the same run | ratio |");
            System.out.println("|---|---:|---:|---:|");
            System.out.printf("| pod creates/s through REST (%d clients, %d B pods, median of %d) | %.0f | raw jetcd put %.0f/s"
                    + " | **%.2f** (median of rounds; target >= 0.6) |%n", clients, POD_BYTES, rounds, median(restRates),
                    median(rawRates), median(ratios));
            System.out.printf("| raw jetcd create txns/s, prefix watch open (the etcd work of a create, no apiserver) | %.0f |"
                    + " raw jetcd put %.0f/s | %.2f |%n", median(txnRates), median(rawRates), median(txnRatios));
            System.out.printf("| pod creates/s through REST against that create txn (the apiserver's own overhead) | %.0f |"
                    + " raw create txn %.0f/s | %.2f |%n", median(restRates), median(txnRates), median(overTxn));
            System.out.printf("| watch delivery latency, %d watchers x %d events %d ms apart (%d deliveries) | p50 %.1f ms,"
                    + " **p99 %.1f ms** | - | target p99 <= 100 ms |%n", watchers, watchEvents, watchIntervalMillis,
                    latencies.length,
                    ConcurrentLoad.quantileMillis(latencies, 0.50), ConcurrentLoad.quantileMillis(latencies, 0.99));
            System.out.printf("| of which each event's first delivery (the create, etcd and the watch cache, no fan-out) |"
                    + " p50 %.1f ms, p99 %.1f ms, max %.1f ms | - | - |%n", ConcurrentLoad.quantileMillis(firsts, 0.50),
                    ConcurrentLoad.quantileMillis(firsts, 0.99), firsts.length == 0 ? 0 : firsts[firsts.length - 1] / 1e6);
            System.out.printf("| CPU per watch delivery (the watch phase's CPU / deliveries): apiserver, the bench's readers"
                    + " | %.1f µs, %.1f µs | - | - |%n", 1e6 * watchCpu / Math.max(1, latencies.length),
                    1e6 * readersCpu / Math.max(1, latencies.length));
            System.out.printf("| CPU per REST pod create (user+system, measured rounds): apiserver, etcd, clients | %.2f ms,"
                    + " %.2f ms, %.2f ms | raw put: etcd %.2f ms, client %.2f ms; raw create txn: etcd %.2f ms,"
                    + " client %.2f ms | - |%n",
                    perOp(restCpu[2], restMeasured), perOp(restCpu[1], restMeasured), perOp(restCpu[0], restMeasured),
                    perOp(rawCpu[1], rawMeasured), perOp(rawCpu[0], rawMeasured),
                    perOp(txnCpu[1], txnMeasured), perOp(txnCpu[0], txnMeasured));
            System.out.printf("| apiserver RSS with %d pods stored | %d MiB (%d MiB after full GC; %d MiB empty) | - | - |%n",
                    created, rssLoaded / 1024, rssAfterGc / 1024, rssEmpty / 1024);
        } finally {
            if (clientsHttp != null) {
                clientsHttp.close();
            }
            server.getOutputStream().close(); // its stdin: the server stops
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (Client raw = EtcdClients.builder().endpoints(etcd).build()) {
                raw.getKVClient().delete(ByteSequence.from(prefix + "/", StandardCharsets.UTF_8),
                        DeleteOption.builder().isPrefix(true).build()).get(60, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }

    private Process startServer(String etcd, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(serverJvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ApiServerProcess.class.getName(), etcd,
                prefix + "/registry"));
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                // JVM options may print first (a flight recording says where it writes)
                for (String l; (l = out.readLine()) != null; ) {
                    if (l.startsWith("LISTENING ")) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = line.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            first = null;
        }
        if (first == null || !first.startsWith("LISTENING ")) {
            p.destroyForcibly();
            throw new IllegalStateException("the apiserver did not start; its log: " + Files.readString(log));
        }
        api = URI.create(first.substring("LISTENING ".length()));
        clientsHttp = new KeepAliveHttp(api.getHost(), api.getPort());
        return p;
    }

    private void createNamespace(String name) throws Exception {
        KeepAliveHttp.Response r = post("/api/v1/namespaces", ("{\"metadata\":{\"name\":\"" + name + "\"}}")
                .getBytes(StandardCharsets.UTF_8));
        if (r.status() != 201) {
            throw new IllegalStateException("cannot create namespace " + name + ": " + r.text());
        }
    }

    private Throughput rawPuts(Client raw, String phase, int count) throws Exception {
        double[] before = cpuNow();
        Throughput t = ConcurrentLoad.run(clients, count, maxPhase, i -> raw.getKVClient().put(
                ByteSequence.from(prefix + "/raw/" + phase + "/" + i, StandardCharsets.UTF_8),
                ByteSequence.from(pod(phase + "-" + i))).get(10, TimeUnit.SECONDS));
        if (phase.startsWith("raw-")) {
            addCpuSince(before, rawCpu);
        }
        return t;
    }

    /**
     * Creates as EtcdStorage.create issues them ({@link RawEtcdCreate}), with a prefix watch asking for previous values open meanwhile, as the apiserver's
     * watch cache has one on every resource: etcd sends each write to it.
     */
    private Throughput rawCreates(Client raw, String phase, int count) throws Exception {
        String keys = prefix + "/txn/" + phase + "/";
        AtomicLong events = new AtomicLong();
        try (Watch.Watcher watch = raw.getWatchClient().watch(ByteSequence.from(keys, StandardCharsets.UTF_8),
                WatchOption.builder().isPrefix(true).withPrevKV(true).build(),
                response -> events.addAndGet(response.getEvents().size()))) {
            double[] before = cpuNow();
            Throughput t = ConcurrentLoad.run(clients, count, maxPhase, i -> {
                ByteSequence k = ByteSequence.from(keys + i, StandardCharsets.UTF_8);
                boolean created = RawEtcdCreate.createIfAbsent(raw, k, ByteSequence.from(pod(phase + "-" + i)))
                        .get(10, TimeUnit.SECONDS).isSucceeded();
                if (!created) {
                    throw new IllegalStateException("raw create " + k + ": the key exists");
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.get() < t.done() && System.nanoTime() < deadline) {
                Thread.sleep(1); // the watch's events are part of the work measured
            }
            if (events.get() < t.done()) {
                throw new IllegalStateException("the prefix watch saw " + events.get() + " of " + t.done() + " creates");
            }
            if (phase.startsWith("txn-")) {
                addCpuSince(before, txnCpu);
            }
            return t;
        }
    }

    /** CPU seconds so far of this JVM (the clients), etcd (0 when its pid is unknown) and the apiserver. */
    private double[] cpuNow() throws IOException {
        return new double[] {ProcessCpu.seconds(ProcessHandle.current().pid()), ProcessCpu.seconds(etcdPid),
            ProcessCpu.seconds(serverPid)};
    }

    private void addCpuSince(double[] before, double[] sums) throws IOException {
        double[] now = cpuNow();
        for (int i = 0; i < sums.length; i++) {
            sums[i] += now[i] - before[i];
        }
    }

    private static double perOp(double cpuSeconds, int ops) {
        return 1000 * cpuSeconds / Math.max(1, ops);
    }

    private Throughput restCreates(String phase, int count) throws Exception {
        double[] before = cpuNow();
        String namespace = phase.equals("warmup") ? "warmup" : "bench";
        Throughput t = ConcurrentLoad.run(clients, count, maxPhase, i -> {
            KeepAliveHttp.Response r = post("/api/v1/namespaces/" + namespace + "/pods", pod(phase + "-" + i));
            if (r.status() != 201) {
                throw new IllegalStateException("create " + phase + "-" + i + ": " + r.status() + " " + r.text());
            }
        });
        created += namespace.equals("bench") ? t.done() : 0;
        if (phase.startsWith("rest-")) {
            addCpuSince(before, restCpu);
        }
        return t;
    }

    /** Deletes the pods {@code phase-0 .. phase-(count-1)} of the warm-up namespace, 16 clients at once. */
    private void restDeletes(String phase, int count) throws Exception {
        byte[] now = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0}"
                .getBytes(StandardCharsets.UTF_8);
        ConcurrentLoad.run(clients, count, maxPhase.multipliedBy(2), i -> {
            KeepAliveHttp.Response r = clientsHttp.send("DELETE", "/api/v1/namespaces/warmup/pods/" + phase + "-" + i,
                    "application/json", now);
            if (r.status() != 200 && r.status() != 404) {
                throw new IllegalStateException("delete " + phase + "-" + i + ": " + r.status() + " " + r.text());
            }
        });
    }

    private KeepAliveHttp.Response post(String path, byte[] body) throws Exception {
        return clientsHttp.post(path, "application/json", body);
    }

    /** Selector threads reading the watch streams: one per core, as wrk's default. */
    private static final int READER_THREADS = 2;

    /**
     * Opens the watchers — each a plain socket with a chunked HTTP/1.1 stream, all read by
     * {@link #READER_THREADS} selector threads ({@link WatchStreams}: until 2026-11-28 a virtual
     * thread each, which cost the readers as much CPU per delivery as the apiserver) — then creates
     * {@code watchEvents} pods one after another, {@code watchIntervalMillis} apart; every event
     * line a watcher reads is timed against the start of its pod's create.
     */
    private WatchSamples watchLatency() throws Exception {
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        long[][] perWatcher = new long[watchers][watchEvents];
        AtomicIntegerArray counts = new AtomicIntegerArray(watchers);
        AtomicLong unknown = new AtomicLong();
        String request = "GET /api/v1/namespaces/watch/pods?watch=true&timeoutSeconds=" + (maxPhase.toSeconds() * 3)
                + " HTTP/1.1\r\nHost: " + api.getHost() + "\r\nAccept: application/json\r\n\r\n";
        WatchStreams streams = WatchStreams.open(new InetSocketAddress(api.getHost(), api.getPort()), request, watchers,
                READER_THREADS, (w, name, now) -> {
                    if (name.startsWith("warm-")) {
                        return;
                    }
                    Long start = startedAt.get(name);
                    if (start == null || counts.get(w) >= watchEvents) {
                        unknown.incrementAndGet();
                        return;
                    }
                    perWatcher[w][counts.get(w)] = now - start;
                    counts.incrementAndGet(w); // publishes the sample to the main thread
                });
        System.out.printf("  %d watchers open%n", watchers);
        // A warm-up first, as for the creates: the watch path (the senders, Jetty's non-blocking
        // writes) runs only here, and cold, the first five events took 100-290 ms to reach the last
        // of 1,000 watchers against 16-58 ms for the later ones. A long-running server is warm.
        for (int e = 0; e < watchWarmup; e++) {
            createWatched("warm-" + e, startedAt);
        }
        double[] cpuBefore = cpuNow();
        for (int e = 0; e < watchEvents; e++) {
            createWatched("w-" + e, startedAt);
        }
        long deadline = System.nanoTime() + maxPhase.toNanos();
        while (System.nanoTime() < deadline && received(counts) < watchers * watchEvents) {
            Thread.sleep(100);
        }
        double[] cpuAfter = cpuNow();
        streams.close();
        // The server notices a closed watch only when it writes to it: two more events end them
        // all, so the RSS after the full GC below is not that of 1,000 dead watchers.
        for (int e = 0; e < 2; e++) {
            post("/api/v1/namespaces/watch/pods", pod("closing-" + e));
            Thread.sleep(200);
        }
        String open = clientsHttp.send("GET", "/metrics", "text/plain", new byte[0]).text().lines()
                .filter(l -> l.startsWith("apiserver_longrunning_gauge{")).map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .findFirst().orElse("?");
        if (!open.equals("0")) {
            System.out.printf("  WARNING: %s watches still open on the server after the clients closed theirs%n", open);
        }
        int received = received(counts);
        if (received < watchers * watchEvents || unknown.get() > 0) {
            System.out.printf("  WARNING: %d of %d deliveries arrived (%d unexpected lines)%n", received,
                    watchers * watchEvents, unknown.get());
        }
        long[] all = new long[received];
        int at = 0;
        for (int w = 0; w < watchers; w++) {
            System.arraycopy(perWatcher[w], 0, all, at, counts.get(w));
            at += counts.get(w);
        }
        // Each event's first delivery: the create, etcd and the cache, without the fan-out.
        long[] first = new long[watchEvents];
        Arrays.fill(first, Long.MAX_VALUE);
        for (int w = 0; w < watchers; w++) {
            for (int e = 0; e < counts.get(w); e++) {
                first[e] = Math.min(first[e], perWatcher[w][e]);
            }
        }
        return new WatchSamples(all, Arrays.stream(first).filter(v -> v != Long.MAX_VALUE).toArray(), cpuBefore,
                cpuAfter);
    }

    /** Creates the pod {@code name} in the watched namespace, noting when, then waits the interval. */
    private void createWatched(String name, Map<String, Long> startedAt) throws Exception {
        startedAt.put(name, System.nanoTime());
        KeepAliveHttp.Response r = post("/api/v1/namespaces/watch/pods", pod(name));
        if (r.status() != 201) {
            throw new IllegalStateException("create " + name + ": " + r.text());
        }
        Thread.sleep(watchIntervalMillis);
    }

    /**
     * Latencies of every delivery and of each event's first delivery (both unsorted), and the
     * processes' CPU times around the measured events.
     */
    private record WatchSamples(long[] all, long[] first, double[] cpuBefore, double[] cpuAfter) {}

    /** Deliveries so far, over every watcher. */
    private static int received(AtomicIntegerArray counts) {
        int sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** The resident set of a process, from {@code /proc/<pid>/status}. */
    private static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static void fullGc(long pid) throws Exception {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        Thread.sleep(1_000);
    }
}
