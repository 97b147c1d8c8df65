package io.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.kubelet.KubeletConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KubeletCommandTest {
    private static KubeletCommand parse(String... args) {
        KubeletCommand cmd = new KubeletCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test
    void flagsBecomeTheKubeletConfig() {
        KubeletConfig c = parse("--node-name", "Worker-1", "--root-dir", "/tmp/k", "--pod-infra-image", "pause:3",
                "--pod-infra-command", "sleep  99", "--manifest-dir", "/etc/skiff/manifests", "--port", "0",
                "--address", "0.0.0.0", "--node-status-update-frequency", "1m30s", "--sync-frequency", "500ms",
                "--runtime", "simulated").config();
        assertThat(c.nodeName()).isEqualTo("worker-1");
        assertThat(c.rootDir()).isEqualTo(Path.of("/tmp/k"));
        assertThat(c.podInfraImage()).isEqualTo("pause:3");
        assertThat(c.podInfraCommand()).containsExactly("sleep", "99");
        assertThat(c.manifestDir()).isEqualTo(Path.of("/etc/skiff/manifests"));
        assertThat(c.port()).isZero();
        assertThat(c.address()).isEqualTo("0.0.0.0");
        assertThat(c.nodeStatusUpdateFrequency()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.syncFrequency()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        KubeletCommand cmd = parse("--node-name", "n1");
        KubeletConfig c = cmd.config();
        if (System.getenv("SKIFF_KUBELET_ROOT_DIR") == null) {
            assertThat(c.rootDir()).isEqualTo(Path.of("/var/lib/skiff/kubelet"));
        }
        assertThat(c.port()).isEqualTo(10250);
        assertThat(c.address()).isEqualTo("127.0.0.1");
        assertThat(c.podInfraCommand()).isEqualTo(List.of("sleep", "infinity"));
        assertThat(c.syncFrequency()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.nodeStatusUpdateFrequency()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.maxPods()).isEqualTo(110);
        assertThat(cmd.runtime).isEqualTo(KubeletCommand.RuntimeKind.docker);
    }

    @Test
    void badValuesAreClearErrors() {
        assertThatThrownBy(() -> parse("--sync-frequency", "soon")).hasMessageContaining("invalid duration \"soon\"");
        assertThatThrownBy(() -> parse("--runtime", "podman")).hasMessageContaining("podman");
        assertThatThrownBy(() -> parse("--node-name", "Not A Name").config())
                .hasMessageContaining("must be a lowercase DNS subdomain");
    }
}
