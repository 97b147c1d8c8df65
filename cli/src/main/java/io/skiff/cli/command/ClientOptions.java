package io.skiff.cli.command;

import io.skiff.cli.config.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The flags every client command shares (kubectl's global flags): server, credentials, namespace, verbosity. */
public final class ClientOptions {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    @Option(names = {"-s", "--server"}, paramLabel = "URL",
            description = "The apiserver (env SKIFF_SERVER, KUBERNETES_MASTER; then ~/.skiff/config; "
                    + "default http://localhost:8080).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token for the apiserver (env SKIFF_TOKEN).")
    String token;

    @Option(names = "--certificate-authority", paramLabel = "FILE",
            description = "PEM file of the certificate authorities to trust for an https server.")
    Path certificateAuthority;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not check the server's certificate (insecure).")
    boolean insecureSkipTlsVerify;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "The namespace (default: default).")
    String namespace;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "0",
            description = "Give up on a request after this long (e.g. 30s, 2m; 0: the default of 60s).")
    String requestTimeout;

    @Option(names = {"-v", "--v"}, paramLabel = "N", defaultValue = "0",
            description = "Verbosity: 2 debug logs, 4 stack traces of errors, 6 trace logs.")
    int verbosity;

    public int verbosity() {
        return verbosity;
    }

    /** True when {@code -n} was given. */
    public boolean namespaceGiven() {
        return namespace != null && !namespace.isBlank();
    }

    public Connection.Flags flags() {
        return new Connection.Flags(server, token, certificateAuthority, insecureSkipTlsVerify, namespace,
                parseTimeout(requestTimeout));
    }

    /** kubectl's {@code --request-timeout}: a number of seconds, or with a unit (ms, s, m, h); 0 for the default. */
    static Duration parseTimeout(String text) {
        Duration d = parseDuration(text);
        if (d == null) {
            throw new CommandException("invalid --request-timeout \"" + text
                    + "\": give a number of seconds or a duration like 30s, 500ms, 2m, 1h");
        }
        return d.isZero() ? null : d;
    }

    /** A duration as kubectl's flags take it ({@code 30s}, {@code 2m}, {@code 1h}, {@code 500ms}, {@code 5}); null if malformed. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
