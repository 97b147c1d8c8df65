package io.skiff.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.SkiffClient;
import io.skiff.controller.testing.Cluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /healthz} and {@code /metrics} of an in-process controller-manager. */
class ControllerManagerHttpTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    @Test
    void servesHealthAndMetrics() throws Exception {
        try (SkiffClient client = Cluster.client(API);
                ControllerManager manager = new ControllerManager(Cluster.config(API)
                        .withControllers(Set.of("replication")).withPort("127.0.0.1", 0)).start();
                HttpClient http = HttpClient.newHttpClient()) {
            URI base = URI.create("http://127.0.0.1:" + manager.port());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok");

            String ns = Cluster.namespace(client, "metrics");
            client.replicationControllers(ns).create(Cluster.rc(ns, "web", 2));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
                String text = metrics.body();
                assertThat(text).contains("# TYPE workqueue_depth gauge\n", "workqueue_depth{name=\"replication\"} ",
                        "skiff_leader_election_is_leader 1\n",
                        "# TYPE skiff_controller_syncs_total counter\n");
                assertThat(value(text, "skiff_controller_syncs_total{controller=\"replication\"}")).isPositive();
                assertThat(value(text, "workqueue_adds_total{name=\"replication\"}")).isPositive();
            });
        }
    }

    private static long value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\d+)$", Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("series %s in%n%s", series, text).isTrue();
        return Long.parseLong(m.group(1));
    }
}
