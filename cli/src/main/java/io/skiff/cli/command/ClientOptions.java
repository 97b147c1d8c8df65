package io.skiff.cli.command;

import io.skiff.cli.config.Connection;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The flags every client command shares (kubectl's global flags): server, credentials, namespace, verbosity. */
public final class ClientOptions {
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
        Duration d = Waits.parse("--request-timeout", text);
        return d.isZero() ? null : d;
    }
}
