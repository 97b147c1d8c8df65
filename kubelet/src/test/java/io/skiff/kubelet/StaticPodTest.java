package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.isRunning;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.config.MirrorPods;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.testing.KubeletHttp;
import io.skiff.kubelet.testing.TestKubelet;
import io.skiff.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Static pods from --manifest-dir: run from the file, mirrored into the apiserver, following the file. */
class StaticPodTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    private static String manifest(String message) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: static-web
                  labels: {tier: node}
                spec:
                  terminationGracePeriodSeconds: 1
                  containers:
                  - name: c
                    image: %s
                    imagePullPolicy: Never
                    command: ["sh", "-c", "echo %s; sleep 3600"]
                """.formatted(TestEnvironment.busyboxImage(), message);
    }

    @Test
    void aManifestRunsIsMirroredAndFollowsItsFile(@TempDir Path manifests) throws Exception {
        try (TestKubelet k = TestKubelet.start(api, c -> c.withManifestDir(manifests))) {
            String name = "static-web-" + k.nodeName();
            Files.writeString(manifests.resolve("web.yaml"), manifest("first"));
            Files.writeString(manifests.resolve("broken.yaml"), "apiVersion: v1\nkind: Pod\nspec: [not, a, spec]\n");

            Pod mirror = k.await(name, Duration.ofSeconds(40), p -> isRunning(p));
            assertThat(mirror.metadata().annotations()).containsKey(MirrorPods.CONFIG_MIRROR);
            assertThat(mirror.metadata().labels()).containsEntry("tier", "node");
            assertThat(mirror.spec().nodeName()).isEqualTo(k.nodeName());
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(KubeletHttp.logs(k, name, "c")).contains("first"));
            String firstUid = mirror.metadata().annotations().get(MirrorPods.CONFIG_MIRROR);

            // A deleted mirror comes back; the static pod's container never stopped.
            String containerId = mirror.status().containerStatuses().get(0).containerID();
            k.client().pods("default").delete(name, GracefulDeletionTest.grace(0));
            Pod again = k.await(name, Duration.ofSeconds(20), p -> isRunning(p)
                    && !p.metadata().uid().equals(mirror.metadata().uid()));
            assertThat(again.status().containerStatuses().get(0).containerID()).isEqualTo(containerId);

            // A changed file is a new pod: the old one's containers go, the new one runs.
            Files.writeString(manifests.resolve("web.yaml"), manifest("second"));
            Pod changed = k.await(name, Duration.ofSeconds(40), p -> isRunning(p)
                    && !firstUid.equals(p.metadata().annotations().get(MirrorPods.CONFIG_MIRROR)));
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<RuntimeContainer> all = k.allContainers();
                assertThat(all).allMatch(rc -> rc.label(ContainerLabels.POD_UID)
                        .equals(changed.metadata().annotations().get(MirrorPods.CONFIG_MIRROR)));
                assertThat(KubeletHttp.logs(k, name, "c")).contains("second");
            });

            // A removed file: containers and mirror gone.
            Files.delete(manifests.resolve("web.yaml"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    k.allContainers().isEmpty() && k.client().pods("default").find(name).isEmpty());
            assertThat(k.client().pods("default").list().items()).extracting(Pod::name)
                    .noneMatch(n -> n.startsWith("broken"));
        }
    }
}
