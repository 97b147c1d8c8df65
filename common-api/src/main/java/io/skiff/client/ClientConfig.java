package io.skiff.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the apiserver: its URL, a bearer token, how to trust its TLS certificate, and
 * timeouts. Clients find the server from {@code --server}, then {@code SKIFF_SERVER}, then
 * {@code KUBERNETES_MASTER} (the 2014 variable), then {@code http://localhost:8080}.
 *
 * @param server the apiserver base URL, e.g. {@code http://127.0.0.1:8080}
 * @param bearerToken sent as {@code Authorization: Bearer ...}; null for none
 * @param caFile PEM file of the certificate authorities to trust for https; null for the JDK's
 * @param insecureSkipTlsVerify trust any server certificate and name (tests, never production)
 * @param connectTimeout to open a TCP connection
 * @param requestTimeout for a whole non-streaming request (watches and followed logs have none)
 */
public record ClientConfig(URI server, String bearerToken, Path caFile, boolean insecureSkipTlsVerify,
        Duration connectTimeout, Duration requestTimeout) {

    public static final String ENV_SERVER = "SKIFF_SERVER";
    public static final String ENV_KUBERNETES_MASTER = "KUBERNETES_MASTER";
    public static final String ENV_TOKEN = "SKIFF_TOKEN";
    public static final String DEFAULT_SERVER = "http://localhost:8080";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    public ClientConfig {
        Objects.requireNonNull(server, "server");
        String scheme = server.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || server.getHost() == null) {
            throw new IllegalArgumentException(
                    "server must be an http:// or https:// URL with a host, got \"" + server + "\"");
        }
        // A trailing slash would double the one every path starts with.
        String s = server.toString();
        if (s.endsWith("/")) {
            server = URI.create(s.substring(0, s.length() - 1));
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken.strip();
    }

    /** A config for {@code server} with no token, the JDK's trust store and default timeouts. */
    public static ClientConfig forServer(String server) {
        return new ClientConfig(parseServer(server), null, null, false, null, null);
    }

    /** The process environment's config, {@code serverFlag} (nullable) winning over it. */
    public static ClientConfig fromEnvironment(String serverFlag) {
        return fromEnvironment(serverFlag, System.getenv());
    }

    /**
     * The config from a {@code --server} flag (nullable) and an environment: the server as
     * {@link #resolveServer} finds it, and the token from {@code SKIFF_TOKEN} when set.
     */
    public static ClientConfig fromEnvironment(String serverFlag, Map<String, String> env) {
        return new ClientConfig(parseServer(resolveServer(serverFlag, env)), env.get(ENV_TOKEN), null, false,
                null, null);
    }

    /** {@code --server}, then {@code SKIFF_SERVER}, then {@code KUBERNETES_MASTER}, then the default; blanks skipped. */
    public static String resolveServer(String serverFlag, Map<String, String> env) {
        for (String candidate : new String[] {serverFlag, env.get(ENV_SERVER), env.get(ENV_KUBERNETES_MASTER)}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return DEFAULT_SERVER;
    }

    /** {@code host:port} alone means http, as kubectl reads {@code --server=127.0.0.1:8080}. */
    static URI parseServer(String server) {
        String s = server.strip();
        if (!s.contains("://")) {
            s = "http://" + s;
        }
        try {
            return URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("server is not a URL: \"" + server + "\"", e);
        }
    }

    public ClientConfig withBearerToken(String token) {
        return new ClientConfig(server, token, caFile, insecureSkipTlsVerify, connectTimeout, requestTimeout);
    }

    public ClientConfig withCaFile(Path file) {
        return new ClientConfig(server, bearerToken, file, insecureSkipTlsVerify, connectTimeout, requestTimeout);
    }

    public ClientConfig withInsecureSkipTlsVerify(boolean insecure) {
        return new ClientConfig(server, bearerToken, caFile, insecure, connectTimeout, requestTimeout);
    }

    public ClientConfig withConnectTimeout(Duration timeout) {
        return new ClientConfig(server, bearerToken, caFile, insecureSkipTlsVerify, timeout, requestTimeout);
    }

    public ClientConfig withRequestTimeout(Duration timeout) {
        return new ClientConfig(server, bearerToken, caFile, insecureSkipTlsVerify, connectTimeout, timeout);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ClientConfig[server=" + server + ", token=" + (bearerToken == null ? "none" : "set")
                + ", caFile=" + caFile + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
