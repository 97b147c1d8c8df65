package io.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff apiserver} as a process: serves, stops cleanly on SIGTERM, keeps its data. */
class ApiServerCommandIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesStopsOnSigtermAndKeepsItsData(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        Process first = start(port, dataDir);
        try {
            awaitHealthy(base, first);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/namespaces/default/pods"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"name\":\"kept\"},"
                            + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        } finally {
            first.destroy(); // SIGTERM
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        Process second = start(port, dataDir);
        try {
            awaitHealthy(base, second);
            HttpResponse<String> got = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/namespaces/default/pods/kept"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok");
        } finally {
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Process start(int port, Path dataDir) throws IOException {
        return new ProcessBuilder(SkiffBinaryIT.BINARY.toString(), "apiserver", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("apiserver-" + System.nanoTime() + ".log").toFile()).start();
    }

    private void awaitHealthy(URI base, Process process) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("the apiserver process exited", () -> !process.isAlive())
                .until(() -> http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
