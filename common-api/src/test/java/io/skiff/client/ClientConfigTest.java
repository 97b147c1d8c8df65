package io.skiff.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientConfigTest {

    static Stream<Arguments> resolutionOrder() {
        String flag = "http://flag:1";
        String skiff = "http://skiff-env:2";
        String master = "http://master-env:3";
        return Stream.of(
                Arguments.of(flag, skiff, master, flag),
                Arguments.of(null, skiff, master, skiff),
                Arguments.of(null, null, master, master),
                Arguments.of(null, null, null, "http://localhost:8080"),
                Arguments.of(flag, null, null, flag),
                Arguments.of(null, "", master, master),         // blank is unset
                Arguments.of("  ", "  ", null, "http://localhost:8080"),
                Arguments.of(null, null, "10.0.0.1:8080", "10.0.0.1:8080"));
    }

    @ParameterizedTest(name = "--server={0} SKIFF_SERVER={1} KUBERNETES_MASTER={2} -> {3}")
    @MethodSource
    void resolutionOrder(String flag, String skiffServer, String kubernetesMaster, String expected) {
        Map<String, String> env = new HashMap<>();
        if (skiffServer != null) env.put("SKIFF_SERVER", skiffServer);
        if (kubernetesMaster != null) env.put("KUBERNETES_MASTER", kubernetesMaster);
        assertThat(ClientConfig.resolveServer(flag, env)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1:8080", "10.0.0.1:8080", "http://10.0.0.1:8080/"})
    void hostPortAloneMeansHttpAndTrailingSlashIsDropped(String server) {
        ClientConfig c = ClientConfig.fromEnvironment(server, Map.of());
        assertThat(c.server().toString()).isEqualTo("http://10.0.0.1:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host:21", "http://"})
    void aServerThatIsNotAnHttpUrlIsRefused(String server) {
        assertThatThrownBy(() -> ClientConfig.forServer(server)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc123"})
    void tokenFromTheEnvironmentIsNeverPrinted(String token) {
        ClientConfig c = ClientConfig.fromEnvironment(null, Map.of("SKIFF_TOKEN", token));
        assertThat(c.bearerToken()).isEqualTo(token.isEmpty() ? null : token);
        assertThat(c.toString()).doesNotContain("abc123");
    }
}
