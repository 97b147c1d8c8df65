package io.skiff.kubelet.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EnvVar;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.core.VolumeMount;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.resource.Quantity;
import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerLabels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From a pod spec to what the engine is asked to create. */
class ContainerConfigsTest {
    private static final Container WEB = Container.of("web", "busybox:1")
            .withCommand(List.of("httpd")).withArgs(List.of("-f", "-p", "80"))
            .withEnv(List.of(new EnvVar("A", "1"), new EnvVar("B", null)))
            .withPorts(List.of(new ContainerPort("http", 8080, 80, "TCP", "127.0.0.1"), ContainerPort.of(81)))
            .withResources(new ResourceRequirements(Map.of("cpu", Quantity.parse("250m"), "memory", Quantity.parse("64Mi")), null))
            .withVolumeMounts(List.of(new VolumeMount("data", true, "/data", null), new VolumeMount("data", null, "/logs", "logs")));
    private static final Pod POD = new Pod(ObjectMeta.of("ns1", "web-1").withUid("u-1"),
            PodSpec.of(List.of(WEB, Container.of("side", "busybox:1").withPorts(List.of(
                    new ContainerPort(null, 5353, 53, "UDP", null))))), null);

    @Test
    void theInfraContainerOwnsTheHostPortsOfEveryContainer() {
        ContainerConfig infra = ContainerConfigs.infra("node-a", POD, "pause:1", List.of("sleep", "infinity"), 2);
        assertThat(infra.name()).isEqualTo("k8s_POD_web-1_ns1_u-1_2");
        assertThat(infra.command()).containsExactly("sleep", "infinity");
        assertThat(infra.ports()).containsExactly(
                new ContainerConfig.PortBinding(80, ContainerConfig.Protocol.TCP, "127.0.0.1", 8080),
                new ContainerConfig.PortBinding(53, ContainerConfig.Protocol.UDP, null, 5353));
        assertThat(infra.hostname()).isEqualTo("web-1");
        assertThat(infra.labels()).containsEntry(ContainerLabels.INFRA, "true")
                .containsEntry(ContainerLabels.POD_UID, "u-1").containsEntry(ContainerLabels.NODE, "node-a")
                .containsEntry(ContainerLabels.RESTART_COUNT, "2")
                .containsEntry(ContainerLabels.CONTAINER_HASH, ContainerConfigs.infraHash(POD, "pause:1", List.of("sleep", "infinity")));
    }

    @Test
    void anAppContainerJoinsTheInfraNetworkWithItsSpec() {
        Map<String, Path> volumes = Map.of("data", Path.of("/var/lib/k/pods/u-1/volumes/kubernetes.io~empty-dir/data"));
        ContainerConfig c = ContainerConfigs.app("node-a", POD, WEB, "abc", 3, "infra-id", volumes);
        assertThat(c.name()).isEqualTo("k8s_web_web-1_ns1_u-1_3");
        assertThat(c.networkMode()).isEqualTo("container:infra-id");
        assertThat(c.ports()).isEmpty();
        assertThat(c.command()).containsExactly("httpd");
        assertThat(c.args()).containsExactly("-f", "-p", "80");
        assertThat(c.env()).containsExactly(new ContainerConfig.EnvVar("A", "1"), new ContainerConfig.EnvVar("B", ""));
        assertThat(c.cpuMillis()).isEqualTo(250);
        assertThat(c.memoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(c.mounts()).containsExactly(
                new ContainerConfig.Mount("/var/lib/k/pods/u-1/volumes/kubernetes.io~empty-dir/data", "/data", true),
                new ContainerConfig.Mount("/var/lib/k/pods/u-1/volumes/kubernetes.io~empty-dir/data/logs", "/logs", false));
        assertThat(c.labels()).containsEntry(ContainerLabels.CONTAINER_NAME, "web")
                .containsEntry(ContainerLabels.CONTAINER_HASH, "abc").containsEntry(ContainerLabels.RESTART_COUNT, "3")
                .doesNotContainKey(ContainerLabels.INFRA);
    }

    @Test
    void aMountOfAnUnknownVolumeIsAClearError() {
        assertThatThrownBy(() -> ContainerConfigs.app("n", POD, WEB, "h", 0, "i", Map.of()))
                .hasMessage("container web mounts volume \"data\", which the pod does not have");
    }

    @Test
    void aHostNetworkPodPublishesNothingAndUsesTheHostNetwork() {
        Pod host = POD.withSpec(POD.spec().withHostNetwork(true));
        ContainerConfig infra = ContainerConfigs.infra("n", host, "pause:1", List.of(), 0);
        assertThat(infra.networkMode()).isEqualTo("host");
        assertThat(infra.ports()).isEmpty();
        assertThat(ContainerConfigs.infraHash(host, "pause:1", List.of()))
                .isNotEqualTo(ContainerConfigs.infraHash(POD, "pause:1", List.of()));
    }
}
