package io.skiff.apiserver.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.TestApiServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /metrics after real traffic: counts by verb/resource/code, latency histograms, open watches, storage latency. */
class ApiMetricsTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    static String metrics() {
        HttpTestClient.Response r = API.http().get("/metrics");
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
        return r.body();
    }

    static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void countsAndTimesRequestsByVerbResourceAndCode() {
        for (int i = 0; i < 3; i++) {
            assertThat(API.http().post("/api/v1/namespaces/default/pods", """
                    {"metadata":{"name":"m-%d"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}""".formatted(i))
                    .code()).isEqualTo(201);
        }
        assertThat(API.http().post("/api/v1/namespaces/default/pods",
                "{\"metadata\":{\"name\":\"m-0\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"b\"}]}}")
                .code()).isEqualTo(409);
        assertThat(API.http().get("/api/v1/namespaces/default/pods").code()).isEqualTo(200);
        assertThat(API.http().get("/api/v1/namespaces/default/pods/nope").code()).isEqualTo(404);

        String text = metrics();
        String pods = "group=\"\",version=\"v1\",resource=\"pods\",subresource=\"\"";
        assertThat(value(text, "apiserver_request_total{verb=\"POST\"," + pods + ",scope=\"namespace\",code=\"201\"}"))
                .isEqualTo(3);
        assertThat(value(text, "apiserver_request_total{verb=\"POST\"," + pods + ",scope=\"namespace\",code=\"409\"}"))
                .isEqualTo(1);
        assertThat(value(text, "apiserver_request_total{verb=\"LIST\"," + pods + ",scope=\"namespace\",code=\"200\"}"))
                .isEqualTo(1);
        assertThat(value(text, "apiserver_request_total{verb=\"GET\"," + pods + ",scope=\"resource\",code=\"404\"}"))
                .isEqualTo(1);
        assertThat(value(text, "apiserver_request_duration_seconds_count{verb=\"POST\"," + pods
                + ",scope=\"namespace\"}")).isEqualTo(4);
        assertThat(value(text, "apiserver_request_duration_seconds_bucket{verb=\"POST\"," + pods
                + ",scope=\"namespace\",le=\"+Inf\"}")).isEqualTo(4);
        assertThat(value(text, "apiserver_request_duration_seconds_sum{verb=\"POST\"," + pods
                + ",scope=\"namespace\"}")).isGreaterThan(0);
        assertThat(text).contains("# TYPE apiserver_request_duration_seconds histogram");
        // every create went to the store; so did the failed one (it found the key taken)
        assertThat(value(text, "etcd_request_duration_seconds_count{operation=\"create\",type=\"pods\"}"))
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void openWatchesAreAGauge() throws Exception {
        String series = "apiserver_longrunning_gauge{verb=\"WATCH\",group=\"\",version=\"v1\",resource=\"nodes\","
                + "subresource=\"\",scope=\"cluster\"}";
        CompletableFuture<HttpResponse<Void>> watch = API.http().client().sendAsync(HttpRequest.newBuilder(
                        API.url().resolve("/api/v1/nodes?watch=true&timeoutSeconds=10")).timeout(Duration.ofSeconds(20))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        await().atMost(Duration.ofSeconds(9)).untilAsserted(() -> assertThat(metrics()).contains(series + " 1\n"));
        assertThat(watch.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200); // ends at timeoutSeconds
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics()).contains(series + " 0\n"));
    }
}
