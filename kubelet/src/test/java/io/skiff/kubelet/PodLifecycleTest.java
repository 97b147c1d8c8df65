package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.freePort;
import static io.skiff.kubelet.testing.TestPods.isReady;
import static io.skiff.kubelet.testing.TestPods.isRunning;
import static io.skiff.kubelet.testing.TestPods.pod;
import static io.skiff.kubelet.testing.TestPods.shell;
import static io.skiff.kubelet.testing.TestPods.uniqueName;
import static io.skiff.kubelet.testing.TestPods.withImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Volume;
import io.skiff.api.core.VolumeMount;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.testing.KubeletHttp;
import io.skiff.kubelet.testing.TestKubelet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pods on the real Docker engine: shared network, host ports, volumes, spec changes. */
class PodLifecycleTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    private static final String HTTPD = "mkdir -p /www && echo hello-from-httpd > /www/index.html"
            + " && exec httpd -f -p 8080 -h /www";

    @Test
    void twoContainersShareTheInfraNetworkAndTheHostPortIsReachable() {
        int hostPort = freePort();
        String name = uniqueName("web");
        Container web = shell("web", HTTPD).withPorts(List.of(
                new ContainerPort("http", hostPort, 8080, "TCP", "127.0.0.1")));
        Container client = shell("client",
                "while true; do wget -q -O - http://localhost:8080/index.html; sleep 0.5; done");
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name, web, client));

            Pod running = k.await(name, Duration.ofSeconds(30), p -> isRunning(p) && isReady(p));
            assertThat(running.status().podIP()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            assertThat(running.status().hostIP()).isEqualTo("127.0.0.1");
            assertThat(running.status().containerStatuses()).extracting(s -> s.state().running() != null)
                    .containsExactly(true, true);
            // The second container reaches the first over localhost: one network namespace.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(KubeletHttp.logs(k, name, "client")).contains("hello-from-httpd"));
            // The host port, published by the infra container, reaches the web container.
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(KubeletHttp.get("http://127.0.0.1:" + hostPort + "/index.html").body())
                            .contains("hello-from-httpd"));

            List<RuntimeContainer> containers = k.containers(running);
            assertThat(containers).hasSize(3).allMatch(RuntimeContainer::isRunning);
            assertThat(containers).filteredOn(ContainerLabels::isInfra).hasSize(1);
        }
    }

    @Test
    void anEmptyDirIsSharedBetweenContainersAndLivesUnderTheRootDir() {
        String name = uniqueName("share");
        VolumeMount mount = new VolumeMount("data", null, "/data", null);
        Pod pod = pod(name,
                shell("writer", "echo shared-$HOSTNAME > /data/msg; sleep 3600").withVolumeMounts(List.of(mount)),
                shell("reader", "while true; do cat /data/msg 2>/dev/null; sleep 0.5; done").withVolumeMounts(List.of(mount)));
        pod = pod.withSpec(pod.spec().withVolumes(List.of(Volume.emptyDir("data"))));
        try (TestKubelet k = TestKubelet.start(api)) {
            Pod created = k.create(pod);
            k.await(name, Duration.ofSeconds(30), p -> isRunning(p));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(KubeletHttp.logs(k, name, "reader")).contains("shared-" + name));
            Path onHost = k.config().podDir(created.metadata().uid())
                    .resolve("volumes/kubernetes.io~empty-dir/data/msg");
            assertThat(onHost).hasContent("shared-" + name);
        }
    }

    @Test
    void aHostPathIsMountedAndReadOnlyIsHonoured(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("greeting"), "from-the-host");
        String name = uniqueName("hostpath");
        Pod pod = pod(name, shell("c", "cat /host/greeting; echo; touch /host/new 2>&1 || echo write-refused; sleep 3600")
                .withVolumeMounts(List.of(new VolumeMount("host", true, "/host", null))));
        pod = pod.withSpec(pod.spec().withVolumes(List.of(Volume.hostPath("host", dir.toString()))));
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod);
            k.await(name, Duration.ofSeconds(30), p -> isRunning(p));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(KubeletHttp.logs(k, name, "c")).contains("from-the-host").contains("write-refused"));
            assertThat(dir.resolve("new")).doesNotExist();
        }
    }

    @Test
    void aContainerWhoseSpecChangesIsReplaced() {
        String name = uniqueName("change");
        Container c = shell("c", "sleep 3600");
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name, c));
            Pod running = k.await(name, Duration.ofSeconds(30), p -> isRunning(p));
            String before = running.status().containerStatuses().get(0).containerID();

            // The same local image under its fully qualified name: another spec, nothing to pull.
            String image = c.image().contains("/") ? "docker.io/" + c.image() : "docker.io/library/" + c.image();
            k.client().pods("default").updateWithRetry(name, p -> p.withSpec(p.spec().withContainers(
                    List.of(withImage(p.spec().containers().get(0), image)))));

            Pod replaced = k.await(name, Duration.ofSeconds(30), p -> isRunning(p)
                    && p.status().containerStatuses().get(0).containerID() != null
                    && !p.status().containerStatuses().get(0).containerID().equals(before)
                    && p.status().containerStatuses().get(0).state().running() != null);
            assertThat(replaced.status().containerStatuses().get(0).image()).isEqualTo(image);
            assertThat(replaced.status().containerStatuses().get(0).restartCount()).isEqualTo(1);
            assertThat(k.containers(replaced)).filteredOn(RuntimeContainer::isRunning).hasSize(2);
        }
    }
}
