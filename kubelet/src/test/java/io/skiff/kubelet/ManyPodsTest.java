package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.isRunning;
import static io.skiff.kubelet.testing.TestPods.pod;
import static io.skiff.kubelet.testing.TestPods.shell;
import static io.skiff.kubelet.testing.TestPods.uniqueName;
import static io.skiff.kubelet.testing.TestPods.withImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.testing.StalledRegistry;
import io.skiff.kubelet.testing.TestKubelet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pods do not wait for each other: 30 at once all run while one hangs in an image pull. */
class ManyPodsTest {
    private static final Logger log = LoggerFactory.getLogger(ManyPodsTest.class);

    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    @Test
    void thirtyPodsStartedAtOnceAllRunWhileOneIsStuckPulling() {
        String prefix = uniqueName("many");
        // A registry where the pull hangs in its manifest fetch, which the engine waits on without a
        // deadline: if the stuck pod's pull held up any other pod's worker, the 30 would not all run.
        Duration hang = Duration.ofMinutes(10);
        try (StalledRegistry registry = StalledRegistry.start(hang);
             TestKubelet k = TestKubelet.start(api, UnaryOperator.identity(), hang)) {
            Container stuck = withImage(shell("c", "true"), registry.image("skiff-test/stuck:1"))
                    .withImagePullPolicy(Container.PULL_IF_NOT_PRESENT);
            k.create(pod(prefix + "-stuck", stuck));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> registry.manifestRequestsHeld() == 1);

            long start = System.nanoTime();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                names.add(prefix + "-" + i);
                k.create(pod(prefix + "-" + i, shell("c", "sleep 3600")));
            }
            Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250)).until(() ->
                    k.client().pods("default").list().items().stream()
                            .filter(p -> names.contains(p.name())).filter(p -> isRunning(p)).count() == 30);
            long seconds = Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000;
            log.info("30 pods Running {}s after creation, while one pod hangs pulling", seconds);

            Pod hung = k.get(prefix + "-stuck");
            assertThat(hung.status().phase()).isEqualTo("Pending");
            assertThat(hung.status().containerStatuses()).as("its worker is still in the pull").singleElement()
                    .satisfies(s -> {
                        assertThat(s.state().running()).isNull();
                        assertThat(s.state().waiting().reason()).isEqualTo("ContainerCreating");
                    });
            assertThat(registry.manifestRequests()).as("one pull, never given up and retried").isEqualTo(1);
            assertThat(registry.manifestRequestsHeld()).isEqualTo(1);
            assertThat(k.allContainers()).filteredOn(rc -> rc.isRunning()).hasSize(61); // 30 pods of two, and the stuck pod's infra
            assertThat(k.kubelet().metrics().podStartDuration.count()).isEqualTo(30);

            // Deleting the stuck pod does not wait for its pull: the worker's sync is interrupted.
            long deleteStart = System.nanoTime();
            k.client().pods("default").delete(prefix + "-stuck", GracefulDeletionTest.grace(5));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    k.client().pods("default").find(prefix + "-stuck").isEmpty());
            log.info("stuck pod deleted in {}ms", (System.nanoTime() - deleteStart) / 1_000_000);
            assertThat(k.containers(hung)).isEmpty();
            // The kubelet dropped its pull and started no other. Docker (20.10) does not pass the cancel
            // on to the registry: its manifest fetch stays open until the registry hangs up, at its close.
            assertThat(registry.manifestRequests()).isEqualTo(1);
        }
    }
}
