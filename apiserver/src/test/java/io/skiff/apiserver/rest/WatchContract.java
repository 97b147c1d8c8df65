package io.skiff.apiserver.rest;

import static io.skiff.apiserver.testing.WatchStream.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.apiserver.testing.WatchStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WATCH over chunked HTTP and websockets, served from the watch cache. */
abstract class WatchContract extends RestTestSupport {
    static final Duration WAIT = Duration.ofSeconds(20);

    private WatchStream watch(String path) {
        WatchStream w = WatchStream.http(http.client(), http.base(), path);
        assertThat(w.status()).isEqualTo(200);
        return w;
    }

    @Test
    void watchFromARevisionSeesEveryLaterEventInOrder() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        Response first = http.post(pods, pod("a"));
        String from = first.text("metadata.resourceVersion");
        http.post(pods, pod("b"));
        http.put(pods + "/a", pod("a", "{\"x\":\"1\"}"));
        http.delete(pods + "/b");
        try (WatchStream w = watch(pods + "?watch=true&resourceVersion=" + from)) {
            http.post(pods, pod("c")); // while watching
            List<JsonNode> events = w.next(4, WAIT);
            assertThat(events).extracting(WatchStream::summary).containsExactly("ADDED b", "MODIFIED a", "DELETED b", "ADDED c");
            long last = Long.parseLong(from);
            for (JsonNode e : events) {
                assertThat(e.path("object").path("kind").asText()).isEqualTo("Pod");
                assertThat(e.path("object").path("apiVersion").asText()).isEqualTo("v1");
                long rv = e.path("object").path("metadata").path("resourceVersion").asLong();
                assertThat(rv).isGreaterThan(last);
                last = rv;
            }
            assertThat(events.get(1).path("object").path("metadata").path("labels").path("x").asText()).isEqualTo("1");
        }
    }

    @Test
    void watchWithoutResourceVersionSendsTheStateThenFollows() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        http.post(pods, pod("x"));
        http.post(pods, pod("y"));
        try (WatchStream w = watch(pods + "?watch=1")) {
            List<JsonNode> initial = w.next(2, WAIT);
            assertThat(initial).extracting(WatchStream::summary).containsExactlyInAnyOrder("ADDED x", "ADDED y");
            http.put(pods + "/x", pod("x", "{\"v\":\"2\"}"));
            assertThat(summary(w.next(WAIT))).isEqualTo("MODIFIED x");
        }
    }

    @Test
    void legacyWatchPathsAndSingleObjectWatch() {
        String ns = namespace();
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("one"));
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("two"));
        try (WatchStream all = watch("/api/v1/watch/namespaces/" + ns + "/pods");
                WatchStream single = watch("/api/v1/watch/namespaces/" + ns + "/pods/two")) {
            assertThat(all.next(2, WAIT)).extracting(WatchStream::summary).containsExactlyInAnyOrder("ADDED one", "ADDED two");
            assertThat(single.next(1, WAIT)).extracting(WatchStream::summary).containsExactly("ADDED two");
            http.delete("/api/v1/namespaces/" + ns + "/pods/one");
            http.delete("/api/v1/namespaces/" + ns + "/pods/two");
            assertThat(all.next(2, WAIT)).extracting(WatchStream::summary).containsExactly("DELETED one", "DELETED two");
            assertThat(single.next(1, WAIT)).extracting(WatchStream::summary).containsExactly("DELETED two");
        }
    }

    @Test
    void anObjectEnteringOrLeavingTheSelectionIsAddedOrDeleted() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        try (WatchStream w = watch(pods + "?watch=true&labelSelector=app%3Dweb");
                WatchStream bound = watch(pods + "?watch=true&fieldSelector=spec.nodeName%3Dnode-1")) {
            http.post(pods, pod("p", "{\"app\":\"db\"}"));
            http.put(pods + "/p", pod("p", "{\"app\":\"web\"}"));
            http.put(pods + "/p", pod("p", "{\"app\":\"web\",\"more\":\"x\"}"));
            http.put(pods + "/p", pod("p", "{\"app\":\"db\"}"));
            Response binding = http.post(pods + "/p/binding",
                    "{\"metadata\":{\"name\":\"p\"},\"target\":{\"kind\":\"Node\",\"name\":\"node-1\"}}");
            assertThat(binding.code()).as(binding.toString()).isEqualTo(201);
            http.delete(pods + "/p?gracePeriodSeconds=0");
            List<JsonNode> events = w.next(3, WAIT);
            assertThat(events).extracting(WatchStream::summary).containsExactly("ADDED p", "MODIFIED p", "DELETED p");
            assertThat(events.get(2).path("object").path("metadata").path("labels").path("app").asText())
                    .as("the object that left the selection, as it is now").isEqualTo("db");
            assertThat(w.next(Duration.ofMillis(500))).as("nothing more for the label watch").isNull();
            List<JsonNode> boundEvents = bound.next(2, WAIT);
            assertThat(boundEvents).extracting(WatchStream::summary).containsExactly("ADDED p", "DELETED p");
        }
    }

    @Test
    void websocketWatchGetsOneEventPerMessage() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        http.post(pods, pod("before"));
        try (WatchStream ws = WatchStream.websocket(http.client(), http.base(), pods + "?watch=true")) {
            assertThat(summary(ws.next(WAIT))).isEqualTo("ADDED before");
            http.post(pods, pod("after"));
            http.delete(pods + "/before");
            List<JsonNode> events = ws.next(2, WAIT);
            assertThat(events).extracting(WatchStream::summary).containsExactly("ADDED after", "DELETED before");
            assertThat(events.get(0).path("object").path("kind").asText()).isEqualTo("Pod");
        }
    }

    @Test
    void websocketUpgradeOfANonWatchIsRefused() throws Exception {
        String ns = namespace();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", http.base().getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /api/v1/namespaces/" + ns + "/pods HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder response = new StringBuilder();
            byte[] buf = new byte[4096];
            int n;
            try {
                while (!response.toString().endsWith("}") && (n = socket.getInputStream().read(buf)) > 0) {
                    response.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no complete answer, got: " + response, e);
            }
            assertThat(response.toString()).startsWith("HTTP/1.1 400");
            assertThat(response.toString()).contains("\"reason\":\"BadRequest\"").contains("only watch requests may be upgraded");
        }
    }

    @Test
    void tooOldResourceVersionIsAnExpiredErrorEvent() {
        String ns = namespace();
        try (WatchStream w = watch("/api/v1/namespaces/" + ns + "/pods?watch=true&resourceVersion=1")) {
            JsonNode error = w.next(WAIT);
            assertThat(error.path("type").asText()).isEqualTo("ERROR");
            assertThat(error.path("object").path("kind").asText()).isEqualTo("Status");
            assertThat(error.path("object").path("code").asInt()).isEqualTo(410);
            assertThat(error.path("object").path("reason").asText()).isEqualTo("Expired");
            assertThat(error.path("object").path("message").asText()).startsWith("too old resource version: 1");
            assertThat(w.next(WAIT)).isSameAs(WatchStream.END);
        }
    }

    @Test
    void bookmarksCarryOnlyTheResourceVersion() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        Response created = http.post(pods, pod("b"));
        try (WatchStream w = watch(pods + "?watch=true&allowWatchBookmarks=true&resourceVersion="
                + created.text("metadata.resourceVersion"))) {
            JsonNode bookmark = w.next(WAIT);
            assertThat(bookmark.path("type").asText()).isEqualTo("BOOKMARK");
            JsonNode object = bookmark.path("object");
            assertThat(object.path("kind").asText()).isEqualTo("Pod");
            assertThat(object.path("apiVersion").asText()).isEqualTo("v1");
            assertThat(object.path("metadata").size()).isEqualTo(1);
            assertThat(object.path("metadata").path("resourceVersion").asLong())
                    .isGreaterThanOrEqualTo(created.json().path("metadata").path("resourceVersion").asLong());
        }
        try (WatchStream w = watch(pods + "?watch=true&resourceVersion=" + created.text("metadata.resourceVersion"))) {
            assertThat(w.next(Duration.ofSeconds(3))).as("no bookmarks unless asked").isNull();
        }
    }

    @Test
    void timeoutSecondsEndsTheWatch() {
        String ns = namespace();
        long start = System.nanoTime();
        try (WatchStream w = watch("/api/v1/namespaces/" + ns + "/pods?watch=true&timeoutSeconds=1")) {
            assertThat(w.next(WAIT)).isSameAs(WatchStream.END);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void watchFromAListRevisionMissesNothing() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        http.post(pods, pod("old"));
        Response list = http.get(pods);
        String rv = list.text("metadata.resourceVersion");
        http.post(pods, pod("new"));
        try (WatchStream w = watch(pods + "?watch=true&resourceVersion=" + rv)) {
            assertThat(w.next(1, WAIT)).extracting(WatchStream::summary).containsExactly("ADDED new");
            assertThat(w.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void clusterScopedAndGroupResourcesWatch() {
        String ns = namespace();
        String node = ns + "-n";
        try (WatchStream nodes = watch("/api/v1/nodes?watch=true&fieldSelector=metadata.name%3D" + node);
                WatchStream leases = watch("/apis/coordination.k8s.io/v1/namespaces/" + ns + "/leases?watch=true")) {
            http.post("/api/v1/nodes", "{\"metadata\":{\"name\":\"" + node + "\"}}");
            http.post("/apis/coordination.k8s.io/v1/namespaces/" + ns + "/leases", "{\"metadata\":{\"name\":\"l\"}}");
            JsonNode n = nodes.next(WAIT);
            assertThat(summary(n)).isEqualTo("ADDED " + node);
            JsonNode l = leases.next(WAIT);
            assertThat(summary(l)).isEqualTo("ADDED l");
            assertThat(l.path("object").path("apiVersion").asText()).isEqualTo("coordination.k8s.io/v1");
            assertThat(l.path("object").path("kind").asText()).isEqualTo("Lease");
        } finally {
            http.delete("/api/v1/nodes/" + node);
        }
    }

    @Test
    void manyEventsArriveInRevisionOrder() {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        try (WatchStream w = watch(pods + "?watch=true")) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                writers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 25; i++) {
                        http.post(pods, pod("w" + id + "-" + i));
                    }
                }));
            }
            for (Thread t : writers) {
                t.join(Duration.ofSeconds(60));
            }
            List<JsonNode> events = w.next(100, WAIT);
            assertThat(events).hasSize(100);
            long last = 0;
            for (JsonNode e : events) {
                assertThat(e.path("type").asText()).isEqualTo("ADDED");
                long rv = e.path("object").path("metadata").path("resourceVersion").asLong();
                assertThat(rv).isGreaterThan(last);
                last = rv;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void clientsThatStopReadingHoldUpNoOtherWatcher() throws Exception {
        String ns = namespace();
        String pods = "/api/v1/namespaces/" + ns + "/pods";
        List<Socket> stuck = new ArrayList<>();
        try (WatchStream reading = watch(pods + "?watch=true")) {
            for (int i = 0; i < 4; i++) { // more clients than the server has sender threads
                stuck.add(stuckWatch(pods + "?watch=true"));
            }
            // 8 MB: more than a stuck client's socket buffers take (Linux sends up to 4 MiB ahead)
            String big = "x".repeat(200_000);
            for (int i = 0; i < 40; i++) {
                String json = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p" + i
                        + "\",\"annotations\":{\"big\":\"" + big + "\"}},\"spec\":{\"containers\":[{\"name\":\"c\","
                        + "\"image\":\"busybox\"}]}}";
                assertThat(http.post(pods, json).code()).isEqualTo(201);
            }
            List<JsonNode> events = reading.next(40, WAIT);
            assertThat(events).extracting(WatchStream::summary).hasSize(40).startsWith("ADDED p0").endsWith("ADDED p39");
            assertThat(events.getLast().path("object").path("metadata").path("annotations").path("big").asText())
                    .hasSize(big.length());
        } finally {
            for (Socket s : stuck) {
                s.close();
            }
        }
    }

    /** A watch whose client reads the response's headers and then nothing more. */
    private Socket stuckWatch(String path) throws Exception {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress(http.base().getHost(), http.base().getPort()));
        s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        s.setSoTimeout((int) WAIT.toMillis());
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = s.getInputStream().read();
            if (b < 0) {
                throw new AssertionError("watch closed before its headers: " + head);
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200");
        return s;
    }
}
