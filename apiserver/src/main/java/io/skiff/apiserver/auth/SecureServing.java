package io.skiff.apiserver.auth;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.registry.Registries;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The secure port: a TLS connector beside the insecure one (both serve the same API), bearer
 * tokens from {@code --token-auth-file}, and authorization ({@code system:masters} do anything,
 * kubelets what {@link NodeAuthorizer} allows, everyone authenticated reads discovery). Requests
 * that arrive over TLS are marked by the connector itself with {@link #SECURE_PORT_HEADER}, which
 * it overwrites, so a client can never pass for the insecure port there; one that sends the
 * header to the insecure port only makes itself need a token.
 */
public final class SecureServing {
    public static final String SECURE_PORT_HEADER = "X-Skiff-Secure-Port";
    public static final int DEFAULT_PORT = 6443;

    /** {@code --secure-port} (0 picks one), {@code --tls-cert-file}, {@code --tls-private-key-file}, {@code --token-auth-file}. */
    public record Options(String bindAddress, int port, Path certFile, Path keyFile, Path tokenFile) {
        public Options {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(certFile, "--tls-cert-file");
            Objects.requireNonNull(keyFile, "--tls-private-key-file");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--secure-port must be 0 to 65535, got " + port);
            }
        }
    }

    private final Options options;
    private final AtomicReference<ServerConnector> connector = new AtomicReference<>();
    private final AtomicReference<Registries> registries = new AtomicReference<>();

    private SecureServing(Options options) {
        this.options = options;
    }

    /**
     * Reads the certificate, key and tokens (a bad file fails here, before anything listens) and
     * configures the builder: TLS connector, token authenticator, authorizers.
     */
    public static SecureServing install(ApiServer.Builder builder, Options options)
            throws IOException, GeneralSecurityException {
        SecureServing s = new SecureServing(options);
        char[] password = randomPassword();
        KeyStore keys = PemKeyStore.load(options.certFile(), options.keyFile(), password);
        Map<String, UserInfo> tokens = options.tokenFile() == null ? Map.of() : TokenFile.read(options.tokenFile());
        builder.authenticator(new TokenAuthenticator(tokens));
        builder.authorizer(Authorizers.union(Authorizers.MASTERS, Authorizers.DISCOVERY,
                new NodeAuthorizer((ns, name) -> s.registries.get().pods().find(ns, name))));
        builder.routes((routes, server) -> s.registries.set(server.registries()));
        builder.jetty(c -> c.jetty.addConnector((server, httpConfig) -> {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(keys);
            tls.setKeyStorePassword(new String(password));
            HttpConfiguration https = new HttpConfiguration(httpConfig);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // clients reach it by IP as often as by name
            https.addCustomizer(secure);
            https.addCustomizer((conn, config, request) -> {
                HttpFields.Mutable fields = HttpFields.build(request.getHttpFields());
                fields.put(SECURE_PORT_HEADER, "true");
                request.setHttpFields(fields);
            });
            ServerConnector tlsConnector = new ServerConnector(server,
                    new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
            tlsConnector.setHost(options.bindAddress());
            tlsConnector.setPort(options.port());
            tlsConnector.setIdleTimeout(Duration.ofHours(1).toMillis()); // long quiet watches, as on the insecure port
            s.connector.set(tlsConnector);
            return tlsConnector;
        }));
        return s;
    }

    /** The bound secure port (the real one when the options said 0), once the server started. */
    public int port() {
        ServerConnector c = connector.get();
        if (c == null || c.getLocalPort() <= 0) {
            throw new IllegalStateException("the secure port is not listening yet");
        }
        return c.getLocalPort();
    }

    public URI url() {
        String host = options.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : options.bindAddress();
        return URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    private static char[] randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b).toCharArray();
    }
}
