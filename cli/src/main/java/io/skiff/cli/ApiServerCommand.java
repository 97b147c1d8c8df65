package io.skiff.cli;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.apiserver.auth.SecureServing;
import io.skiff.apiserver.logs.PodLogRoutes;
import io.skiff.apiserver.registry.RegistryKeys;
import io.skiff.apiserver.registry.ServiceIpAllocator;
import io.skiff.apiserver.v1beta1.V1beta1Api;
import io.skiff.cli.command.GoDuration;
import io.skiff.cli.command.Terminal;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.StorageFactory;
import io.skiff.storage.StorageOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code skiff apiserver}: the API server on etcd ({@code --etcd-servers}) or the embedded SQLite
 * store ({@code --data-dir}, the default). Every flag falls back to an environment variable.
 * Runs until SIGTERM/SIGINT, then stops listening, ends the watches and closes the storage.
 */
@Command(name = "apiserver", mixinStandardHelpOptions = true, description = "Run the API server.")
final class ApiServerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServerCommand.class);

    @Mixin
    LoggingOptions logging;

    @Option(names = "--bind-address", paramLabel = "IP", defaultValue = "${env:SKIFF_BIND_ADDRESS:-127.0.0.1}",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; env SKIFF_BIND_ADDRESS).")
    String bindAddress;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:SKIFF_PORT:-8080}",
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}; env SKIFF_PORT).")
    int port;

    /** --etcd-servers and the etcd client TLS files. */
    @Mixin
    EtcdClientOptions etcd;

    @Option(names = "--etcd-prefix", paramLabel = "PREFIX", defaultValue = "${env:SKIFF_ETCD_PREFIX:-" + RegistryKeys.DEFAULT_ROOT + "}",
            description = "Key prefix of every object in storage (default: ${DEFAULT-VALUE}; env SKIFF_ETCD_PREFIX).")
    String etcdPrefix;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:SKIFF_DATA_DIR}",
            description = "Directory of the embedded SQLite store (default: /var/lib/skiff/apiserver as root, "
                    + "else ~/.skiff/data; env SKIFF_DATA_DIR).")
    Path dataDir;

    @Option(names = "--max-request-bytes", paramLabel = "BYTES",
            defaultValue = "${env:SKIFF_MAX_REQUEST_BYTES:-" + ApiServerConfig.DEFAULT_MAX_REQUEST_BYTES + "}",
            description = "Larger request bodies are refused with 413 (default: ${DEFAULT-VALUE}; env SKIFF_MAX_REQUEST_BYTES).")
    long maxRequestBytes;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "${env:SKIFF_REQUEST_TIMEOUT:-60s}",
            converter = GoDuration.class,
            description = "Requests not answered by then get 504, e.g. 60s, 2m (default: ${DEFAULT-VALUE}; env SKIFF_REQUEST_TIMEOUT).")
    Duration requestTimeout;

    @Option(names = "--service-cluster-ip-range", paramLabel = "CIDR",
            defaultValue = "${env:SKIFF_SERVICE_CLUSTER_IP_RANGE:-" + ServiceIpAllocator.DEFAULT_RANGE + "}",
            description = "Range of service cluster IPs (default: ${DEFAULT-VALUE}; env SKIFF_SERVICE_CLUSTER_IP_RANGE).")
    String serviceClusterIpRange;

    @Mixin
    NodePortRangeOption serviceNodePortRange;

    @Option(names = "--event-ttl", paramLabel = "DURATION", defaultValue = "${env:SKIFF_EVENT_TTL:-1h}",
            converter = GoDuration.class,
            description = "How long events are kept (default: ${DEFAULT-VALUE}; env SKIFF_EVENT_TTL).")
    Duration eventTtl;

    @Option(names = "--range-repair-interval", paramLabel = "DURATION",
            defaultValue = "${env:SKIFF_RANGE_REPAIR_INTERVAL:-3m}", converter = GoDuration.class,
            description = "How often cluster IP and node port reservations that no Service holds are looked for and"
                    + " freed (default: ${DEFAULT-VALUE}, as Kubernetes; env SKIFF_RANGE_REPAIR_INTERVAL).")
    Duration rangeRepairInterval;

    /** --secure-port, --tls-cert-file, --tls-private-key-file, --token-auth-file: install(builder) adds the port. */
    @Mixin
    SecureServingOptions secure;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        StorageOptions options;
        String nodePortRange;
        try {
            options = storageOptions();
            nodePortRange = serviceNodePortRange.checked();
        } catch (IllegalArgumentException e) {
            System.err.println("skiff apiserver: " + e.getMessage());
            return 1;
        }
        Storage storage;
        try {
            storage = StorageFactory.open(options);
        } catch (StorageException | IllegalArgumentException e) {
            System.err.println("skiff apiserver: cannot open the storage (" + options + "): " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ApiServer server;
        Optional<SecureServing> secureServing;
        try {
            ApiServerConfig config = ApiServerConfig.defaults(storage)
                    .withBindAddress(bindAddress)
                    .withPort(port)
                    .withMaxRequestBytes(maxRequestBytes)
                    .withRequestTimeout(requestTimeout)
                    .withServiceClusterIpRange(serviceClusterIpRange)
                    .withServiceNodePortRange(nodePortRange)
                    .withRegistryRoot(etcdPrefix)
                    .withEventTtl(eventTtl);
            // The 2014 API and pods/log are routes of their own concern, registered beside the core.
            ApiServer.Builder builder = ApiServer.builder(config)
                    .rangeRepairInterval(rangeRepairInterval)
                    .routes(V1beta1Api.withDefaults())
                    .routes(new PodLogRoutes());
            secureServing = secure.install(builder);
            server = builder.build().start();
        } catch (RuntimeException | IOException | GeneralSecurityException e) {
            storage.close();
            System.err.println("skiff apiserver: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            server.close();
            storage.close();
            stopped.countDown();
        }, "apiserver-shutdown"));
        System.out.println("skiff apiserver: serving on " + server.url()
                + secureServing.map(ss -> " and " + ss.url()).orElse("") + " (storage " + options + ")");
        stopped.await();
        return 0;
    }

    /** The storage the flags name; {@link IllegalArgumentException} for a combination that cannot work. */
    StorageOptions storageOptions() {
        return etcd.storageOptions()
                .orElseGet(() -> StorageOptions.sqlite(dataDir != null ? dataDir : defaultDataDir()))
                .withRequestTimeout(requestTimeout);
    }

    static Path defaultDataDir() {
        return "root".equals(System.getProperty("user.name")) ? Path.of("/var/lib/skiff/apiserver")
                : Terminal.homeOf(System.getenv()).resolve(".skiff").resolve("data");
    }
}
