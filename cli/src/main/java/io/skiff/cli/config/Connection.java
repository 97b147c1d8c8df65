package io.skiff.cli.config;

import io.skiff.client.ClientConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where a CLI command sends its requests and as whom. The server comes from {@code --server},
 * then {@code SKIFF_SERVER}, then {@code KUBERNETES_MASTER}, then the config file, then
 * {@code http://localhost:8080}. The config file's token, CA and TLS choice are used only when
 * its server is the one chosen: credentials issued for one server are never sent to another.
 *
 * @param client the client configuration
 * @param namespace {@code -n}, else the config file's namespace, else {@code default}
 */
public record Connection(ClientConfig client, String namespace) {
    public static final String DEFAULT_NAMESPACE = "default";

    /** What the flags said; nulls for flags not given. */
    public record Flags(String server, String token, Path certificateAuthority, boolean insecureSkipTlsVerify,
            String namespace, Duration requestTimeout) {}

    public static Connection resolve(Flags flags, Map<String, String> env, Path home) throws CliConfigException {
        Path file = CliConfig.path(env, home);
        Optional<CliConfig> config = CliConfig.load(file);
        boolean explicit = given(flags.server()) || given(env.get(ClientConfig.ENV_SERVER))
                || given(env.get(ClientConfig.ENV_KUBERNETES_MASTER));
        String server = ClientConfig.resolveServer(flags.server(), env);
        CliConfig own = null;
        if (config.isPresent() && given(config.get().server())
                && (!explicit || sameServer(server, config.get().server()))) {
            own = config.get();
            server = own.server();
        }
        ClientConfig client;
        try {
            client = ClientConfig.fromEnvironment(server, env);
        } catch (IllegalArgumentException e) {
            throw new CliConfigException(e.getMessage()
                    + (own != null && !explicit ? " (from the config file " + file + ")" : ""), e);
        }
        if (own != null && given(own.token()) && client.bearerToken() == null) {
            client = client.withBearerToken(own.token());
        }
        if (given(flags.token())) {
            client = client.withBearerToken(flags.token());
        }
        Path ca = flags.certificateAuthority() != null ? flags.certificateAuthority()
                : own == null ? null : own.certificateAuthorityPath(file);
        if (ca != null) {
            client = client.withCaFile(ca);
        }
        if (flags.insecureSkipTlsVerify() || (own != null && Boolean.TRUE.equals(own.insecureSkipTlsVerify()))) {
            client = client.withInsecureSkipTlsVerify(true);
        }
        if (flags.requestTimeout() != null) {
            client = client.withRequestTimeout(flags.requestTimeout());
        }
        String namespace = given(flags.namespace()) ? flags.namespace()
                : config.map(CliConfig::namespace).filter(Connection::given).orElse(DEFAULT_NAMESPACE);
        return new Connection(client, namespace);
    }

    private static boolean sameServer(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private static String normalize(String server) {
        String s = server.strip();
        if (!s.contains("://")) {
            s = "http://" + s;
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
