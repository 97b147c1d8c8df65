package io.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.SkiffVersion;
import io.skiff.testing.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the built {@code target/skiff} file the way a user does. */
class SkiffBinaryIT {
    static final Path BINARY = Path.of(System.getProperty("skiff.binary", "target/skiff"));

    record Result(int exitCode, String stdout, String stderr) {}

    static Result run(Path binary, String... args) throws IOException, InterruptedException {
        return run(binary, Map.of(), args);
    }

    static Result run(Path binary, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("skiff exits").isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsTheBuildVersion() throws Exception {
        Result result = run(BINARY, "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().strip()).isEqualTo("skiff " + SkiffVersion.version());
    }

    @Test
    void theFileIsSelfContained(@TempDir Path dir) throws Exception {
        Path alone = dir.resolve("skiff");
        Files.copy(BINARY, alone, StandardCopyOption.COPY_ATTRIBUTES);
        Result result = run(alone, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("Usage: skiff").contains("apiserver").contains("kubelet");
    }

    @Test
    void anApiServerOnEtcdPrintsNoJvmWarnings(@TempDir Path dir) throws Exception {
        // jetcd brings protobuf and guava, whose sun.misc.Unsafe use JDK 24+ reports in four
        // WARNING lines on stderr, unless the launcher allows it (JDK 23+)
        Path stderr = dir.resolve("apiserver.err");
        Process apiserver = new ProcessBuilder(BINARY.toString(), "apiserver", "--port", "0",
                "--etcd-servers", TestEnvironment.etcd(), "--etcd-prefix", "/skiff-binary-it-" + UUID.randomUUID())
                .redirectError(stderr.toFile()).start();
        try {
            String url = servingUrl(apiserver);
            Result version = run(BINARY, "version", "-s", url);
            assertThat(version.exitCode()).as(version.stderr()).isZero();
            assertThat(version.stdout()).contains("Server Version");
            assertThat(version.stderr()).doesNotContain("WARNING");
        } finally {
            apiserver.destroy();
            if (!apiserver.waitFor(30, TimeUnit.SECONDS)) {
                apiserver.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(Files.readString(stderr)).contains("connected to etcd").doesNotContain("WARNING");
    }

    /** A JDK of {@code major} as the launcher sees one: a {@code release} file and a {@code bin/java}. */
    private static Path fakeJdk(Path dir, int major) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + major));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + major + ".0.1\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 0\n");
        java.toFile().setExecutable(true);
        return home;
    }

    /**
     * The launcher prologue of the binary, cut after it has chosen a JDK, with its search path
     * pointed at {@code javaHome} only (no /usr/lib/jvm, no java on PATH); prints what it chose.
     */
    private static Result prologue(Path dir, Path javaHome) throws Exception {
        String binary = new String(Files.readAllBytes(BINARY), StandardCharsets.ISO_8859_1);
        String marker = "skiff_find_java || exit 1";
        String prologue = binary.substring(0, binary.indexOf(marker) + marker.length())
                .replace("/usr/lib/jvm", dir.resolve("nojvm").toString());
        Path script = Files.writeString(dir.resolve("prologue.sh"),
                prologue + "\necho \"found-java $SKIFF_JAVA flags=$SKIFF_JAVA_FLAGS\"\n");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", script.toString());
        builder.environment().put("PATH", toolsWithoutJava(dir).toString());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    /** A PATH folder with the tools the prologue uses, and no java. */
    private static Path toolsWithoutJava(Path dir) throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("dirname", "sed", "head", "readlink")) {
            Path real = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + tool + " in /usr/bin or /bin"));
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
        return tools;
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {0, 11, 17})
    void saysClearlyWhenNoSuitableJavaIsFound(int major, @TempDir Path dir) throws Exception {
        Path javaHome = major == 0 ? dir : fakeJdk(dir, major); // 0: JAVA_HOME without any java
        Result result = prologue(dir, javaHome);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).doesNotContain("found-java");
        assertThat(result.stderr()).contains("no Java 21 or newer found").contains("install a JDK >= 21");
    }

    @ParameterizedTest(name = "JDK {0}: flags \"{1}\"")
    @CsvSource(value = {"21|", "22|", "23|--sun-misc-unsafe-memory-access=allow",
            "25|--sun-misc-unsafe-memory-access=allow"}, delimiter = '|')
    void allowsUnsafeMemoryAccessFromJdk23(int major, String flags, @TempDir Path dir) throws Exception {
        Path javaHome = fakeJdk(dir, major);
        Result result = prologue(dir, javaHome);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo("found-java " + javaHome.resolve("bin/java") + " flags="
                + (flags == null ? "" : flags));
    }

    /**
     * The CLI against an apiserver started from the same binary, as a user would run them: apply a
     * manifest, read it back as a table and through jsonpath, scale, delete; then the server's
     * absence in one line.
     */
    @Test
    void theCliDrivesAnApiServerStartedFromTheBinary(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("HOME", dir.toString(), "SKIFF_CONFIG", dir.resolve("no-config").toString());
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "apiserver", "--port", "0",
                "--data-dir", dir.resolve("data").toString())
                .redirectError(dir.resolve("apiserver.log").toFile());
        builder.environment().putAll(env);
        Process apiserver = builder.start();
        try {
            String url = servingUrl(apiserver);
            Path manifest = Files.writeString(dir.resolve("web.yaml"), """
                    apiVersion: v1
                    kind: ReplicationController
                    metadata: {name: web}
                    spec:
                      replicas: 1
                      selector: {app: web}
                      template:
                        metadata: {labels: {app: web}}
                        spec: {containers: [{name: web, image: busybox:latest}]}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web}
                    spec: {selector: {app: web}, ports: [{port: 80}]}
                    """);
            Result applied = run(BINARY, env, "apply", "-f", manifest.toString(), "-s", url);
            assertThat(applied.exitCode()).as(applied.stderr()).isZero();
            assertThat(applied.stdout()).isEqualTo("replicationcontroller/web created\nservice/web created\n");
            assertThat(run(BINARY, env, "apply", "-f", manifest.toString(), "-s", url).stdout())
                    .isEqualTo("replicationcontroller/web unchanged\nservice/web unchanged\n");

            Result table = run(BINARY, env, "get", "rc", "-s", url);
            assertThat(table.stdout().lines().toList()).hasSize(2);
            assertThat(table.stdout()).startsWith("NAME   DESIRED   CURRENT   READY   AGE\nweb    1         ");

            assertThat(run(BINARY, env, "scale", "rc/web", "--replicas=3", "-s", url).stdout())
                    .isEqualTo("replicationcontroller/web scaled\n");
            assertThat(run(BINARY, env, "get", "rc", "web", "-o", "jsonpath={.spec.replicas}", "-s", url).stdout())
                    .isEqualTo("3");
            assertThat(run(BINARY, env, "delete", "rc", "web", "-s", url).stdout())
                    .isEqualTo("replicationcontroller \"web\" deleted\n");
            Result gone = run(BINARY, env, "get", "rc", "web", "-s", url);
            assertThat(gone.exitCode()).isEqualTo(1);
            assertThat(gone.stderr()).isEqualTo("Error from server (NotFound): replicationcontrollers \"web\" not found\n");
        } finally {
            apiserver.destroy();
            if (!apiserver.waitFor(30, TimeUnit.SECONDS)) {
                apiserver.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        Result refused = run(BINARY, env, "get", "pods", "-s", "http://127.0.0.1:" + freePort());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).matches("The connection to the server 127\\.0\\.0\\.1:\\d+ was refused - did you"
                + " specify the right host or port\\?\n");
    }

    /** The URL the apiserver prints once it listens ({@code skiff apiserver: serving on http://...}). */
    private static String servingUrl(Process apiserver) throws Exception {
        java.util.concurrent.CompletableFuture<String> url = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(apiserver.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("serving on (http://\\S+)").matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
                url.completeExceptionally(new IllegalStateException("the apiserver exited without serving"));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        });
        return url.get(90, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
