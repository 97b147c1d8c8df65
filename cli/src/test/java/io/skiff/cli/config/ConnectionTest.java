package io.skiff.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where the CLI sends requests: flags, then environment, then ~/.skiff/config, then the default. */
class ConnectionTest {
    @TempDir
    Path home;

    static final Connection.Flags NO_FLAGS = new Connection.Flags(null, null, null, false, null, null);

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("nothing at all", null, Map.of(), null, "http://localhost:8080"),
                Arguments.of("the config file", null, Map.of(), "http://10.0.0.1:8080", "http://10.0.0.1:8080"),
                Arguments.of("KUBERNETES_MASTER over the file", null, Map.of("KUBERNETES_MASTER", "http://m:1"),
                        "http://10.0.0.1:8080", "http://m:1"),
                Arguments.of("SKIFF_SERVER over KUBERNETES_MASTER", null,
                        Map.of("SKIFF_SERVER", "http://s:2", "KUBERNETES_MASTER", "http://m:1"), null, "http://s:2"),
                Arguments.of("--server over everything", "127.0.0.1:9999",
                        Map.of("SKIFF_SERVER", "http://s:2"), "http://10.0.0.1:8080", "http://127.0.0.1:9999"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void picksTheServerInOrder(String what, String flag, Map<String, String> env, String configServer, String expected)
            throws Exception {
        if (configServer != null) {
            CliConfig.forServer(configServer).save(CliConfig.path(Map.of(), home));
        }
        Connection c = Connection.resolve(new Connection.Flags(flag, null, null, false, null, null), env, home);
        assertThat(c.client().server().toString()).isEqualTo(expected);
    }

    @Test
    void theConfigFilesTokenGoesOnlyToItsOwnServer() throws Exception {
        CliConfig.forServer("https://10.0.0.1:6443").withToken("secret").withCertificateAuthority("ca.crt")
                .withNamespace("team").save(CliConfig.path(Map.of(), home));
        Connection own = Connection.resolve(NO_FLAGS, Map.of(), home);
        assertThat(own.client().bearerToken()).isEqualTo("secret");
        assertThat(own.client().caFile()).isEqualTo(home.resolve(".skiff").resolve("ca.crt"));
        assertThat(own.namespace()).isEqualTo("team");

        Connection other = Connection.resolve(NO_FLAGS, Map.of("SKIFF_SERVER", "http://127.0.0.1:8080"), home);
        assertThat(other.client().bearerToken()).isNull();
        assertThat(other.client().caFile()).isNull();

        Connection flagged = Connection.resolve(new Connection.Flags(null, "mine", null, false, "ns1",
                Duration.ofSeconds(5)), Map.of(), home);
        assertThat(flagged.client().bearerToken()).isEqualTo("mine");
        assertThat(flagged.namespace()).isEqualTo("ns1");
        assertThat(flagged.client().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void skiffConfigNamesAnotherFile() throws Exception {
        Path elsewhere = home.resolve("elsewhere.yaml");
        CliConfig.forServer("http://127.0.0.2:8080").save(elsewhere);
        Map<String, String> env = new HashMap<>();
        env.put(CliConfig.ENV_CONFIG, elsewhere.toString());
        assertThat(Connection.resolve(NO_FLAGS, env, home).client().server().toString())
                .isEqualTo("http://127.0.0.2:8080");
    }

    @Test
    void savesAFileOnlyItsOwnerCanReadAndLoadsItBack() throws Exception {
        Path file = CliConfig.path(Map.of(), home);
        CliConfig config = CliConfig.forServer("http://127.0.0.1:8080").withToken("t0k3n").withInsecureSkipTlsVerify(true);
        config.save(file);
        assertThat(CliConfig.load(file)).contains(config);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("server: http://127.0.0.1:8080").contains("token: t0k3n")
                .contains("insecure-skip-tls-verify: true");
        assertThat(config.toString()).doesNotContain("t0k3n");
        assertThat(CliConfig.load(home.resolve("missing"))).isEmpty();
        Path documentOnly = home.resolve("document-only");
        Files.writeString(documentOnly, "---\n");
        assertThat(CliConfig.load(documentOnly)).contains(new CliConfig(null, null, null, null, null));
    }

    @Test
    void aBadFileIsAClearErrorNamingIt() throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, "sever: http://x\n");
        assertThatThrownBy(() -> CliConfig.load(file)).isInstanceOf(CliConfigException.class)
                .hasMessage("the config file " + file + " has an unknown key \"sever\" (known: server, token,"
                        + " certificate-authority, insecure-skip-tls-verify, namespace)");
        Files.writeString(file, "server: [unclosed\n");
        assertThatThrownBy(() -> CliConfig.load(file)).isInstanceOf(CliConfigException.class)
                .hasMessageStartingWith("the config file " + file + " is not valid: ");
        Files.writeString(file, "server: ftp://x\n");
        assertThatThrownBy(() -> Connection.resolve(new Connection.Flags(null, null, null, false, null, null),
                Map.of(CliConfig.ENV_CONFIG, file.toString()), home))
                .isInstanceOf(CliConfigException.class)
                .hasMessageContaining("server must be an http:// or https:// URL").hasMessageContaining(file.toString());
    }
}
