package io.skiff.cli.up;

import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus.NodeCondition;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.apiserver.logs.PodLogRoutes;
import io.skiff.apiserver.v1beta1.V1beta1Api;
import io.skiff.cli.config.CliConfig;
import io.skiff.cli.config.CliConfigException;
import io.skiff.client.ApiException;
import io.skiff.client.ClientConfig;
import io.skiff.client.SkiffClient;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.ControllerManagerConfig;
import io.skiff.controller.leaderelection.LeaderElectionConfig;
import io.skiff.kubelet.Kubelet;
import io.skiff.kubelet.KubeletConfig;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerRuntimeException;
import io.skiff.kubelet.runtime.RuntimeVersion;
import io.skiff.kubelet.runtime.docker.DockerRuntime;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.StorageFactory;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole cluster in this process: storage (SQLite under the data directory, or etcd), the
 * apiserver, the controller-manager and a kubelet on the local Docker engine. What
 * {@code skiff up} runs, and what tests start in-process.
 *
 * <p>The controller-manager elects itself on a Lease with a stable identity ({@code skiff-up/<node>}):
 * a standalone {@code skiff controller-manager} pointed at the same cluster (or a second
 * {@code skiff up} on the same etcd prefix) then never runs the controllers twice, and a
 * {@code skiff up} restarted after a crash is the lease's holder already, so it takes it back at
 * once instead of waiting for it to expire.
 *
 * <p>Closing stops everything and leaves the containers running: the next {@code skiff up} on the
 * same data directory and node name adopts them (the kubelet finds them by their labels) and
 * removes those of pods deleted meanwhile.
 */
public final class LocalCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);
    static final Duration NODE_READY_TIMEOUT = Duration.ofSeconds(60);

    private final UpOptions options;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private ApiServer apiServer;
    private Kubelet kubelet;
    private int adoptedContainers;
    private boolean closed;

    private LocalCluster(UpOptions options) {
        this.options = options;
    }

    /**
     * Starts every part, reporting each step to {@code progress} as it is done; on failure stops
     * what was started and throws {@link UpException} with a message for the user.
     */
    public static LocalCluster start(UpOptions options, Consumer<String> progress) throws UpException {
        LocalCluster cluster = new LocalCluster(options);
        try {
            cluster.startAll(progress);
            return cluster;
        } catch (UpException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll(Consumer<String> progress) throws UpException {
        ContainerRuntime docker = null;
        if (options.kubelet()) {
            // Checked first: without an engine nothing else is worth starting.
            docker = closing(new DockerRuntime(DockerRuntime.Options.of(options.dockerHost())));
            RuntimeVersion version = dockerVersion(docker);
            adoptedContainers = docker.listContainers(Map.of(ContainerLabels.NODE, options.nodeName()), false).size();
            progress.accept("docker engine " + version.version() + " at " + options.dockerHost());
        }

        Storage storage = closing(openStorage());
        progress.accept("storage ready (" + describeStorage() + ")");

        ApiServerConfig apiConfig = ApiServerConfig.defaults(storage)
                .withBindAddress(options.address())
                .withPort(options.port())
                .withRegistryRoot(options.etcdPrefix())
                .withServiceClusterIpRange(options.serviceClusterIpRange())
                .withServiceNodePortRange(options.serviceNodePortRange());
        ApiServer api = closing(ApiServer.builder(apiConfig).routes(V1beta1Api.withDefaults()).routes(new PodLogRoutes()).build());
        try {
            api.start();
        } catch (RuntimeException e) {
            throw bindFailure(e, "the apiserver", options.address(), options.port(), "--port");
        }
        apiServer = api;
        progress.accept("apiserver listening on " + api.url());

        ClientConfig clientConfig = ClientConfig.forServer(api.url().toString());
        ControllerManagerConfig cmConfig = ControllerManagerConfig.defaults(clientConfig)
                .withLeaderElection(LeaderElectionConfig.defaults("skiff-up/" + options.nodeName()))
                .withPort(options.address(), -1); // the apiserver's /healthz is the cluster's
        ControllerManager cm = closing(new ControllerManager(cmConfig).start());
        progress.accept("controller-manager started (" + String.join(", ",
                new java.util.TreeSet<>(cmConfig.controllers())) + ")");

        if (docker == null) {
            progress.accept("no kubelet (--no-kubelet): pods stay Pending until a kubelet joins");
        } else {
            SkiffClient kubeletClient = closing(new SkiffClient(clientConfig));
            KubeletConfig kubeletConfig = KubeletConfig.defaults(options.nodeName())
                    .withRootDir(options.kubeletRootDir())
                    .withPodInfra(options.podInfraImage(), KubeletConfig.DEFAULT_POD_INFRA_COMMAND)
                    .withServer(options.kubeletAddress(), options.kubeletPort());
            Kubelet k = closing(new Kubelet(kubeletConfig, kubeletClient, docker));
            try {
                k.start();
            } catch (RuntimeException e) {
                throw bindFailure(e, "the kubelet", options.kubeletAddress(), options.kubeletPort(), "--kubelet-port");
            }
            kubelet = k;
            awaitNodeReady(kubeletClient);
            progress.accept("node " + options.nodeName() + " Ready (kubelet on " + options.kubeletAddress() + ":"
                    + k.port() + (adoptedContainers > 0 ? ", adopting " + adoptedContainers
                    + " running containers of earlier pods" : "") + ")");
        }
        writeConfig(progress);
        log.info("skiff up: cluster running at {} (cm {})", api.url(), cm.identity());
    }

    private RuntimeVersion dockerVersion(ContainerRuntime docker) throws UpException {
        try {
            return docker.version();
        } catch (ContainerRuntimeException | IllegalStateException e) {
            throw new UpException(noDockerMessage(options.dockerHost(), e.getMessage()), e);
        }
    }

    /** What to do when there is no engine: said exactly, with the ways to get one. */
    static String noDockerMessage(String dockerHost, String cause) {
        return "no Docker engine answers at " + dockerHost + (cause == null ? "" : " (" + cause + ")") + ".\n"
                + "The kubelet runs pods as Docker containers. To get an engine:\n"
                + "  - install one:       apt-get install docker.io   (Debian/Ubuntu; other systems: docs.docker.com)\n"
                + "  - start it:          systemctl start docker      (or run dockerd yourself)\n"
                + "  - or use another:    skiff up --docker-host unix:///path/to/docker.sock   (or set DOCKER_HOST)\n"
                + "To run only the control plane (apiserver and controller-manager): skiff up --no-kubelet";
    }

    private Storage openStorage() throws UpException {
        try {
            return StorageFactory.open(options.storageOptions());
        } catch (StorageException e) {
            throw new UpException("cannot open the storage (" + describeStorage() + "): " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UpException(e.getMessage(), e);
        }
    }

    private String describeStorage() {
        return options.embeddedStore() ? "sqlite at " + options.dataDir().resolve("skiff.db")
                : options.etcd() + ", key prefix " + options.etcdPrefix(); // etcd:[URLs], "(TLS)" with TLS
    }

    private void awaitNodeReady(SkiffClient client) throws UpException {
        long deadline = System.nanoTime() + NODE_READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (isReady(client.nodes().get(options.nodeName()))) {
                    return;
                }
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpException("interrupted while waiting for node " + options.nodeName(), e);
            }
        }
        throw new UpException("node " + options.nodeName() + " did not become Ready within "
                + NODE_READY_TIMEOUT.toSeconds() + "s; see " + options.logFile());
    }

    /** Whether the node reports Ready=True. */
    public static boolean isReady(Node node) {
        return node.status() != null && node.status().conditions() != null && node.status().conditions().stream()
                .anyMatch(c -> NodeCondition.TYPE_READY.equals(c.type()) && "True".equals(c.status()));
    }

    private void writeConfig(Consumer<String> progress) throws UpException {
        if (options.configFile() == null) {
            return;
        }
        try {
            CliConfig.forServer(apiServer.url().toString()).save(options.configFile());
        } catch (CliConfigException e) {
            throw new UpException(e.getMessage(), e);
        }
        progress.accept("wrote " + options.configFile() + " (server " + apiServer.url() + ")");
    }

    /** A port in use, told as what to do about it; any other failure as it is. */
    private static UpException bindFailure(RuntimeException e, String who, String address, int port, String flag) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new UpException(who + " cannot listen on " + address + ":" + port + " (" + t.getMessage()
                        + "): is another skiff up running? Stop it, or choose another port with " + flag + ".", e);
            }
        }
        return new UpException(who + " failed to start: " + e.getMessage(), e);
    }

    private <T extends AutoCloseable> T closing(T c) {
        started.push(c);
        return c;
    }

    public URI url() {
        return apiServer.url();
    }

    public UpOptions options() {
        return options;
    }

    /** The kubelet, or null with {@code --no-kubelet}. */
    public Kubelet kubelet() {
        return kubelet;
    }

    /** Running containers of this node found at start (adopted by the kubelet). */
    public int adoptedContainers() {
        return adoptedContainers;
    }

    /** Stops everything, the last started first; containers keep running. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
