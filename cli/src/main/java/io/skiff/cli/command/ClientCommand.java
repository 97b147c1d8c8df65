package io.skiff.cli.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.skiff.cli.config.CliConfigException;
import io.skiff.cli.config.Connection;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to the apiserver: resolves the connection from flags, environment and the
 * config file, runs, and turns every failure into kubectl's wording on stderr with exit code 1
 * (the stack trace only with {@code -v 4} or more).
 */
public abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    protected ClientOptions clientOptions;

    @Spec
    protected CommandSpec spec;

    /** Runs the command; returns the exit code. */
    protected abstract int run(Session session) throws Exception;

    @Override
    public final Integer call() {
        Terminal terminal = ((Terminal.Holder) spec.root().userObject()).terminal();
        int verbosity = clientOptions.verbosity();
        configureLogging(verbosity);
        try {
            Connection connection = Connection.resolve(clientOptions.flags(), terminal.env(), terminal.home());
            try (Session session = new Session(terminal, connection, clientOptions.namespaceGiven(), verbosity)) {
                return run(session);
            }
        } catch (CliConfigException e) {
            return fail(terminal, verbosity, new CommandException(e.getMessage(), e));
        } catch (CancellationException e) {
            return 130;
        } catch (Exception e) {
            return fail(terminal, verbosity, e);
        }
    }

    /** Prints an error as kubectl does and returns exit code 1. */
    public static int fail(Terminal terminal, int verbosity, Throwable e) {
        report(terminal, verbosity, e);
        return 1;
    }

    /** Prints an error as kubectl does (for commands that go on after one object fails). */
    public static void report(Terminal terminal, int verbosity, Throwable e) {
        terminal.err().print(ErrorMessages.of(e));
        if (verbosity >= 4) {
            terminal.err().print(ErrorMessages.stackTrace(e));
        }
        terminal.err().flush();
    }

    /** The CLI logs warnings only, unless asked: debug from {@code -v 2}, trace from {@code -v 6}. */
    static void configureLogging(int verbosity) {
        Level level = verbosity >= 6 ? Level.TRACE : verbosity >= 2 ? Level.DEBUG : Level.WARN;
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(level);
        ((Logger) LoggerFactory.getLogger("io.skiff")).setLevel(level);
    }
}
