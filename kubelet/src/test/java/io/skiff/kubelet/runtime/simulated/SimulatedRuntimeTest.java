package io.skiff.kubelet.runtime.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerRuntimeContract;
import io.skiff.kubelet.runtime.ContainerState;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.testing.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract in memory, plus what hollow nodes need from it: scale, start latency, timed exits. */
class SimulatedRuntimeTest extends ContainerRuntimeContract {

    @Override
    protected ContainerRuntime newRuntime() {
        return new SimulatedRuntime(SimulatedRuntime.Options.defaults()
                .withImages(Set.of(image()))
                // The simulated registry knows every image but the one the contract expects to be missing.
                .withRegistry(image -> !image.equals(MISSING_IMAGE)));
    }

    @Override
    protected String image() {
        return TestEnvironment.busyboxImage();
    }

    @Test
    void threeThousandContainersOfFifteenHundredPodsStartStopAndGoCheaply() throws Exception {
        long start = System.nanoTime();
        List<Future<List<String>>> pods = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int p = 0; p < 1500; p++) {
                Map<String, String> pod = ContainerLabels.pod("hollow-1", "default", "pod-" + p, "uid-" + p);
                pods.add(threads.submit(() -> {
                    String infra = runtime.createAndStart(container()
                            .labels(ContainerLabels.container(pod, ContainerLabels.INFRA_CONTAINER_NAME, "h", 0)).build());
                    String app = runtime.createAndStart(container("sleep", "3600").joinNetworkOf(infra)
                            .labels(ContainerLabels.container(pod, "app", "h", 0)).build());
                    return List.of(infra, app);
                }));
            }
            Set<String> ids = new HashSet<>();
            for (Future<List<String>> pod : pods) {
                ids.addAll(pod.get(60, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(3000);
        }
        assertThat(runtime.listContainers(testLabel(), false)).hasSize(3000);
        assertThat(runtime.listContainers(Map.of(ContainerLabels.POD_UID, "uid-742"), false)).hasSize(2);
        Set<String> ips = new HashSet<>();
        for (RuntimeContainer infra : runtime.listContainers(Map.of(ContainerLabels.INFRA, "true"), false)) {
            ips.add(runtime.podIp(infra.id()).orElseThrow());
        }
        assertThat(ips).hasSize(1500);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (RuntimeContainer c : runtime.listContainers(testLabel(), false)) {
                threads.submit(() -> runtime.stop(c.id(), Duration.ofSeconds(30)));
            }
        }
        assertThat(runtime.listContainers(testLabel(), false)).isEmpty();
        assertThat(runtime.listContainers(testLabel(), true)).hasSize(3000)
                .allSatisfy(c -> assertThat(c.exitCode()).isEqualTo(143));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aContainerIsCreatedThenRunningAfterTheStartLatency() throws Exception {
        runtime.close();
        runtime = new SimulatedRuntime(SimulatedRuntime.Options.defaults().withImages(Set.of(image()))
                .withStartLatency(Duration.ofMillis(500)));
        ContainerConfig config = container("sleep", "300").build();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> starting = threads.submit(() -> runtime.createAndStart(config));

            await().atMost(Duration.ofSeconds(5)).until(() -> !runtime.listContainers(testLabel(), true).isEmpty());
            assertThat(runtime.listContainers(testLabel(), true)).singleElement()
                    .satisfies(c -> assertThat(c.state()).isEqualTo(ContainerState.CREATED));
            assertThat(runtime.listContainers(testLabel(), false)).isEmpty();

            String id = starting.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(runtime.inspect(id).state()).isEqualTo(ContainerState.RUNNING);
        }
    }

    @Test
    void aSleepExitsByItselfWhenItsTimeIsUp() {
        String sleeper = runtime.createAndStart(container("sleep", "0.5").build());
        String failing = runtime.createAndStart(container("sh", "-c", "echo bye && exit 2").build());

        RuntimeContainer slept = awaitExited(sleeper);
        RuntimeContainer failed = awaitExited(failing);

        assertThat(slept.exitCode()).isZero();
        assertThat(Duration.between(slept.startedAt(), slept.finishedAt())).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(logs(failing, io.skiff.kubelet.runtime.LogOptions.ALL)).isEqualTo("bye\n");
    }

    @Test
    void aPulledImageIsPresentAndPodIpsComeFromTheConfiguredSubnet() {
        runtime.close();
        runtime = new SimulatedRuntime(SimulatedRuntime.Options.defaults().withPodSubnet("10.77"));
        assertThat(runtime.isImagePresent("nginx")).isFalse();

        runtime.pullImage("nginx");

        assertThat(runtime.isImagePresent("nginx:latest")).isTrue();
        String infra = runtime.createAndStart(ContainerConfig.builder("nginx").label(TEST_LABEL, testRun).build());
        assertThat(runtime.podIp(infra)).hasValueSatisfying(ip -> assertThat(ip).startsWith("10.77."));
    }
}
