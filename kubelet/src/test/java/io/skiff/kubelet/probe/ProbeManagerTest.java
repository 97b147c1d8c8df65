package io.skiff.kubelet.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Container;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.Probe;
import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.ContainerState;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.simulated.SimulatedRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How probe results turn into liveness decisions, on the simulated runtime (the seam below the
 * probe manager; ProbeTest runs the same against real containers). The case that matters: a probe
 * that could not run at all (the container is gone or stopped) is thrown away, as Kubernetes'
 * prober does; only the container's own answer counts.
 */
class ProbeManagerTest {
    private final SimulatedRuntime runtime =
            new SimulatedRuntime(SimulatedRuntime.Options.defaults().withImages(Set.of("busybox:latest")));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger changes = new AtomicInteger();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                        | command | engine says | every event starts with                              | liveness failed
            answers 0                     | true    | running     |                                                      | false
            answers 1                     | false   | running     | Liveness probe failed: command [false] exited with 1 | true
            cannot be asked: stopped      | false   | stopped     | Liveness probe errored: exec in container            | false
            cannot be asked: removed      | false   | gone        | Liveness probe errored: no such container            | false
            """)
    void livenessOutcomes(String name, String command, String engineSays, String event, boolean failed) {
        Container c = Container.of("c", "busybox:latest")
                .withLivenessProbe(Probe.exec(List.of(command)).withTimings(0, 1, 1, 1, 1));
        Pod pod = new Pod(ObjectMeta.of("default", "p").withUid("uid-1"), PodSpec.of(List.of(c)), null);
        String id = engineSays.equals("gone") ? "0123456789ab"
                : runtime.createAndStart(new ContainerConfig("k8s_c_p", "busybox:latest", List.of("sleep", "3600"),
                        List.of(), List.of(), null, Map.of(), null, List.of(), List.of(), 0, 0, null, null));
        if (engineSays.equals("stopped")) {
            runtime.stop(id, Duration.ZERO); // after the kubelet's last look: it still takes it for running
        }
        RuntimeContainer running = new RuntimeContainer(id, "k8s_c_p", "busybox:latest", null,
                Map.of(ContainerLabels.CONTAINER_NAME, "c"), ContainerState.RUNNING,
                null, null, Instant.now(), null, false, null);

        try (ProbeManager probes = new ProbeManager(new Prober(runtime),
                (p, container, type, reason, message) -> events.add(message), uid -> changes.incrementAndGet())) {
            probes.sync(pod, "10.88.0.2", List.of(running), x -> false);
            // Three periods: enough for the worker to decide, whichever way.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> probes.probesRun() >= (failed ? 1 : 3));
            assertThat(probes.livenessFailed(id)).isEqualTo(failed);
            assertThat(changes.get()).as("pod worker asked to sync").isEqualTo(failed ? 1 : 0);
            if (event == null) {
                assertThat(events).isEmpty();
            } else {
                assertThat(events).isNotEmpty().allMatch(m -> m.startsWith(event));
            }
        }
    }
}
