package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.isRunning;
import static io.skiff.kubelet.testing.TestPods.pod;
import static io.skiff.kubelet.testing.TestPods.shell;
import static io.skiff.kubelet.testing.TestPods.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Pod;
import io.skiff.api.meta.KubeList;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.testing.KubeletHttp;
import io.skiff.kubelet.testing.TestKubelet;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kubelet's HTTP server: logs (followed, tailed, timestamped), pods, health and metrics. */
class KubeletServerTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    @Test
    void logsStreamWithFollowAndHonourTailAndTimestamps() throws Exception {
        String name = uniqueName("logs");
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name, shell("c", "i=0; while true; do i=$((i+1)); echo line-$i; sleep 0.3; done")));
            k.await(name, Duration.ofSeconds(40), p -> isRunning(p));
            String base = "http://127.0.0.1:" + k.kubelet().port() + "/containerLogs/default/" + name + "/c";

            HttpResponse<InputStream> followed = KubeletHttp.stream(base + "?follow=true");
            assertThat(followed.statusCode()).isEqualTo(200);
            List<String> lines = new ArrayList<>();
            try (InputStream in = followed.body();
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                // Lines keep coming while the stream stays open: more than were printed when it opened.
                CompletableFuture<Void> read = CompletableFuture.runAsync(() -> {
                    try {
                        for (String line; lines.size() < 12 && (line = reader.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                read.get(30, TimeUnit.SECONDS);
            }
            assertThat(lines).hasSize(12);
            int first = Integer.parseInt(lines.get(0).substring("line-".length()));
            for (int i = 0; i < lines.size(); i++) {
                assertThat(lines.get(i)).isEqualTo("line-" + (first + i));
            }

            String tail = KubeletHttp.get(base + "?tailLines=2").body();
            assertThat(tail.lines().toList()).hasSize(2).allMatch(l -> l.startsWith("line-"));
            String stamped = KubeletHttp.get(base + "?tailLines=1&timestamps=true").body();
            assertThat(stamped.strip()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z line-\\d+");

            HttpResponse<String> missing = KubeletHttp.get("http://127.0.0.1:" + k.kubelet().port()
                    + "/containerLogs/default/" + name + "/nope");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"reason\":\"NotFound\"").contains("container \\\"nope\\\"");
            assertThat(KubeletHttp.get(base + "?tailLines=x").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void healthzPodsAndMetrics() throws Exception {
        String name = uniqueName("srv");
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name, shell("c", "sleep 3600")));
            k.await(name, Duration.ofSeconds(40), p -> isRunning(p));
            String base = "http://127.0.0.1:" + k.kubelet().port();
            assertThat(KubeletHttp.get(base + "/healthz").body()).isEqualTo("ok");

            HttpResponse<String> pods = KubeletHttp.get(base + "/pods");
            assertThat(pods.statusCode()).isEqualTo(200);
            KubeList<Pod> list = Scheme.defaultScheme().decodeList(pods.body().getBytes(StandardCharsets.UTF_8), Pod.class);
            assertThat(list.items()).extracting(Pod::name).containsExactly(name);
            assertThat(list.items().get(0).status().phase()).isEqualTo("Running");

            String metrics = KubeletHttp.get(base + "/metrics").body();
            assertThat(metrics).contains("# TYPE kubelet_pod_worker_duration_seconds histogram")
                    .contains("kubelet_pod_start_duration_seconds_count 1")
                    .contains("kubelet_desired_pods 1");
            assertThat(metrics.lines().filter(l -> l.startsWith("kubelet_pod_status_writes_total ")))
                    .singleElement().satisfies(l -> assertThat(Long.parseLong(l.split(" ")[1])).isPositive());
        }
    }
}
