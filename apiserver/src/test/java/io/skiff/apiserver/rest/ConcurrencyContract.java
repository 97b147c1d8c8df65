package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.apiserver.testing.RawWatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Races on purpose: many writers on one object, many watchers on many writes. */
abstract class ConcurrencyContract extends RestTestSupport {

    /**
     * 32 clients each increment a counter label of one pod 5 times with GET + compare-and-swap PUT,
     * retrying on 409: the counter ends at exactly 160 — no update is lost.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void thirtyTwoClientsUpdatingOnePodLoseNoUpdate() throws Exception {
        String ns = namespace();
        String path = "/api/v1/namespaces/" + ns + "/pods/hot";
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("hot", "{\"count\":\"0\"}"));
        int clients = 32;
        int increments = 5;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String me = "client-" + c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        while (true) {
                            JsonNode pod = http.get(path).json();
                            ObjectNode labels = (ObjectNode) pod.path("metadata").path("labels");
                            labels.put("count", Integer.toString(Integer.parseInt(labels.path("count").asText()) + 1));
                            labels.put(me, Integer.toString(i + 1));
                            Response r = http.put(path, pod.toString());
                            if (r.code() == 200) {
                                break;
                            }
                            assertThat(r.code()).as(r.toString()).isEqualTo(409);
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(150, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode labels = http.get(path).json().path("metadata").path("labels");
        assertThat(labels.path("count").asText()).isEqualTo(Integer.toString(clients * increments));
        for (int c = 0; c < clients; c++) {
            assertThat(labels.path("client-" + c).asText()).isEqualTo(Integer.toString(increments));
        }
        assertThat(conflicts.get()).as("the clients did race").isPositive();
    }

    /**
     * 1,000 watchers (each its own HTTP connection) each receive every one of 1,000 writes
     * (four concurrent writers), in the same order, revisions strictly increasing: a million
     * deliveries. Its time limit allows for a CI machine shared with other jobs; it prints the
     * wall time and the CPU time this JVM spent, the figure to compare across runs. The watchers
     * read with {@link RawWatch}, a bare HTTP/1.1 reader, so that the million deliveries measure
     * the server rather than a client library's per-chunk machinery.
     */
    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void aThousandWatchersEachSeeEveryOneOfAThousandWritesInOrder() throws Exception {
        int watchers = 1_000;
        int writes = 1_000;
        int writers = 4;
        String ns = namespace();
        String collection = "/api/v1/namespaces/" + ns + "/endpoints";
        String from = http.get(collection).text("metadata.resourceVersion");
        long started = System.nanoTime();

        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        Thread progress = null;
        long[][] revisions = new long[watchers][writes];
        int[] received = new int[watchers];
        String[] problems = new String[watchers];
        CountDownLatch finished = new CountDownLatch(watchers);
        List<RawWatch> streams = new ArrayList<>();
        try {
            for (int w = 0; w < watchers; w++) {
                int me = w;
                RawWatch watch = RawWatch.open(http.base().getPort(), collection + "?watch=true&resourceVersion=" + from);
                streams.add(watch);
                threads.submit(() -> {
                    try (watch) {
                        byte[] line;
                        while (received[me] < writes && (line = watch.nextLine()) != null) {
                            if (!startsWith(line, ADDED)) {
                                problems[me] = "unexpected event: " + new String(line, StandardCharsets.UTF_8);
                                return;
                            }
                            revisions[me][received[me]++] = resourceVersion(line);
                        }
                    } catch (Exception e) {
                        problems[me] = e.toString();
                    } finally {
                        finished.countDown();
                    }
                });
            }
            var cache = api.server().registries().endpoints().cache();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> cache.watcherCount() >= watchers);
            long watching = System.nanoTime();
            long cpuBefore = processCpuNanos();
            progress = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Thread.sleep(5_000);
                        System.out.printf("progress: %d events received, %d watchers done%n",
                                Arrays.stream(received).sum(), watchers - finished.getCount());
                    }
                } catch (InterruptedException e) {
                    // done
                }
            });

            List<Future<?>> writing = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                int id = t;
                writing.add(threads.submit(() -> {
                    for (int i = id; i < writes; i += writers) {
                        Response r = http.post(collection, "{\"metadata\":{\"name\":\"e" + i + "\"}}");
                        assertThat(r.code()).as(r.toString()).isEqualTo(201);
                    }
                    return null;
                }));
            }
            System.out.printf("%d watchers open after %d ms%n", watchers, (watching - started) / 1_000_000);
            for (Future<?> f : writing) {
                f.get(300, TimeUnit.SECONDS);
            }
            long written = System.nanoTime();
            System.out.printf("writes done in %d ms%n", (written - watching) / 1_000_000);
            assertThat(finished.await(90, TimeUnit.SECONDS)).as("every watcher got every event").isTrue();
            long delivered = System.nanoTime();
            // The CPU this JVM (server, writers and the 1,000 readers together) spent: the figure
            // that does not depend on how busy the machine is.
            System.out.printf("%d watchers x %d writes: watchers open in %d ms, writes took %d ms, last delivery %d ms "
                    + "after the last write, %d ms of CPU for writes and deliveries%n",
                    watchers, writes, (watching - started) / 1_000_000, (written - watching) / 1_000_000,
                    (delivered - written) / 1_000_000, (processCpuNanos() - cpuBefore) / 1_000_000);
        } finally {
            if (progress != null) {
                progress.interrupt();
            }
            streams.forEach(RawWatch::close);
            threads.shutdownNow();
        }
        long[] reference = revisions[0];
        for (int w = 0; w < watchers; w++) {
            assertThat(problems[w]).as("watcher %d", w).isNull();
            assertThat(received[w]).as("watcher %d", w).isEqualTo(writes);
            assertThat(revisions[w]).as("watcher %d sees the same sequence", w).isEqualTo(reference);
        }
        Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < writes; i++) {
            distinct.add(reference[i]);
            if (i > 0) {
                assertThat(reference[i]).isGreaterThan(reference[i - 1]);
            }
        }
        assertThat(distinct).hasSize(writes);
        assertThat(Arrays.stream(reference).min().orElseThrow()).isGreaterThan(Long.parseLong(from));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static final byte[] ADDED = "{\"type\":\"ADDED\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RV = "\"resourceVersion\":\"".getBytes(StandardCharsets.UTF_8);

    private static boolean startsWith(byte[] line, byte[] prefix) {
        return line.length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static long resourceVersion(byte[] line) {
        for (int i = 0; i + RV.length < line.length; i++) {
            if (line[i] == '"' && Arrays.equals(line, i, i + RV.length, RV, 0, RV.length)) {
                long v = 0;
                for (int j = i + RV.length; line[j] != '"'; j++) {
                    v = v * 10 + (line[j] - '0');
                }
                return v;
            }
        }
        throw new IllegalStateException("no resourceVersion in " + new String(line, StandardCharsets.UTF_8));
    }
}
