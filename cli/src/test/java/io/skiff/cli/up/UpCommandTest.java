package io.skiff.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.cli.testing.CliRunner;
import io.skiff.testing.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Every bad etcd combination is ApiServerCommandTest's (the flags are one mixin); here, what up does with one. */
    static Stream<Arguments> refusedFlags() {
        String range = "--service-node-port-range";
        return Stream.of(
                Arguments.of(List.of(range, "32767-30000"),
                        "--service-node-port-range is a port range like 30000-32767, got 32767-30000"),
                Arguments.of(List.of(range, "30000"),
                        "--service-node-port-range is a port range like 30000-32767, got 30000"),
                Arguments.of(List.of("--etcd-cafile", "ca.crt"),
                        "--etcd-cafile, --etcd-certfile and --etcd-keyfile need --etcd-servers"),
                Arguments.of(List.of("--etcd-servers", "https://127.0.0.1:2379", "--etcd-cafile", "ca.crt",
                        "--etcd-certfile", "client.crt", "--etcd-keyfile", "missing.key"),
                        "cannot read the etcd TLS file missing.key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFlags")
    void badStorageAndRangeFlagsAreOneLineErrorsBeforeAnythingIsWritten(List<String> flags, String message)
            throws Exception {
        Path pem = Files.createDirectories(home.resolve("pem"));
        Files.writeString(pem.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n");
        Files.writeString(pem.resolve("client.crt"), "-----BEGIN CERTIFICATE-----\n");
        List<String> args = new ArrayList<>(List.of("up", "--logtostderr", "--no-kubelet", "--port", "0"));
        for (String f : flags) {
            args.add(f.endsWith(".crt") || f.endsWith(".key") ? pem.resolve(f).toString() : f);
        }
        CliRunner.Result r = cli().run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + message.replace("missing.key", pem.resolve("missing.key").toString())
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(home.resolve(".skiff"))).as("nothing written").isFalse();
    }

    @Test
    void theEtcdTlsFilesReachTheStorageItOpens() throws Exception {
        // A real CA and client certificate with a key that is no key: only the storage, loading
        // the files to talk TLS to etcd, finds that out, and it does before connecting anywhere
        // (port 1: nothing of the shared etcd's is touched should it ever try).
        SelfSignedCertificate cert = SelfSignedCertificate.create(home, "client");
        Path notAKey = Files.writeString(home.resolve("client.key"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n"
                + "-----END PRIVATE KEY-----\n");
        CliRunner.Result r = cli().run("up", "--logtostderr", "--no-kubelet", "--port", "0",
                "--etcd-servers", "https://127.0.0.1:1", "--etcd-cafile", cert.certFile().toString(),
                "--etcd-certfile", cert.certFile().toString(), "--etcd-keyfile", notAKey.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("skiff up: cannot load the etcd TLS files: ").contains(notAKey.toString())
                .hasLineCount(1);
        assertThat(Files.exists(home.resolve(".skiff"))).as("nothing written").isFalse();
    }

    @Test
    void helpListsTheEtcdAndNodePortFlagsAsSkiffApiserverHasThem() {
        CliRunner.Result r = cli().run("up", "--help");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).as("help, unwrapped").contains(
                "--etcd-servers=URLS", "--etcd-cafile=FILE", "(env SKIFF_ETCD_CAFILE)",
                "--etcd-certfile=FILE", "(env SKIFF_ETCD_CERTFILE)", "--etcd-keyfile=FILE", "(env SKIFF_ETCD_KEYFILE)",
                "--service-node-port-range=RANGE", "default: 30000-32767", "env SKIFF_SERVICE_NODE_PORT_RANGE");
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
