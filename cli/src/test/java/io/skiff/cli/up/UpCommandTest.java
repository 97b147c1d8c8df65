package io.skiff.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.cli.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff up} refusing to start: one clear message, exit code 1, nothing left behind. */
class UpCommandTest {
    @TempDir
    Path home;

    CliRunner cli() {
        return CliRunner.against(null, home);
    }

    @Test
    void aNodeNameKubernetesWouldRefuseIsRefusedBeforeAnythingStarts() {
        CliRunner.Result r = cli().run("up", "--logtostderr", "--node-name", "Bad_Name", "--port", "0",
                "--kubelet-port", "0");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("error: node name \"bad_name\" must be a lowercase DNS subdomain");
        assertThat(Files.exists(home.resolve(".skiff"))).isFalse();
    }

    @Test
    void withoutADockerEngineItSaysWhatToDo() {
        Path socket = home.resolve("docker.sock");
        CliRunner.Result r = cli().run("up", "--logtostderr", "--docker-host", "unix://" + socket, "--port", "0",
                "--kubelet-port", "0", "--node-name", "up-cmd-test");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).startsWith("skiff up: a cluster on this machine, state in " + home.resolve(".skiff"));
        assertThat(r.err()).startsWith("skiff up: no Docker engine answers at unix://" + socket)
                .contains("apt-get install docker.io").contains("--docker-host").contains("skiff up --no-kubelet");
        assertThat(Files.exists(home.resolve(".skiff/skiff.db"))).as("no storage opened").isFalse();
        assertThat(Files.exists(home.resolve(".skiff/config"))).as("no config written").isFalse();
    }
}
