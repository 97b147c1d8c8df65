package io.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The secure port flags: defaults, and the combinations refused before anything listens. */
class SecureServingOptionsTest {
    static SecureServingOptions parse(String... args) {
        ApiServerCommand command = new ApiServerCommand();
        new CommandLine(command).parseArgs(args);
        return command.secure;
    }

    @Test
    void defaultsAreKubernetes() throws Exception {
        SecureServingOptions o = parse();
        assertThat(o.port).isEqualTo(6443);
        assertThat(o.bindAddress).isEqualTo("0.0.0.0");
        assertThat(o.install(null)).isEmpty(); // no certificate: only the insecure port
        SecureServingOptions flags = parse("--secure-port", "7443", "--tls-cert-file", "/c.pem",
                "--tls-private-key-file", "/k.pem", "--token-auth-file", "/t.csv");
        assertThat(flags.port).isEqualTo(7443);
        assertThat(flags.certFile).isEqualTo(Path.of("/c.pem"));
        assertThat(flags.tokenFile).isEqualTo(Path.of("/t.csv"));
    }

    @Test
    void incompleteFlagsAreRefused() {
        assertThatThrownBy(() -> parse("--token-auth-file", "/t.csv").install(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-cert-file");
        assertThatThrownBy(() -> parse("--tls-cert-file", "/c.pem").install(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--tls-cert-file and --tls-private-key-file go together");
    }
}
