package io.skiff.apiserver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.apiserver.ApiServerConfig;
import io.skiff.apiserver.fuzz.HostileRequests.Request;
import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.apiserver.v1beta1.V1beta1Api;
import io.skiff.storage.KeyValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thousands of hostile requests against a real apiserver (v1 and v1beta1 paths): every answer is
 * a 4xx — never a 5xx, never a hang — the server stays up, and storage is untouched: not one
 * revision is written, and the seeded objects list exactly as before. Deterministic for a seed
 * ({@code -Dskiff.fuzz.seed=...} replays a run; the seed is logged).
 */
class RequestFuzzTest {
    private static final Logger LOG = LoggerFactory.getLogger(RequestFuzzTest.class);
    private static final int REQUESTS = 3_000;
    private static final int HUGE_REQUESTS = 24; // 3 MiB bodies: enough of each kind, not a bandwidth test
    private static final int CONCURRENCY = 8;
    private static final Duration PER_REQUEST = Duration.ofSeconds(20);
    /** A bound, not a benchmark: 3,000 requests take 30-50 s on a loaded 2-core machine. */
    private static final Duration BUDGET = Duration.ofSeconds(90);

    @Test
    void hostileRequestsAreRefusedWithA4xxAndChangeNothing() throws Exception {
        long seed = Long.getLong("skiff.fuzz.seed", new Random().nextLong());
        LOG.info("request fuzz seed {} (-Dskiff.fuzz.seed={} replays it)", seed, seed);
        try (TestApiServer api = TestApiServer.sqlite().builder(b -> b.routes(V1beta1Api.withDefaults())).start()) {
            HttpTestClient http = api.http();
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            String ns = "fz-" + suffix;
            String otherNs = "fz-other-" + suffix;
            seed(http, ns, otherNs);
            String root = api.server().config().registryRoot();
            Map<String, Long> before = snapshot(api, root);
            long revisionBefore = api.storage().currentRevision();

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HostileRequests generator = new HostileRequests(new Random(seed), ns, otherNs, "seeded-0",
                    ApiServerConfig.DEFAULT_MAX_REQUEST_BYTES);
            List<Request> requests = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                requests.add(generator.next(i % (REQUESTS / HUGE_REQUESTS) == 0));
            }
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Map<String, AtomicInteger> codes = Collections.synchronizedMap(new TreeMap<>());
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
                List<Future<?>> running = new ArrayList<>();
                for (Request r : requests) {
                    running.add(pool.submit(() -> {
                        String outcome = send(client, api.url(), r);
                        codes.computeIfAbsent(r.kind().split(" ")[0] + " " + outcome, k -> new AtomicInteger()).incrementAndGet();
                        if (!outcome.startsWith("4")) {
                            failures.add(outcome + " <- " + r);
                        }
                    }));
                }
                for (Future<?> f : running) {
                    f.get(BUDGET.toSeconds(), TimeUnit.SECONDS);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("{} hostile requests in {} ms; answers by kind: {}", REQUESTS, took.toMillis(), codes);

            assertThat(failures).as("requests not answered with a 4xx (seed " + seed + ")").isEmpty();
            assertThat(took).as("the whole run").isLessThan(BUDGET);
            assertThat(http.get("/healthz").code()).as("the server is up").isEqualTo(200);
            assertThat(http.get("/api/v1/namespaces/" + ns + "/pods/seeded-0").code()).isEqualTo(200);
            assertThat(api.storage().currentRevision()).as("nothing was written").isEqualTo(revisionBefore);
            assertThat(snapshot(api, root)).as("every stored object, key and revision").isEqualTo(before);
        }
    }

    /** The answer's code, or what went wrong instead ("timeout", "io: ..."). */
    private static String send(HttpClient client, URI base, Request r) {
        HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path())).timeout(PER_REQUEST)
                    .method(r.method(), body);
            if (r.contentType() != null) {
                b.header("Content-Type", r.contentType());
            }
            HttpResponse<byte[]> response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return Integer.toString(response.statusCode());
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            // A server may close the connection after refusing an oversized body it did not read.
            return r.kind().equals("huge-over-limit") && !"timeout".equals(e.getMessage()) ? "4xx (closed: "
                    + e.getClass().getSimpleName() + ")" : "io: " + e;
        } catch (IllegalArgumentException e) {
            return "400 (client refused to send: " + e.getMessage() + ")"; // e.g. a method token HttpClient rejects
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void seed(HttpTestClient http, String ns, String otherNs) {
        for (String n : List.of(ns, otherNs)) {
            expect(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + n + "\"}}"), 201);
        }
        for (int i = 0; i < 5; i++) {
            expect(http.post("/api/v1/namespaces/" + ns + "/pods", HostileRequests.podJson("seeded-" + i)), 201);
        }
        expect(http.post("/api/v1/namespaces/" + otherNs + "/pods", HostileRequests.podJson("target")), 201);
        expect(http.post("/api/v1/namespaces/" + ns + "/services", "{\"metadata\":{\"name\":\"svc\"},\"spec\":"
                + "{\"selector\":{\"a\":\"b\"},\"ports\":[{\"port\":80}]}}"), 201);
        expect(http.post("/api/v1/namespaces/" + ns + "/replicationcontrollers", "{\"metadata\":{\"name\":\"rc\"},"
                + "\"spec\":{\"replicas\":1,\"selector\":{\"a\":\"b\"},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}"), 201);
    }

    private static void expect(HttpTestClient.Response r, int code) {
        if (r.code() != code) {
            throw new AssertionError("seeding failed: " + r);
        }
    }

    /** Every key under the registry root with its modRevision. */
    private static Map<String, Long> snapshot(TestApiServer api, String root) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (KeyValue kv : api.storage().list(root + "/").items()) {
            out.put(kv.key(), kv.modRevision());
        }
        return out;
    }
}
