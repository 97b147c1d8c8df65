package io.skiff.cli;

import io.skiff.cli.command.GoDuration;
import io.skiff.client.ClientConfig;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.ControllerManagerConfig;
import io.skiff.controller.leaderelection.LeaderElectionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "controller-manager", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the controller manager: replication, scheduling, node lifecycle, endpoints and garbage"
                + " collection, over the apiserver's REST API. Several may run: one leads (a Lease), the others wait.")
final class ControllerManagerCommand implements Callable<Integer> {
    @Mixin
    LoggingOptions logging;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--server", "--master"}, paramLabel = "URL",
            description = "The apiserver (default: $SKIFF_SERVER, then $KUBERNETES_MASTER, then http://localhost:8080).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:SKIFF_TOKEN}",
            description = "Bearer token for the apiserver (env SKIFF_TOKEN).")
    String token;

    @Option(names = "--certificate-authority", paramLabel = "FILE",
            description = "PEM file of the CA that signed the apiserver's certificate.")
    Path certificateAuthority;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the apiserver's certificate.")
    boolean insecureSkipTlsVerify;

    @Option(names = "--controllers", paramLabel = "LIST", split = ",", defaultValue = "*",
            description = "Controllers to run: '*' or names of ${COMPLETION-CANDIDATES}; '-name' turns one off"
                    + " (default: ${DEFAULT-VALUE}).",
            completionCandidates = ControllerNames.class)
    List<String> controllers;

    @Option(names = "--concurrent-rc-syncs", paramLabel = "N", defaultValue = "5",
            description = "Replication controllers synced at once (default: ${DEFAULT-VALUE}).")
    int concurrentRcSyncs;

    @Option(names = "--concurrent-endpoint-syncs", paramLabel = "N", defaultValue = "5",
            description = "Services whose endpoints are synced at once (default: ${DEFAULT-VALUE}).")
    int concurrentEndpointSyncs;

    @Option(names = "--concurrent-gc-syncs", paramLabel = "N", defaultValue = "20",
            description = "Garbage collector workers (default: ${DEFAULT-VALUE}).")
    int concurrentGcSyncs;

    @Option(names = "--node-monitor-period", paramLabel = "DURATION", defaultValue = "5s",
            converter = GoDuration.class, description = "How often node health is checked (default: ${DEFAULT-VALUE}).")
    Duration nodeMonitorPeriod;

    @Option(names = "--node-monitor-grace-period", paramLabel = "DURATION", defaultValue = "40s",
            converter = GoDuration.class,
            description = "A node silent this long is marked Ready=Unknown (default: ${DEFAULT-VALUE}).")
    Duration nodeMonitorGracePeriod;

    @Option(names = "--pod-eviction-timeout", paramLabel = "DURATION", defaultValue = "5m",
            converter = GoDuration.class,
            description = "Pods of a node not Ready this long are deleted (default: ${DEFAULT-VALUE}).")
    Duration podEvictionTimeout;

    @Option(names = "--leader-elect", paramLabel = "BOOL", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Run the controllers only while holding the leader Lease (default: ${DEFAULT-VALUE}).")
    boolean leaderElect;

    @Option(names = "--leader-elect-lease-duration", paramLabel = "DURATION", defaultValue = "15s",
            converter = GoDuration.class,
            description = "How long others wait after the leader's last renewal (default: ${DEFAULT-VALUE}).")
    Duration leaseDuration;

    @Option(names = "--leader-elect-renew-deadline", paramLabel = "DURATION", defaultValue = "10s",
            converter = GoDuration.class,
            description = "The leader gives up after failing to renew this long (default: ${DEFAULT-VALUE}).")
    Duration renewDeadline;

    @Option(names = "--leader-elect-retry-period", paramLabel = "DURATION", defaultValue = "2s",
            converter = GoDuration.class,
            description = "How often to try to acquire or renew (default: ${DEFAULT-VALUE}).")
    Duration retryPeriod;

    @Option(names = "--leader-elect-resource-namespace", paramLabel = "NS", defaultValue = "kube-system",
            description = "Namespace of the leader Lease (default: ${DEFAULT-VALUE}).")
    String leaseNamespace;

    @Option(names = "--leader-elect-resource-name", paramLabel = "NAME", defaultValue = "skiff-controller-manager",
            description = "Name of the leader Lease (default: ${DEFAULT-VALUE}).")
    String leaseName;

    @Option(names = "--leader-elect-identity", paramLabel = "ID",
            description = "This process's holder identity (default: hostname_<random uuid>).")
    String identity;

    @Option(names = {"--address", "--bind-address"}, paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "Address of /healthz and /metrics (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "10252",
            description = "Port of /healthz and /metrics; 0 picks a free one, -1 serves none (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        logging.apply();
        ControllerManagerConfig config = config();
        ControllerManager manager = new ControllerManager(config);
        Thread hook = new Thread(manager::close, "controller-manager-shutdown");
        Runtime.getRuntime().addShutdownHook(hook); // SIGTERM: stop the controllers, release the lease
        try {
            manager.start();
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            manager.close();
            throw new CommandLine.ExecutionException(spec.commandLine(), "cannot start: " + e.getMessage(), e);
        }
        manager.awaitTermination();
        return 0;
    }

    ControllerManagerConfig config() {
        ClientConfig client = ClientConfig.fromEnvironment(server);
        if (token != null && !token.isBlank()) {
            client = client.withBearerToken(token);
        }
        if (certificateAuthority != null) {
            client = client.withCaFile(certificateAuthority);
        }
        if (insecureSkipTlsVerify) {
            client = client.withInsecureSkipTlsVerify(true);
        }
        try {
            LeaderElectionConfig election = leaderElect ? new LeaderElectionConfig(leaseNamespace, leaseName,
                    identity == null || identity.isBlank() ? ControllerManagerConfig.defaultIdentity() : identity,
                    leaseDuration, renewDeadline, retryPeriod) : null;
            return ControllerManagerConfig.defaults(client)
                    .withControllers(selectedControllers())
                    .withConcurrentRcSyncs(concurrentRcSyncs)
                    .withConcurrency(concurrentEndpointSyncs, concurrentGcSyncs)
                    .withNodeMonitoring(nodeMonitorPeriod, nodeMonitorGracePeriod, podEvictionTimeout)
                    .withLeaderElection(election)
                    .withPort(address, port);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Kubernetes' syntax: {@code *} for all, names to pick, {@code -name} to drop one. */
    private Set<String> selectedControllers() {
        Set<String> out = new LinkedHashSet<>();
        for (String c : controllers) {
            String name = c.strip();
            if (name.equals("*")) {
                out.addAll(ControllerManagerConfig.ALL_CONTROLLERS);
            } else if (name.startsWith("-")) {
                out.remove(name.substring(1));
                requireKnown(name.substring(1));
            } else if (!name.isEmpty()) {
                requireKnown(name);
                out.add(name);
            }
        }
        return out;
    }

    private void requireKnown(String name) {
        if (!ControllerManagerConfig.ALL_CONTROLLERS.contains(name)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown controller \"" + name
                    + "\" in --controllers; known: " + String.join(", ", new ControllerNames()));
        }
    }

    /** The controller names, sorted, for help and completion. */
    static final class ControllerNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            String[] names = ControllerManagerConfig.ALL_CONTROLLERS.toArray(String[]::new);
            Arrays.sort(names);
            return List.of(names).iterator();
        }
    }
}
