package io.skiff.bench.storage;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.WatchOption;
import io.skiff.bench.support.ConcurrentLoad;
import io.skiff.bench.support.LocalEtcd;
import io.skiff.bench.support.RawEtcdCreate;
import io.skiff.bench.support.Stats;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageOptions;
import io.skiff.storage.WatchEvent;
import io.skiff.storage.WatchListener;
import io.skiff.storage.etcd.EtcdClients;
import io.skiff.storage.etcd.EtcdStorage;
import io.skiff.storage.sqlite.SqliteStorage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Storage throughput and watch latency, each backend beside the physical limit measured in the
 * same run: raw jetcd puts against the same etcd. Writes are creates of 1 KiB values from 16
 * concurrent callers, each waiting for its write as the apiserver does; rounds alternate between
 * raw jetcd and EtcdStorage so that drift in a shared machine hits both alike, and the table shows
 * the median round. Watch latency is from the start of a write to its event reaching a listener.
 * Every loop is bounded in count and time. Without {@code --etcd} the bench starts an etcd of its
 * own ({@code etcd} on PATH, loopback, temp data directory, killed at the end).
 *
 * <pre>java ... io.skiff.bench.storage.StorageBench [--etcd http://127.0.0.1:2379] [--writes 3000]
 *     [--rounds 6] [--callers 16] [--watch-events 500] [--max-seconds 60]</pre>
 */
public final class StorageBench {
    private static final int VALUE_SIZE = 1024;

    private final String etcd;
    private final int writes;
    private final int rounds;
    private final int callers;
    private final int watchEvents;
    private final Duration maxPhase;
    private final byte[] value = new byte[VALUE_SIZE];
    private final String runPrefix = "/skiff-bench/" + UUID.randomUUID() + "/";

    private StorageBench(Map<String, String> args, String etcd) {
        this.etcd = etcd;
        writes = Integer.parseInt(args.getOrDefault("writes", "3000"));
        rounds = Integer.parseInt(args.getOrDefault("rounds", "6"));
        callers = Integer.parseInt(args.getOrDefault("callers", "16"));
        watchEvents = Integer.parseInt(args.getOrDefault("watch-events", "500"));
        maxPhase = Duration.ofSeconds(Long.parseLong(args.getOrDefault("max-seconds", "60")));
        Arrays.fill(value, (byte) 'x');
    }

    /** A write under test: one call that returns once the store acknowledged it. */
    private interface Writer {
        void write(String key) throws Exception;
    }

    private record Throughput(int done, double seconds) {
        double perSecond() {
            return done / seconds;
        }
    }

    private record Latency(double p50Millis, double p99Millis, int events) {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new java.util.HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        if (args.containsKey("etcd")) {
            new StorageBench(args, args.get("etcd")).run();
        } else {
            try (LocalEtcd etcd = LocalEtcd.start()) {
                new StorageBench(args, etcd.url()).run();
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("storage bench: etcd %s, %d creates of %d B per round, %d callers, %d rounds%n",
                etcd, writes, VALUE_SIZE, callers, rounds);
        Path dataDir = Files.createTempDirectory("skiff-bench-sqlite-");
        StorageOptions etcdOptions = StorageOptions.etcd(etcd).withCompactionRetention(Duration.ZERO);
        try (Client raw = EtcdClients.builder().endpoints(etcdOptions.etcdServers().stream().map(Object::toString)
                .toArray(String[]::new)).build();
             Storage etcdStorage = EtcdStorage.open(etcdOptions);
             Storage sqlite = SqliteStorage.open(StorageOptions.sqlite(dataDir).withCompactionRetention(Duration.ZERO))) {
            // warm up connections and JIT on both etcd paths
            // warm up connections, the JIT and etcd's WAL on both etcd paths
            throughput("warmup-raw", rawPut(raw), writes);
            throughput("warmup-storage", key -> etcdStorage.create(key, value), writes);

            List<Throughput> rawRounds = new ArrayList<>();
            List<Throughput> txnRounds = new ArrayList<>();
            List<Throughput> etcdRounds = new ArrayList<>();
            List<Throughput> sqliteRounds = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                // ABBA order: a store that speeds up or slows down over the run favours neither side
                if (r % 2 == 0) {
                    rawRounds.add(throughput("raw-" + r, rawPut(raw), writes));
                    txnRounds.add(throughput("txn-" + r, rawCreateTxn(raw), writes));
                    etcdRounds.add(throughput("etcd-" + r, key -> etcdStorage.create(key, value), writes));
                } else {
                    etcdRounds.add(throughput("etcd-" + r, key -> etcdStorage.create(key, value), writes));
                    txnRounds.add(throughput("txn-" + r, rawCreateTxn(raw), writes));
                    rawRounds.add(throughput("raw-" + r, rawPut(raw), writes));
                }
                sqliteRounds.add(throughput("sqlite-" + r, key -> sqlite.create(key, value), writes));
                ratios.add(etcdRounds.getLast().perSecond() / rawRounds.getLast().perSecond());
                System.out.printf("  round %d: raw jetcd put %.0f/s, raw jetcd create-txn %.0f/s, EtcdStorage create"
                        + " %.0f/s (%.0f%% of put), SqliteStorage create %.0f/s%n", r + 1,
                        rawRounds.getLast().perSecond(), txnRounds.getLast().perSecond(),
                        etcdRounds.getLast().perSecond(), 100 * ratios.getLast(), sqliteRounds.getLast().perSecond());
            }
            Latency rawLatency = rawWatchLatency(raw);
            Latency etcdLatency = storageWatchLatency(etcdStorage, "etcd");
            Latency sqliteLatency = storageWatchLatency(sqlite, "sqlite");

            double rawMedian = median(rawRounds);
            double etcdMedian = median(etcdRounds);
            double sqliteMedian = median(sqliteRounds);
            System.out.println();
            System.out.println("| backend | creates/s (1 KiB, " + callers + " callers, median of " + rounds
                    + ") | vs raw jetcd put | watch latency p50 | p99 |");
            System.out.println("|---|---:|---:|---:|---:|");
            row("raw jetcd put (limit)", rawMedian, rawMedian, rawLatency);
            System.out.printf("| raw jetcd txn create-if-absent (same etcd op as EtcdStorage) | %.0f | %.0f%% | - | - |%n",
                    median(txnRounds), 100 * median(txnRounds) / rawMedian);
            row("EtcdStorage create", etcdMedian, rawMedian, etcdLatency);
            row("SqliteStorage create (WAL, synchronous=FULL)", sqliteMedian, 0, sqliteLatency);
            System.out.printf("%nEtcdStorage reaches %.0f%% of raw jetcd puts/s (median of the rounds' ratios;"
                    + " target >= 90%%)%n", 100 * Stats.median(ratios));
        } finally {
            try (Client raw = EtcdClients.builder().endpoints(StorageOptions.etcd(etcd).etcdServers().stream()
                    .map(Object::toString).toArray(String[]::new)).build()) {
                ByteSequence prefix = ByteSequence.from(runPrefix, StandardCharsets.UTF_8);
                raw.getKVClient().delete(prefix, DeleteOption.builder().isPrefix(true).build()).get(30, TimeUnit.SECONDS);
            }
            LocalEtcd.deleteTree(dataDir);
        }
    }

    private Writer rawPut(Client raw) {
        return key -> raw.getKVClient().put(ByteSequence.from(key, StandardCharsets.UTF_8), ByteSequence.from(value))
                .get(10, TimeUnit.SECONDS);
    }

    /** The transaction EtcdStorage.create sends, issued with raw jetcd: what the wrapper costs shows beside it. */
    private Writer rawCreateTxn(Client raw) {
        return key -> RawEtcdCreate.createIfAbsent(raw, ByteSequence.from(key, StandardCharsets.UTF_8),
                ByteSequence.from(value)).get(10, TimeUnit.SECONDS);
    }

    private static void row(String name, double perSecond, double raw, Latency latency) {
        System.out.printf("| %s | %.0f | %s | %.2f ms | %.2f ms |%n", name, perSecond,
                raw > 0 ? String.format("%.0f%%", 100 * perSecond / raw) : "-", latency.p50Millis, latency.p99Millis);
    }

    private static double median(List<Throughput> rounds) {
        return Stats.median(rounds.stream().map(Throughput::perSecond).toList());
    }

    /** {@code count} writes of distinct keys by {@code callers} threads; stops early at the time bound. */
    private Throughput throughput(String phase, Writer writer, int count) throws Exception {
        ConcurrentLoad.Throughput t = ConcurrentLoad.run(callers, count, maxPhase,
                i -> writer.write(runPrefix + phase + "/" + i));
        return new Throughput(t.done(), t.seconds());
    }

    private Latency storageWatchLatency(Storage storage, String name) throws Exception {
        String prefix = runPrefix + "watch-" + name + "/";
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>();
        CountDownLatch received = new CountDownLatch(watchEvents);
        try (var ignored = storage.watch(prefix, 0, new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events) {
                long now = System.nanoTime();
                for (WatchEvent e : events) {
                    synchronized (latencies) {
                        latencies.add(now - sentAt.get(e.key()));
                    }
                    received.countDown();
                }
            }

            @Override
            public void onError(io.skiff.storage.StorageException error) {
                System.err.println("watch failed: " + error);
            }
        })) {
            for (int i = 0; i < watchEvents; i++) {
                String key = prefix + i;
                sentAt.put(key, System.nanoTime());
                storage.create(key, value);
            }
            received.await(maxPhase.toSeconds(), TimeUnit.SECONDS);
        }
        return latency(latencies);
    }

    private Latency rawWatchLatency(Client raw) throws Exception {
        String prefix = runPrefix + "watch-raw/";
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>();
        CountDownLatch received = new CountDownLatch(watchEvents);
        ByteSequence key = ByteSequence.from(prefix, StandardCharsets.UTF_8);
        try (var ignored = raw.getWatchClient().watch(key, WatchOption.builder().isPrefix(true).withPrevKV(true).build(),
                response -> {
                    long now = System.nanoTime();
                    response.getEvents().forEach(e -> {
                        synchronized (latencies) {
                            latencies.add(now - sentAt.get(e.getKeyValue().getKey().toString(StandardCharsets.UTF_8)));
                        }
                        received.countDown();
                    });
                })) {
            Thread.sleep(500); // the watch is created asynchronously
            Writer put = rawPut(raw);
            for (int i = 0; i < watchEvents; i++) {
                String k = prefix + i;
                sentAt.put(k, System.nanoTime());
                put.write(k);
            }
            received.await(maxPhase.toSeconds(), TimeUnit.SECONDS);
        }
        return latency(latencies);
    }

    private static Latency latency(List<Long> nanos) {
        long[] sorted;
        synchronized (nanos) {
            sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        if (sorted.length == 0) {
            return new Latency(Double.NaN, Double.NaN, 0);
        }
        return new Latency(sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1,
                Math.ceil(sorted.length * 0.99) - 1)] / 1e6, sorted.length);
    }
}
