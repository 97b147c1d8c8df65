package io.skiff.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code --v} and {@code --log-level}, shared by every daemon (a picocli mixin). */
final class LoggingOptions {
    @Option(names = "--v", paramLabel = "N", defaultValue = "${env:SKIFF_V:-0}",
            description = "Log verbosity: 0 info, 2 debug, 4 trace (default: ${DEFAULT-VALUE}; env SKIFF_V).")
    int verbosity;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "${env:SKIFF_LOG_LEVEL}",
            description = "Root log level (error, warn, info, debug, trace); overrides --v. Env SKIFF_LOG_LEVEL.")
    String logLevel;

    /** Applies the chosen level to the root logger; call first thing in a daemon's run(). */
    void apply() {
        Level level = logLevel != null && !logLevel.isBlank()
                ? Level.toLevel(logLevel, Level.INFO)
                : verbosity >= 4 ? Level.TRACE : verbosity >= 2 ? Level.DEBUG : Level.INFO;
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        ((Logger) LoggerFactory.getLogger("io.skiff")).setLevel(level);
    }
}
