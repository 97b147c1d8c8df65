package io.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.SkiffVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built {@code target/skiff} file the way a user does. */
class SkiffBinaryIT {
    static final Path BINARY = Path.of(System.getProperty("skiff.binary", "target/skiff"));

    record Result(int exitCode, String stdout, String stderr) {}

    static Result run(Path binary, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
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
    void saysClearlyWhenNoSuitableJavaIsFound(@TempDir Path dir) throws Exception {
        // The launcher prologue of the binary, with its search path pointed at an empty folder and
        // no java on PATH: it must stop with a message naming what to install.
        String binary = new String(Files.readAllBytes(BINARY), StandardCharsets.ISO_8859_1);
        String marker = "skiff_find_java || exit 1";
        String prologue = binary.substring(0, binary.indexOf(marker) + marker.length())
                .replace("/usr/lib/jvm", dir.resolve("nojvm").toString());
        Path script = Files.writeString(dir.resolve("prologue.sh"), prologue + "\necho found-java\n");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", script.toString());
        builder.environment().put("PATH", dir.resolve("nobin").toString());
        builder.environment().put("JAVA_HOME", dir.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(out).doesNotContain("found-java");
        assertThat(err).contains("no Java 21 or newer found").contains("install a JDK >= 21");
    }
}
