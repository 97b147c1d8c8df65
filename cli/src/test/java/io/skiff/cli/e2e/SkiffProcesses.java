package io.skiff.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The real {@code skiff} binary, run as a user runs it from a shell: daemons in the background
 * (their output in files under the work directory), commands to completion with a bound. Every
 * process gets the same environment: a home of its own, no SKIFF_SERVER or config inherited from
 * whoever runs the tests. Closing stops every daemon still running (SIGTERM, then SIGKILL).
 */
final class SkiffProcesses implements AutoCloseable {
    static final Path BINARY = Path.of(System.getProperty("skiff.binary", "target/skiff")).toAbsolutePath();
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private final List<Daemon> daemons = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    private int started;

    SkiffProcesses(Path workDir) {
        this.workDir = workDir;
        env.put("HOME", workDir.resolve("home").toString());
        env.put("SKIFF_SERVER", "");
        env.put("KUBERNETES_MASTER", "");
        env.put("SKIFF_CONFIG", "");
    }

    /** Sets (or, with null, removes) a variable of every process started from now on. */
    SkiffProcesses env(String name, String value) {
        env.put(name, value == null ? "" : value);
        return this;
    }

    Path workDir() {
        return workDir;
    }

    /** Starts {@code skiff args...} in the background. */
    synchronized Daemon start(String name, String... args) {
        int n = ++started;
        Path out = workDir.resolve(name + "-" + n + ".out");
        Path err = workDir.resolve(name + "-" + n + ".err");
        ProcessBuilder pb = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            Daemon d = new Daemon(name, pb.start(), out, err);
            daemons.add(d);
            transcript.add("$ skiff " + String.join(" ", args) + " &");
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code skiff args...} to completion (at most {@link #COMMAND_TIMEOUT}). */
    Result run(String... args) {
        try {
            Path out = Files.createTempFile(workDir, "cmd", ".out");
            Path err = Files.createTempFile(workDir, "cmd", ".err");
            Process p = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("skiff " + String.join(" ", args) + " did not finish within " + COMMAND_TIMEOUT
                        + "; output so far:\n" + Files.readString(out) + Files.readString(err));
            }
            Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            synchronized (this) {
                transcript.add("$ skiff " + String.join(" ", args) + "\n" + r.out() + r.err());
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs a command that must succeed; its stdout. */
    String ok(String... args) {
        Result r = run(args);
        assertThat(r.code()).as("skiff %s\n%s", String.join(" ", args), r).isZero();
        return r.out();
    }

    /** Every command run and its output, for a failure message. */
    synchronized String transcript() {
        return String.join("\n", transcript);
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        env.forEach((k, v) -> {
            if (v.isEmpty()) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return pb;
    }

    @Override
    public synchronized void close() {
        for (Daemon d : daemons) {
            d.stop();
        }
    }

    /** A daemon started in the background. */
    static final class Daemon {
        final String name;
        final Process process;
        final Path out;
        final Path err;

        Daemon(String name, Process process, Path out, Path err) {
            this.name = name;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        /** Waits until its stdout has {@code text}; fails at once if it exits meanwhile. */
        Daemon awaitOutput(String text, Duration timeout) {
            Awaitility.await(name + " prints \"" + text + "\"").atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive() && !stdout().contains(text)) {
                            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + stdout()
                                    + stderr());
                        }
                        return stdout().contains(text);
                    });
            return this;
        }

        /** Waits until its stderr (its log) has {@code text}. */
        Daemon awaitLog(String text, Duration timeout) {
            Awaitility.await(name + " logs \"" + text + "\"").atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + stderr());
                        }
                        return stderr().contains(text);
                    });
            return this;
        }

        /** SIGKILL, as a crash or {@code kill -9}: no shutdown hook runs. */
        void kill9() {
            process.destroyForcibly();
            try {
                assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(name + " dies of SIGKILL").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** SIGTERM, as Ctrl-C or systemd; SIGKILL if it has not ended within 20 s. Its exit code. */
        int stop() {
            if (!process.isAlive()) {
                return process.exitValue();
            }
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return process.isAlive() ? -1 : process.exitValue();
        }

        private static String read(Path p) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }
}
