package io.skiff.kubelet.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.skiff.kubelet.runtime.ContainerConfig.PortBinding;
import io.skiff.kubelet.runtime.ContainerConfig.Protocol;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ContainerConfigTest {

    @Test
    void invalidConfigsAreRefusedWithAMessageNamingTheProblem() {
        record Case(String name, Supplier<Object> build, String message) {}
        List<Case> cases = List.of(
                new Case("no image", () -> ContainerConfig.builder(" ").build(), "image must not be empty"),
                new Case("bad name", () -> ContainerConfig.builder("busybox").name("/slash").build(), "container name /slash"),
                new Case("one-letter name", () -> ContainerConfig.builder("busybox").name("a").build(), "container name a"),
                new Case("negative cpu", () -> ContainerConfig.builder("busybox").cpuMillis(-1).build(), "must not be negative"),
                new Case("port 0", () -> new PortBinding(0, Protocol.TCP, null, 80), "containerPort must be between 1 and 65535"),
                new Case("host port too big", () -> new PortBinding(80, Protocol.TCP, null, 70000), "hostPort must be between"),
                new Case("relative mount", () -> ContainerConfig.builder("busybox").mount("data", "/data", false).build(),
                        "host path must be absolute"),
                new Case("env name with =", () -> ContainerConfig.builder("busybox").env("A=B", "c").build(), "without '='"),
                new Case("ports in a joined netns", () -> ContainerConfig.builder("busybox").name("app").joinNetworkOf("infra")
                        .port(new PortBinding(80, Protocol.TCP, null, 8080)).build(), "put them on the infra container"),
                new Case("hostname in a joined netns", () -> ContainerConfig.builder("busybox").joinNetworkOf("infra")
                        .hostname("web").build(), "its hostname is that container's"),
                new Case("null label value", () -> new ContainerConfig(null, "busybox", null, null, null, null,
                        java.util.Collections.singletonMap("k", null), null, null, null, 0, 0, null, null), "values non-null"));
        for (Case k : cases) {
            assertThatIllegalArgumentException().as(k.name())
                    .isThrownBy(k.build()::get)
                    .withMessageContaining(k.message());
        }
    }

    @Test
    void builderKeepsOrderAndDefaults() {
        ContainerConfig config = ContainerConfig.builder("busybox")
                .env("B", "2").env("A", "1").env("B", "3")
                .label("z", "1").label("a", "2")
                .port(new PortBinding(8080, null, "", 18080))
                .joinNetworkOf("abc").networkMode(null)
                .build();

        assertThat(config.env()).extracting(ContainerConfig.EnvVar::name).containsExactly("B", "A", "B");
        assertThat(config.labels().keySet()).containsExactly("z", "a");
        assertThat(config.ports().get(0).protocol()).isEqualTo(Protocol.TCP);
        assertThat(config.ports().get(0).hostIp()).isNull();
        assertThat(config.command()).isEmpty();
        assertThat(config.joinsNetworkOf()).isNull();
        assertThat(ContainerConfig.builder("busybox").joinNetworkOf("abc").build().joinsNetworkOf()).isEqualTo("abc");
    }

    @Test
    void imageReferencesWithoutTagMeanLatest() {
        Map<String, String> cases = Map.of(
                "busybox", "busybox:latest",
                "busybox:1.36", "busybox:1.36",
                "library/busybox", "library/busybox:latest",
                "localhost:5000/team/app", "localhost:5000/team/app:latest",
                "localhost:5000/team/app:v2", "localhost:5000/team/app:v2",
                "busybox@sha256:abc", "busybox@sha256:abc");
        cases.forEach((image, expected) -> assertThat(ImageReference.withDefaultTag(image)).as(image).isEqualTo(expected));
    }

    @Test
    void labelsOfAPodsContainersRoundTrip() {
        Map<String, String> pod = ContainerLabels.pod("node-1", "default", "web", "uid-1");
        Map<String, String> infra = ContainerLabels.container(pod, ContainerLabels.INFRA_CONTAINER_NAME, "h0", 0);
        Map<String, String> app = ContainerLabels.container(pod, "app", "h1", 4);
        RuntimeContainer appContainer = new RuntimeContainer("id", "n", "i", "sha256:x", app, ContainerState.RUNNING,
                null, null, null, null, false, null);
        RuntimeContainer infraContainer = new RuntimeContainer("id", "n", "i", "sha256:x", infra, ContainerState.RUNNING,
                null, null, null, null, false, null);

        assertThat(ContainerLabels.isInfra(infraContainer)).isTrue();
        assertThat(ContainerLabels.isInfra(appContainer)).isFalse();
        assertThat(ContainerLabels.restartCount(appContainer)).isEqualTo(4);
        assertThat(appContainer.label(ContainerLabels.POD_UID)).isEqualTo("uid-1");
        assertThat(appContainer.label(ContainerLabels.NODE)).isEqualTo("node-1");
    }
}
