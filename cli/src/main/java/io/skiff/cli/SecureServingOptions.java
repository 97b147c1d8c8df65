package io.skiff.cli;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.auth.SecureServing;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The apiserver's secure port flags (a picocli mixin): {@code --secure-port} with
 * {@code --tls-cert-file} / {@code --tls-private-key-file} (PEM) and {@code --token-auth-file}.
 * Without a certificate only the insecure port runs, as in 2014; with one, both do.
 */
final class SecureServingOptions {
    @Option(names = "--secure-bind-address", paramLabel = "IP", defaultValue = "${env:SKIFF_SECURE_BIND_ADDRESS:-0.0.0.0}",
            description = "Address of the secure port (default: ${DEFAULT-VALUE}; env SKIFF_SECURE_BIND_ADDRESS).")
    String bindAddress;

    @Option(names = "--secure-port", paramLabel = "PORT", defaultValue = "${env:SKIFF_SECURE_PORT:-6443}",
            description = "HTTPS port with authentication and authorization (default: ${DEFAULT-VALUE}; env"
                    + " SKIFF_SECURE_PORT). Serves only with --tls-cert-file and --tls-private-key-file.")
    int port;

    @Option(names = "--tls-cert-file", paramLabel = "FILE", defaultValue = "${env:SKIFF_TLS_CERT_FILE}",
            description = "PEM certificate (chain) of the secure port. Env SKIFF_TLS_CERT_FILE.")
    Path certFile;

    @Option(names = "--tls-private-key-file", paramLabel = "FILE", defaultValue = "${env:SKIFF_TLS_PRIVATE_KEY_FILE}",
            description = "PEM private key (PKCS#8 or PKCS#1) of --tls-cert-file. Env SKIFF_TLS_PRIVATE_KEY_FILE.")
    Path keyFile;

    @Option(names = "--token-auth-file", paramLabel = "FILE", defaultValue = "${env:SKIFF_TOKEN_AUTH_FILE}",
            description = "CSV of bearer tokens: token,user,uid,\"group1,group2\". Env SKIFF_TOKEN_AUTH_FILE.")
    Path tokenFile;

    /**
     * Adds the secure port to the server being built, when the flags ask for it; a missing or bad
     * file is an error naming it, before anything listens.
     */
    Optional<SecureServing> install(ApiServer.Builder builder) throws IOException, GeneralSecurityException {
        if (certFile == null && keyFile == null) {
            if (tokenFile != null) {
                throw new IllegalArgumentException("--token-auth-file needs the secure port: give --tls-cert-file"
                        + " and --tls-private-key-file too");
            }
            return Optional.empty();
        }
        if (certFile == null || keyFile == null) {
            throw new IllegalArgumentException("--tls-cert-file and --tls-private-key-file go together");
        }
        return Optional.of(SecureServing.install(builder,
                new SecureServing.Options(bindAddress, port, certFile, keyFile, tokenFile)));
    }
}
