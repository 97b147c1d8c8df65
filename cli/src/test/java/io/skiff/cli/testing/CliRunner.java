package io.skiff.cli.testing;

import io.skiff.cli.Main;
import io.skiff.cli.command.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code skiff} in-process, as a user would from a shell: captured stdout and stderr, an
 * environment of its own (SKIFF_SERVER pointing at the test's apiserver), a home directory of
 * its own (so no real {@code ~/.skiff/config} is read), and optional stdin.
 */
public final class CliRunner {
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env;
    private final Path home;
    private final String stdin;
    private final boolean tty;
    private final Clock clock;

    private CliRunner(Map<String, String> env, Path home, String stdin, boolean tty, Clock clock) {
        this.env = env;
        this.home = home;
        this.stdin = stdin;
        this.tty = tty;
        this.clock = clock;
    }

    /** A runner whose commands talk to {@code server} (through SKIFF_SERVER), with {@code home} as home. */
    public static CliRunner against(URI server, Path home) {
        Map<String, String> env = new HashMap<>();
        if (server != null) {
            env.put("SKIFF_SERVER", server.toString());
        }
        return new CliRunner(Map.copyOf(env), home, "", false, Clock.systemUTC());
    }

    public CliRunner withEnv(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        if (value == null) {
            e.remove(name);
        } else {
            e.put(name, value);
        }
        return new CliRunner(Map.copyOf(e), home, stdin, tty, clock);
    }

    public CliRunner withStdin(String text) {
        return new CliRunner(env, home, text, tty, clock);
    }

    public CliRunner withTty(boolean v) {
        return new CliRunner(env, home, stdin, v, clock);
    }

    public CliRunner withClock(Clock c) {
        return new CliRunner(env, home, stdin, tty, c);
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(terminal(out, err), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A command running in the background (a watch, a wait) whose output can be read as it comes. */
    public static final class Running {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        public synchronized String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        public synchronized String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** Waits (bounded) for the command to end. */
        public Result await(Duration timeout) throws Exception {
            int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(code, out(), err());
        }
    }

    public Running start(String... args) {
        Running running = new Running();
        Terminal terminal;
        synchronized (running) {
            terminal = terminal(running.out, running.err);
        }
        Thread.ofVirtual().name("skiff " + String.join(" ", args)).start(() -> {
            try {
                running.exit.complete(Main.run(terminal, args));
            } catch (Throwable t) {
                running.exit.completeExceptionally(t);
            }
        });
        return running;
    }

    private Terminal terminal(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, home, tty, clock);
    }

}
