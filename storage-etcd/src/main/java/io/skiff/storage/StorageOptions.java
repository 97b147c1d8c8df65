package io.skiff.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which storage to open and how: etcd servers ({@code --etcd-servers}) or a data directory for the
 * embedded SQLite store ({@code --data-dir}), never both. The cli module maps its flags onto this.
 *
 * @param etcdServers         etcd client URLs (http or https), empty for SQLite
 * @param dataDir             the SQLite data directory, null for etcd
 * @param etcdCaFile          PEM CA bundle that signed the etcd servers' certificates (optional)
 * @param etcdCertFile        PEM client certificate (optional, with {@code etcdKeyFile})
 * @param etcdKeyFile         PEM PKCS#8 client key (optional, with {@code etcdCertFile})
 * @param etcdUsername        etcd user (optional, with {@code etcdPassword})
 * @param etcdPassword        etcd password
 * @param requestTimeout      bound on every storage call
 * @param compactionRetention history kept by periodic compaction; {@link Duration#ZERO} turns it off
 */
public record StorageOptions(List<URI> etcdServers, Path dataDir, Path etcdCaFile, Path etcdCertFile,
                             Path etcdKeyFile, String etcdUsername, String etcdPassword,
                             Duration requestTimeout, Duration compactionRetention) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_COMPACTION_RETENTION = Duration.ofMinutes(5);

    public StorageOptions {
        etcdServers = List.copyOf(Objects.requireNonNullElse(etcdServers, List.of()));
        requestTimeout = Objects.requireNonNullElse(requestTimeout, DEFAULT_REQUEST_TIMEOUT);
        compactionRetention = Objects.requireNonNullElse(compactionRetention, DEFAULT_COMPACTION_RETENTION);
        if (etcdServers.isEmpty() == (dataDir == null)) {
            throw new IllegalArgumentException("give either --etcd-servers or --data-dir (exactly one)");
        }
        if ((etcdCertFile == null) != (etcdKeyFile == null)) {
            throw new IllegalArgumentException("an etcd client certificate needs its key, and a key its certificate");
        }
        if ((etcdUsername == null) != (etcdPassword == null)) {
            throw new IllegalArgumentException("an etcd username needs a password, and a password a username");
        }
        boolean tls = etcdCaFile != null || etcdCertFile != null;
        for (URI server : etcdServers) {
            if (tls && !"https".equals(server.getScheme())) {
                throw new IllegalArgumentException("etcd TLS options need https:// servers, got " + server);
            }
        }
        if (dataDir != null && (tls || etcdUsername != null)) {
            throw new IllegalArgumentException("etcd TLS and credential options do not apply to --data-dir");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive, got " + requestTimeout);
        }
        if (compactionRetention.isNegative()) {
            throw new IllegalArgumentException("the compaction retention must be >= 0, got " + compactionRetention);
        }
    }

    /** etcd at {@code servers}, the value of {@code --etcd-servers}: {@code http://a:2379,http://b:2379}. */
    public static StorageOptions etcd(String servers) {
        return new StorageOptions(parseEtcdServers(servers), null, null, null, null, null, null, null, null);
    }

    /** The embedded SQLite store in {@code dataDir} (created when missing). */
    public static StorageOptions sqlite(Path dataDir) {
        return new StorageOptions(List.of(), Objects.requireNonNull(dataDir, "dataDir"), null, null, null,
                null, null, null, null);
    }

    public StorageOptions withTls(Path caFile, Path certFile, Path keyFile) {
        return new StorageOptions(etcdServers, dataDir, caFile, certFile, keyFile, etcdUsername, etcdPassword,
                requestTimeout, compactionRetention);
    }

    public StorageOptions withCredentials(String username, String password) {
        return new StorageOptions(etcdServers, dataDir, etcdCaFile, etcdCertFile, etcdKeyFile, username, password,
                requestTimeout, compactionRetention);
    }

    public StorageOptions withRequestTimeout(Duration timeout) {
        return new StorageOptions(etcdServers, dataDir, etcdCaFile, etcdCertFile, etcdKeyFile, etcdUsername,
                etcdPassword, timeout, compactionRetention);
    }

    public StorageOptions withCompactionRetention(Duration retention) {
        return new StorageOptions(etcdServers, dataDir, etcdCaFile, etcdCertFile, etcdKeyFile, etcdUsername,
                etcdPassword, requestTimeout, retention);
    }

    /** Parses a comma-separated list of etcd client URLs; a missing port means 2379. */
    public static List<URI> parseEtcdServers(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("--etcd-servers is empty");
        }
        List<URI> uris = new ArrayList<>();
        for (String part : servers.split(",")) {
            String text = part.trim();
            URI uri;
            try {
                uri = new URI(text);
            } catch (Exception e) {
                throw new IllegalArgumentException("an etcd server is http://host:port or https://host:port, got '"
                        + text + "'");
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("an etcd server is http://host:port or https://host:port, got '"
                        + text + "'");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("an etcd server URL needs a host, got '" + text + "'");
            }
            if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
                    || uri.getQuery() != null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("an etcd server URL is scheme://host:port only, got '" + text + "'");
            }
            int port = uri.getPort() == -1 ? 2379 : uri.getPort();
            uris.add(URI.create(uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst(":\\d+$", "") + ":" + port));
        }
        return uris;
    }

    @Override
    public String toString() {
        // never print the password
        return dataDir != null ? "sqlite:" + dataDir
                : "etcd:" + etcdServers + (etcdCaFile != null || etcdCertFile != null ? " (TLS)" : "")
                        + (etcdUsername != null ? " as " + etcdUsername : "");
    }
}
