package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.isRunning;
import static io.skiff.kubelet.testing.TestPods.pod;
import static io.skiff.kubelet.testing.TestPods.shell;
import static io.skiff.kubelet.testing.TestPods.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.api.core.Volume;
import io.skiff.api.core.VolumeMount;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.testing.TestKubelet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.CsvSource;

/** Deleting a pod: SIGTERM, SIGKILL after the grace period, then containers, volumes and the pod object go. */
class GracefulDeletionTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    @ParameterizedTest(name = "{0}: gone within {1}s")
    @CsvSource({
            // sh as pid 1 ignores SIGTERM: only the SIGKILL after the grace period stops it.
            "'while true; do sleep 1; done', 3, 3",
            // A process that handles SIGTERM exits at once, well inside its grace period.
            "'trap \"exit 0\" TERM; while true; do sleep 0.2; done', 20, 0",
    })
    void aDeletedPodsContainersAndVolumesAreGoneWithinTheGracePeriod(String script, long grace, long atLeast) {
        String name = uniqueName("delete");
        VolumeMount mount = new VolumeMount("scratch", null, "/scratch", null);
        Pod pod = pod(name, shell("c", "echo data > /scratch/f; " + script).withVolumeMounts(List.of(mount)));
        pod = pod.withSpec(pod.spec().withVolumes(List.of(Volume.emptyDir("scratch")))
                .withTerminationGracePeriodSeconds(grace));
        try (TestKubelet k = TestKubelet.start(api)) {
            Pod created = k.create(pod);
            k.await(name, Duration.ofSeconds(40), p -> isRunning(p));
            Path volume = k.config().podDir(created.metadata().uid());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    Files.exists(volume.resolve("volumes/kubernetes.io~empty-dir/scratch/f")));

            long start = System.nanoTime();
            Pod deleting = k.client().pods("default").delete(name, null).orElseThrow();
            assertThat(deleting.metadata().deletionTimestamp()).isNotNull();
            assertThat(deleting.metadata().deletionGracePeriodSeconds()).isEqualTo(grace);

            // The kubelet deletes the pod object (grace 0) once its containers are stopped.
            Awaitility.await().atMost(Duration.ofSeconds(grace + 15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> k.client().pods("default").find(name).isEmpty());
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertThat(k.containers(created)).isEmpty();
            assertThat(volume).doesNotExist();
            assertThat(seconds).as("seconds until the pod was gone").isGreaterThanOrEqualTo(atLeast)
                    .isLessThanOrEqualTo(grace + 10);
        }
    }

    static DeleteOptions grace(long seconds) {
        return new DeleteOptions(seconds, null, null, null, null);
    }
}
