package io.skiff.cli.command;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command talks to besides the apiserver: its output streams, stdin (for
 * {@code apply -f -}), the environment, the home directory (for {@code ~/.skiff/config}),
 * whether stdout is a terminal (live progress lines) and the clock (ages). Tests pass their own.
 */
public record Terminal(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home,
        boolean tty, Clock clock) {

    public static Terminal system() {
        return new Terminal(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), System.in, System.getenv(),
                homeOf(System.getenv()), stdoutIsTerminal(), Clock.systemUTC());
    }

    /**
     * The home directory: {@code $HOME} when set, as users, sudo and systemd set it, else the
     * JVM's {@code user.home} (read from the password database, so blind to {@code HOME=...}).
     */
    public static Path homeOf(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** Held by the root command, so that every subcommand finds the terminal it runs in. */
    public interface Holder {
        Terminal terminal();
    }

    /**
     * Whether stdout is a terminal. From JDK 22 a Console exists even when output is redirected
     * and {@code Console.isTerminal()} tells; on 21 the Console exists only for a terminal.
     */
    private static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
