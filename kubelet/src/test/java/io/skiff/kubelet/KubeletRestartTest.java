package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.isReady;
import static io.skiff.kubelet.testing.TestPods.isRunning;
import static io.skiff.kubelet.testing.TestPods.pod;
import static io.skiff.kubelet.testing.TestPods.shell;
import static io.skiff.kubelet.testing.TestPods.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Probe;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.IntOrString;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.testing.TestKubelet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A kubelet that stops abruptly and starts again finds its containers by their labels. */
class KubeletRestartTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    @Test
    void aRestartedKubeletAdoptsRunningContainersAndRestartsNone() {
        String a = uniqueName("adopt");
        String b = uniqueName("adopt");
        Probe readiness = Probe.tcpSocket(IntOrString.of(8080)).withTimings(0, 1, 1, 1, 1);
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(a, shell("web", "exec httpd -f -p 8080 -h /").withReadinessProbe(readiness),
                    shell("side", "sleep 3600")));
            k.create(pod(b, shell("c", "sleep 3600")));
            Pod podA = k.await(a, Duration.ofSeconds(40), p -> isRunning(p) && isReady(p));
            Pod podB = k.await(b, Duration.ofSeconds(40), p -> isRunning(p) && isReady(p));
            Set<String> before = ids(k, podA, podB);
            assertThat(before).hasSize(5);

            k.stop();
            // While it is away, one pod is deleted for good: the next kubelet must clean up after it.
            k.client().pods("default").delete(b, new DeleteOptions(0L, null, null, null, null));
            k.restart();

            // Several sync periods pass: nothing is restarted, nothing is duplicated.
            RestartPolicyTest.sleep(Duration.ofSeconds(4));
            Pod after = k.get(a);
            assertThat(after.status().containerStatuses()).extracting(ContainerStatus::restartCount).containsOnly(0);
            assertThat(after.status().containerStatuses()).extracting(ContainerStatus::containerID)
                    .containsExactlyElementsOf(podA.status().containerStatuses().stream()
                            .map(ContainerStatus::containerID).toList());
            assertThat(isReady(after)).as("adopted containers keep their readiness").isTrue();
            List<RuntimeContainer> containersOfA = k.containers(podA);
            assertThat(containersOfA).hasSize(3).allMatch(RuntimeContainer::isRunning);
            assertThat(ids(k, podA)).isSubsetOf(before);
            // The deleted pod's containers are gone, running or not.
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> k.containers(podB).isEmpty());
        }
    }

    private static Set<String> ids(TestKubelet k, Pod... pods) {
        return java.util.Arrays.stream(pods).flatMap(p -> k.containers(p).stream()).map(RuntimeContainer::id)
                .collect(Collectors.toSet());
    }
}
