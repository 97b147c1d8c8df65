package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.isReady;
import static io.skiff.kubelet.testing.TestPods.isRunning;
import static io.skiff.kubelet.testing.TestPods.pod;
import static io.skiff.kubelet.testing.TestPods.restartCount;
import static io.skiff.kubelet.testing.TestPods.shell;
import static io.skiff.kubelet.testing.TestPods.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.api.core.Probe;
import io.skiff.api.meta.IntOrString;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.testing.TestKubelet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Liveness and readiness probes (httpGet, tcpSocket, exec) against real containers. */
class ProbeTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    /** A container that serves /healthz on 8080 and has /tmp/healthy, both for 3 seconds after each start. */
    private static final String HEALTHY_FOR_3S = "mkdir -p /www && echo ok > /www/healthz && touch /tmp/healthy"
            + " && (sleep 3; rm /www/healthz /tmp/healthy) & exec httpd -f -p 8080 -h /www";
    /** Serves /healthz on 8080 and has /tmp/healthy for good. */
    private static final String ALWAYS_HEALTHY = "mkdir -p /www && echo ok > /www/healthz && touch /tmp/healthy"
            + " && exec httpd -f -p 8080 -h /www";

    private static final Map<String, Probe> PROBES = Map.of(
            "httpGet", Probe.httpGet("/healthz", IntOrString.of(8080)),
            "httpGet-named-port", Probe.httpGet("/healthz", IntOrString.of("http")),
            "tcpSocket", Probe.tcpSocket(IntOrString.of(8080)),
            "exec", Probe.exec(List.of("cat", "/tmp/healthy")));

    private static Probe fast(Probe p) {
        return p.withTimings(0, 1, 1, 1, 1);
    }

    @ParameterizedTest(name = "{0} liveness that starts failing restarts the container")
    @ValueSource(strings = {"httpGet", "tcpSocket", "exec"})
    void aFailingLivenessProbeRestartsTheContainer(String handler) {
        String name = uniqueName("live");
        // tcpSocket fails once the port closes: the container runs httpd only 3 seconds, then just sleeps.
        String script = handler.equals("tcpSocket")
                ? "httpd -f -p 8080 -h / & sleep 3; kill $!; sleep 3600"
                : HEALTHY_FOR_3S;
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name, shell("c", script).withLivenessProbe(fast(PROBES.get(handler)))));
            Pod p = k.await(name, Duration.ofSeconds(60), x -> restartCount(x, "c") >= 2);
            assertThat(p.status().phase()).isEqualTo("Running");
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(RestartPolicyTest.reasons(k, name)).contains("Unhealthy", "Killing"));
        }
    }

    @ParameterizedTest(name = "{0} liveness that passes never restarts")
    @ValueSource(strings = {"httpGet", "httpGet-named-port", "tcpSocket", "exec"})
    void aPassingLivenessProbeKeepsTheContainer(String handler) {
        String name = uniqueName("fine");
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name, shell("c", ALWAYS_HEALTHY)
                    .withPorts(List.of(new io.skiff.api.core.ContainerPort("http", null, 8080, "TCP", null)))
                    .withLivenessProbe(fast(PROBES.get(handler)))));
            k.await(name, Duration.ofSeconds(30), x -> isRunning(x) && isReady(x));
            long probesBefore = k.kubelet().metrics().render().lines()
                    .filter(l -> l.startsWith("kubelet_probes_total ")).mapToLong(l -> Long.parseLong(l.split(" ")[1]))
                    .findFirst().orElseThrow();
            RestartPolicyTest.sleep(Duration.ofSeconds(4));
            Pod p = k.get(name);
            assertThat(restartCount(p, "c")).isZero();
            assertThat(isReady(p)).isTrue();
            String metrics = k.kubelet().metrics().render();
            assertThat(metrics).contains("kubelet_probe_failures_total 0");
            long probesAfter = metrics.lines().filter(l -> l.startsWith("kubelet_probes_total "))
                    .mapToLong(l -> Long.parseLong(l.split(" ")[1])).findFirst().orElseThrow();
            assertThat(probesAfter - probesBefore).as("probes run in 4 s at a 1 s period").isBetween(2L, 6L);
        }
    }

    @Test
    void readinessDrivesTheReadyCondition() {
        String name = uniqueName("ready");
        // Not ready for 2 s, ready for 4 s, then not ready again.
        String script = "sleep 2; touch /tmp/ready; sleep 4; rm /tmp/ready; sleep 3600";
        Probe readiness = Probe.exec(List.of("cat", "/tmp/ready")).withTimings(0, 1, 1, 1, 1);
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name, shell("c", script).withReadinessProbe(readiness)));
            List<Boolean> seen = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Pod p = k.get(name);
                if (!isRunning(p)) {
                    return false;
                }
                boolean ready = isReady(p);
                if (seen.isEmpty() || seen.get(seen.size() - 1) != ready) {
                    seen.add(ready);
                }
                return seen.size() >= 3;
            });
            assertThat(seen).containsExactly(false, true, false);
            Pod p = k.get(name);
            assertThat(restartCount(p, "c")).isZero();
            assertThat(p.status().containerStatuses().get(0).ready()).isFalse();
            assertThat(p.status().conditions()).anyMatch(c -> c.type().equals("ContainersReady") && c.status().equals("False"));
        }
    }
}
