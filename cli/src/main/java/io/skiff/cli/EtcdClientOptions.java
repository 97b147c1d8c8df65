package io.skiff.cli;

import io.skiff.storage.StorageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where etcd is and how to reach it (a picocli mixin of {@code skiff apiserver} and {@code skiff up}):
 * {@code --etcd-servers} and kube-apiserver's client TLS flags {@code --etcd-cafile},
 * {@code --etcd-certfile} and {@code --etcd-keyfile}, each with an env fallback.
 */
final class EtcdClientOptions {
    @Option(names = "--etcd-servers", paramLabel = "URLS", defaultValue = "${env:SKIFF_ETCD_SERVERS}",
            description = "etcd client URLs, comma-separated (env SKIFF_ETCD_SERVERS). Without it, the embedded store in --data-dir.")
    String servers;

    // kube-apiserver's names for the etcd client TLS files.
    @Option(names = "--etcd-cafile", paramLabel = "FILE", defaultValue = "${env:SKIFF_ETCD_CAFILE}",
            description = "PEM CA bundle to verify the https:// --etcd-servers with (env SKIFF_ETCD_CAFILE).")
    Path caFile;

    @Option(names = "--etcd-certfile", paramLabel = "FILE", defaultValue = "${env:SKIFF_ETCD_CERTFILE}",
            description = "PEM client certificate to present to etcd, with --etcd-keyfile (env SKIFF_ETCD_CERTFILE).")
    Path certFile;

    @Option(names = "--etcd-keyfile", paramLabel = "FILE", defaultValue = "${env:SKIFF_ETCD_KEYFILE}",
            description = "PEM (PKCS#8) key of --etcd-certfile (env SKIFF_ETCD_KEYFILE).")
    Path keyFile;

    /**
     * The etcd storage the flags name, or empty without {@code --etcd-servers} (the embedded store);
     * {@link IllegalArgumentException} for a combination that cannot work or a file that cannot be
     * read, so that it is refused before any storage is opened.
     */
    Optional<StorageOptions> storageOptions() {
        if (servers == null || servers.isBlank()) {
            if (caFile != null || certFile != null || keyFile != null) {
                throw new IllegalArgumentException("--etcd-cafile, --etcd-certfile and --etcd-keyfile need --etcd-servers");
            }
            return Optional.empty();
        }
        for (Path file : new Path[] {caFile, certFile, keyFile}) {
            if (file != null && !Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read the etcd TLS file " + file);
            }
        }
        return Optional.of(StorageOptions.etcd(servers).withTls(caFile, certFile, keyFile));
    }
}
