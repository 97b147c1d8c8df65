package io.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.storage.StorageOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The storage flags of {@code skiff apiserver} as the {@link StorageOptions} the storage is opened with,
 * and its node port range as checked before anything opens.
 */
class ApiServerCommandTest {
    @TempDir
    static Path dir;

    private static StorageOptions storageOptions(String... args) {
        ApiServerCommand cmd = new ApiServerCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.storageOptions();
    }

    private static Path file(String name) throws Exception {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            Files.writeString(f, "-----BEGIN CERTIFICATE-----\n");
        }
        return f;
    }

    @Test
    void etcdTlsFlagsReachTheStorageOptions() throws Exception {
        StorageOptions o = storageOptions("--etcd-servers", "https://etcd-1:2379,https://etcd-2",
                "--etcd-cafile", file("ca.crt").toString(), "--etcd-certfile", file("apiserver-etcd.crt").toString(),
                "--etcd-keyfile", file("apiserver-etcd.key").toString(), "--request-timeout", "30s");
        assertThat(o.etcdServers()).containsExactly(URI.create("https://etcd-1:2379"), URI.create("https://etcd-2:2379"));
        assertThat(o.etcdCaFile()).isEqualTo(file("ca.crt"));
        assertThat(o.etcdCertFile()).isEqualTo(file("apiserver-etcd.crt"));
        assertThat(o.etcdKeyFile()).isEqualTo(file("apiserver-etcd.key"));
        assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.dataDir()).isNull();
        assertThat(o).hasToString("etcd:[https://etcd-1:2379, https://etcd-2:2379] (TLS)");
    }

    @Test
    void aCaAloneIsServerVerificationWithoutAClientCertificate() throws Exception {
        StorageOptions o = storageOptions("--etcd-servers", "https://etcd:2379", "--etcd-cafile", file("ca.crt").toString());
        assertThat(o.etcdCaFile()).isEqualTo(file("ca.crt"));
        assertThat(o.etcdCertFile()).isNull();
        assertThat(o.etcdKeyFile()).isNull();
    }

    @Test
    void withoutEtcdServersTheEmbeddedStore() {
        StorageOptions o = storageOptions("--data-dir", dir.resolve("data").toString());
        assertThat(o.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(o.etcdServers()).isEmpty();
        assertThat(o.etcdCaFile()).isNull();
    }

    @Test
    void theRangeRepairIntervalIsAFlagWithKubernetesDefault() {
        ApiServerCommand defaults = new ApiServerCommand();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.rangeRepairInterval).isEqualTo(Duration.ofMinutes(3));
        ApiServerCommand set = new ApiServerCommand();
        new CommandLine(set).parseArgs("--range-repair-interval", "90s");
        assertThat(set.rangeRepairInterval).isEqualTo(Duration.ofSeconds(90));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("nodePortRanges")
    void theNodePortRangeIsCheckedBeforeTheStorageOpens(List<String> args, String rangeOrError) {
        ApiServerCommand cmd = new ApiServerCommand();
        new CommandLine(cmd).parseArgs(args.toArray(String[]::new));
        if (rangeOrError.startsWith("--")) {
            assertThatThrownBy(cmd.serviceNodePortRange::checked)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(rangeOrError);
        } else {
            assertThat(cmd.serviceNodePortRange.checked()).isEqualTo(rangeOrError);
        }
    }

    static Stream<Arguments> nodePortRanges() {
        String bad = "--service-node-port-range is a port range like 30000-32767, got ";
        return Stream.of(
                Arguments.of(List.of(), "30000-32767"),
                Arguments.of(List.of("--service-node-port-range", "31000-31001"), "31000-31001"),
                Arguments.of(List.of("--service-node-port-range", "31000-30000"), bad + "31000-30000"),
                Arguments.of(List.of("--service-node-port-range", "0-10"), bad + "0-10"),
                Arguments.of(List.of("--service-node-port-range", "a-b"), bad + "a-b"));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(List.of("--etcd-cafile", "ca.crt"), "need --etcd-servers"),
                Arguments.of(List.of("--etcd-servers", "https://e:2379", "--etcd-certfile", "c.crt"),
                        "an etcd client certificate needs its key"),
                Arguments.of(List.of("--etcd-servers", "https://e:2379", "--etcd-keyfile", "c.key"),
                        "an etcd client certificate needs its key"),
                Arguments.of(List.of("--etcd-servers", "http://e:2379", "--etcd-cafile", "ca.crt"),
                        "etcd TLS options need https:// servers"),
                Arguments.of(List.of("--etcd-servers", "https://e:2379", "--etcd-cafile", "missing.crt"),
                        "cannot read the etcd TLS file"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("refused")
    void badCombinationsAreClearErrors(List<String> args, String message) throws Exception {
        file("ca.crt");
        file("c.crt");
        file("c.key");
        List<String> resolved = new ArrayList<>();
        for (String a : args) {
            resolved.add(a.endsWith(".crt") || a.endsWith(".key") ? dir.resolve(a).toString() : a);
        }
        assertThatThrownBy(() -> storageOptions(resolved.toArray(String[]::new)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
