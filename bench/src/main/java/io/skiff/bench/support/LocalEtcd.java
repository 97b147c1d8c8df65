package io.skiff.bench.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An etcd of a bench's own ({@code etcd} on PATH): loopback ports picked free, a temporary data
 * directory, killed and removed on close. No other client's load in the figures, and no bench
 * data left in an etcd someone else uses.
 */
public final class LocalEtcd implements AutoCloseable {
    private final Path dir;
    private final Process process;
    private final String url;

    private LocalEtcd(Path dir, Process process, String url) {
        this.dir = dir;
        this.process = process;
        this.url = url;
    }

    /** Starts etcd and waits (up to 30 s) until it answers {@code /health}. */
    public static LocalEtcd start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("skiff-bench-etcd-");
        int client = freePort();
        int peer = freePort();
        String url = "http://127.0.0.1:" + client;
        Process etcd = new ProcessBuilder("etcd", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", url, "--advertise-client-urls", url,
                "--listen-peer-urls", "http://127.0.0.1:" + peer,
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer,
                "--initial-cluster", "default=http://127.0.0.1:" + peer)
                .redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
        LocalEtcd local = new LocalEtcd(dir, etcd, url);
        try {
            local.awaitHealthy();
        } catch (IOException | InterruptedException | RuntimeException e) {
            local.close();
            throw e;
        }
        return local;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return url;
    }

    /** The etcd process's pid, for CPU accounting. */
    public long pid() {
        return process.pid();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"health\":\"true\"")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the bench's etcd at " + url + " did not become healthy within 30 s");
    }

    public static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        deleteTree(dir);
    }
}
