package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.isReady;
import static io.skiff.kubelet.testing.TestPods.isRunning;
import static io.skiff.kubelet.testing.TestPods.pod;
import static io.skiff.kubelet.testing.TestPods.restartCount;
import static io.skiff.kubelet.testing.TestPods.shell;
import static io.skiff.kubelet.testing.TestPods.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Probe;
import io.skiff.api.meta.IntOrString;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.testing.TestKubelet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Liveness and readiness probes (httpGet, tcpSocket, exec) against real containers. */
class ProbeTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    /** Serves /healthz on the port and has /tmp/healthy, for {@code seconds} after each start (0: for good). */
    private static String server(int port, int seconds) {
        // ";" before the background job: with "&&" the "&" would send the whole setup to the background,
        // and httpd, racing it, would die on a missing /www.
        String serve = "mkdir -p /www && echo ok > /www/healthz && touch /tmp/healthy; ";
        return seconds == 0 ? serve + "exec httpd -f -p " + port + " -h /www"
                : serve + "(sleep " + seconds + "; rm /www/healthz /tmp/healthy) & exec httpd -f -p " + port + " -h /www";
    }

    /** Every second; an exec probe gets 5 s to answer, since {@code docker exec} alone can take a second on a busy machine. */
    private static Probe fast(Probe p, int failureThreshold) {
        return p.withTimings(0, p.exec() != null ? 5 : 1, 1, 1, failureThreshold);
    }

    @Test
    void failingLivenessProbesOfEachKindRestartTheirContainerOnly() {
        String name = uniqueName("live");
        try (TestKubelet k = TestKubelet.start(api)) {
            // Three containers in one pod (one network namespace, so three ports), each on its own schedule.
            k.create(pod(name,
                    shell("http", server(8081, 3)).withLivenessProbe(fast(Probe.httpGet("/healthz", IntOrString.of(8081)), 1)),
                    // tcpSocket fails once the port closes: httpd runs 3 seconds, then the shell just sleeps.
                    shell("tcp", "httpd -f -p 8082 -h / & sleep 3; kill $!; sleep 3600")
                            .withLivenessProbe(fast(Probe.tcpSocket(IntOrString.of(8082)), 1)),
                    shell("exec", server(8083, 3)).withLivenessProbe(fast(Probe.exec(List.of("cat", "/tmp/healthy")), 1)),
                    shell("steady", "sleep 3600")));
            Pod p = k.await(name, Duration.ofSeconds(90), x -> restartCount(x, "http") >= 2
                    && restartCount(x, "tcp") >= 2 && restartCount(x, "exec") >= 2);
            assertThat(p.status().phase()).isEqualTo("Running");
            assertThat(restartCount(p, "steady")).isZero();
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RestartPolicyTest.events(k, name))
                    .filteredOn(e -> e.reason().equals("Unhealthy")).extracting(e -> e.message())
                    .anyMatch(m -> m.startsWith("Liveness probe failed: HTTP probe failed with statuscode: 404"))
                    .anyMatch(m -> m.startsWith("Liveness probe failed: dial tcp ") && m.contains(":8082: "))
                    .anyMatch(m -> m.startsWith("Liveness probe failed: command [cat, /tmp/healthy] exited with 1")));
            assertThat(RestartPolicyTest.reasons(k, name)).contains("Killing");
        }
    }

    @Test
    void passingLivenessProbesOfEachKindNeverRestart() {
        String name = uniqueName("fine");
        // Three failures in a row are needed: a server may take a moment to listen after its start.
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name,
                    shell("http", server(8081, 0)).withLivenessProbe(fast(Probe.httpGet("/healthz", IntOrString.of(8081)), 3)),
                    shell("named", server(8082, 0)).withPorts(List.of(new ContainerPort("web", null, 8082, "TCP", null)))
                            .withLivenessProbe(fast(Probe.httpGet("/healthz", IntOrString.of("web")), 3)),
                    shell("tcp", server(8083, 0)).withLivenessProbe(fast(Probe.tcpSocket(IntOrString.of(8083)), 3)),
                    shell("exec", server(8084, 0)).withLivenessProbe(fast(Probe.exec(List.of("cat", "/tmp/healthy")), 3))));
            k.await(name, Duration.ofSeconds(40), x -> isRunning(x) && isReady(x));
            long before = probesRun(k);
            RestartPolicyTest.sleep(Duration.ofSeconds(4));
            Pod p = k.get(name);
            assertThat(p.status().containerStatuses()).extracting(s -> s.restartCount()).containsOnly(0);
            assertThat(isReady(p)).isTrue();
            assertThat(probesRun(k) - before).as("4 probes every second for 4 s").isBetween(8L, 24L);
        }
    }

    private static long probesRun(TestKubelet k) {
        return k.kubelet().metrics().render().lines().filter(l -> l.startsWith("kubelet_probes_total "))
                .mapToLong(l -> Long.parseLong(l.split(" ")[1])).findFirst().orElseThrow();
    }

    @Test
    void readinessDrivesTheReadyCondition() {
        String name = uniqueName("ready");
        // Not ready for 2 s, ready for 6 s, then not ready again.
        String script = "sleep 2; touch /tmp/ready; sleep 6; rm /tmp/ready; sleep 3600";
        Probe readiness = Probe.exec(List.of("cat", "/tmp/ready")).withTimings(0, 5, 1, 1, 1);
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
