package io.skiff.cli;

import io.skiff.apiserver.ApiServerConfig;
import io.skiff.apiserver.registry.RegistryKeys;
import io.skiff.apiserver.registry.ServiceIpAllocator;
import io.skiff.cli.command.Terminal;
import io.skiff.cli.config.CliConfig;
import io.skiff.cli.up.LocalCluster;
import io.skiff.cli.up.UpException;
import io.skiff.cli.up.UpLogging;
import io.skiff.cli.up.UpOptions;
import io.skiff.kubelet.KubeletConfig;
import io.skiff.kubelet.node.HostInfo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skiff up}: a whole cluster in this process ({@link LocalCluster}), until Ctrl-C or
 * SIGTERM. Progress and what to type next go to stdout; the daemons' logs to a file in the data
 * directory (or stderr with {@code --logtostderr}).
 */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a whole cluster on this machine: apiserver, controller-manager and a kubelet.",
            "State lives in --data-dir and survives restarts. Ctrl-C stops the cluster and leaves the pods'"
                + " containers running; the next `skiff up` adopts them."})
final class UpCommand implements Callable<Integer> {
    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:SKIFF_DATA_DIR}",
            description = "Where the cluster keeps its state: the SQLite store, the kubelet's directory, the log"
                    + " and the CLI config (default: ~/.skiff; env SKIFF_DATA_DIR).")
    Path dataDir;

    /** --etcd-servers and the etcd client TLS files, as {@code skiff apiserver} has them. */
    @Mixin
    EtcdClientOptions etcd;

    @Option(names = "--etcd-prefix", paramLabel = "PREFIX", defaultValue = RegistryKeys.DEFAULT_ROOT,
            description = "Key prefix of every object in etcd, so clusters can share one etcd (default: ${DEFAULT-VALUE}).")
    String etcdPrefix;

    @Option(names = "--address", paramLabel = "IP", defaultValue = ApiServerConfig.DEFAULT_BIND_ADDRESS,
            description = "Address the apiserver listens on (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ApiServerConfig.DEFAULT_PORT,
            description = "The apiserver's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--service-cluster-ip-range", paramLabel = "CIDR", defaultValue = ServiceIpAllocator.DEFAULT_RANGE,
            description = "Where services' cluster IPs come from (default: ${DEFAULT-VALUE}).")
    String serviceClusterIpRange;

    @Mixin
    NodePortRangeOption serviceNodePortRange;

    @Option(names = "--no-kubelet", description = "Run only the control plane (no Docker engine needed).")
    boolean noKubelet;

    @Option(names = "--docker-host", paramLabel = "URL", defaultValue = "${env:DOCKER_HOST:-unix:///var/run/docker.sock}",
            description = "The Docker engine the kubelet drives (env DOCKER_HOST; default: ${DEFAULT-VALUE}).")
    String dockerHost;

    @Option(names = "--node-name", paramLabel = "NAME", defaultValue = "${env:SKIFF_NODE_NAME}",
            description = "The node's name (default: the host name; env SKIFF_NODE_NAME).")
    String nodeName;

    @Option(names = "--kubelet-address", paramLabel = "IP", defaultValue = KubeletConfig.DEFAULT_ADDRESS,
            description = "Address of the kubelet's HTTP server and of the services' node ports (default: ${DEFAULT-VALUE}).")
    String kubeletAddress;

    @Option(names = "--kubelet-port", paramLabel = "PORT", defaultValue = "" + KubeletConfig.DEFAULT_PORT,
            description = "The kubelet's HTTP port (logs) (default: ${DEFAULT-VALUE}).")
    int kubeletPort;

    @Option(names = "--pod-infra-image", paramLabel = "IMAGE", defaultValue = KubeletConfig.DEFAULT_POD_INFRA_IMAGE,
            description = "Image of the container holding each pod's network namespace (default: ${DEFAULT-VALUE}).")
    String podInfraImage;

    @Option(names = "--no-config", description = "Do not write the CLI config file (the server URL for plain `skiff get`).")
    boolean noConfig;

    @Option(names = "--logtostderr", description = "Log to stderr instead of <data-dir>/skiff-up.log.")
    boolean logToStderr;

    @Override
    public Integer call() throws InterruptedException {
        Terminal terminal = ((Terminal.Holder) spec.root().userObject()).terminal();
        PrintStream out = terminal.out();
        UpOptions options;
        try {
            options = options(terminal);
        } catch (IllegalArgumentException e) {
            terminal.err().println("error: " + e.getMessage());
            return 1;
        }
        logging.apply();
        if (!logToStderr) {
            UpLogging.toFile(options.logFile());
        }
        out.println("skiff up: a cluster on this machine, state in " + options.dataDir()
                + (logToStderr ? "" : " (log: " + options.logFile() + ")"));
        LocalCluster cluster;
        try {
            cluster = LocalCluster.start(options, line -> out.println("  " + line));
        } catch (UpException e) {
            terminal.err().println("skiff up: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("skiff-up-shutdown").unstarted(() -> {
            out.println("skiff up: stopping; the pods' containers keep running and the next `skiff up` adopts them");
            cluster.close();
            out.println("skiff up: stopped");
            stopped.countDown();
        }));
        printNextSteps(out, terminal, options, cluster);
        stopped.await();
        return 0;
    }

    private UpOptions options(Terminal terminal) {
        Path dir = dataDir != null ? dataDir : terminal.home().resolve(".skiff");
        String node = nodeName == null || nodeName.isBlank() ? HostInfo.hostname() : nodeName;
        String explicitConfig = terminal.env().get(CliConfig.ENV_CONFIG);
        Path configFile = noConfig ? null
                : explicitConfig != null && !explicitConfig.isBlank() ? Path.of(explicitConfig.strip())
                : dir.resolve("config");
        UpOptions o = new UpOptions(dir, etcd.storageOptions().orElse(null), etcdPrefix, address, port,
                serviceClusterIpRange, serviceNodePortRange.checked(), !noKubelet, dockerHost,
                node.toLowerCase(Locale.ROOT), kubeletAddress, kubeletPort, podInfraImage, configFile);
        // The kubelet's own checks (a DNS name, ports in range), before anything starts.
        KubeletConfig.defaults(o.nodeName()).withServer(o.kubeletAddress(), o.kubeletPort());
        return o;
    }

    private static void printNextSteps(PrintStream out, Terminal terminal, UpOptions options, LocalCluster cluster) {
        out.println();
        out.println("The cluster is up. The API is at " + cluster.url() + ". In another terminal:");
        Path plainConfig = CliConfig.path(terminal.env(), terminal.home()).toAbsolutePath();
        if (options.configFile() == null) {
            out.println("  export SKIFF_SERVER=" + cluster.url());
        } else if (!options.configFile().toAbsolutePath().equals(plainConfig)) {
            out.println("  export SKIFF_CONFIG=" + options.configFile().toAbsolutePath());
        }
        out.println("  skiff get nodes");
        out.println("  skiff apply -f examples/web.yaml      # 3 web servers and a NodePort service");
        out.println("  skiff get pods -o wide");
        if (options.kubelet()) {
            out.println("  curl http://" + options.kubeletAddress() + ":30080/          # through the service's node port");
        } else {
            out.println("No kubelet runs here (--no-kubelet): pods wait for a `skiff kubelet --server " + cluster.url()
                    + "` to join.");
        }
        out.println("Ctrl-C stops the cluster; the pods' containers keep running and the next `skiff up` adopts them.");
        out.flush();
    }
}
