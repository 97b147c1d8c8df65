package io.skiff.apiserver.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.testing.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl 1.20 ({@code SKIFF_TEST_KUBECTL}, unpacked from Debian's kubernetes-client by
 * scripts/test-deps) against one server, with a kubeconfig and discovery cache of its own.
 */
final class Kubectl {
    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        Result ok() {
            assertThat(exit).as("kubectl failed: " + err + out).isZero();
            return this;
        }
    }

    private final String binary;
    private final Path home;
    private final Path kubeconfig;

    Kubectl(URI server, Path home) {
        this.binary = TestEnvironment.require("SKIFF_TEST_KUBECTL", "kubectl 1.20 (Debian's kubernetes-client)");
        this.home = home;
        this.kubeconfig = home.resolve("kubeconfig");
        try {
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: skiff
                      cluster:
                        server: %s
                    contexts:
                    - name: skiff
                      context:
                        cluster: skiff
                        user: skiff
                        namespace: default
                    current-context: skiff
                    users:
                    - name: skiff
                      user: {}
                    """.formatted(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String version() {
        return run("version", "--client", "--short").ok().out().trim();
    }

    Result run(String... args) {
        return withInput(null, args);
    }

    /** Runs kubectl with {@code stdin} (or nothing) as its input; at most 60 s. */
    Result withInput(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(binary, "--kubeconfig=" + kubeconfig,
                "--cache-dir=" + home.resolve("cache"), "--request-timeout=30s"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(home, "out", ".txt");
            Path err = Files.createTempFile(home, "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("HOME", home.toString());
            pb.environment().remove("KUBECONFIG");
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s: "
                        + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
