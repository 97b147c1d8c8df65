package io.skiff.cli;

import io.skiff.cli.command.GoDuration;
import io.skiff.client.ClientConfig;
import io.skiff.client.SkiffClient;
import io.skiff.kubelet.Kubelet;
import io.skiff.kubelet.KubeletConfig;
import io.skiff.kubelet.node.HostInfo;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.docker.DockerRuntime;
import io.skiff.kubelet.runtime.simulated.SimulatedRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code skiff kubelet}: the node agent. Every flag falls back to an environment variable. It runs
 * until SIGTERM (or Ctrl-C), then stops cleanly and leaves the containers running: the next
 * kubelet on this node adopts them.
 */
@Command(name = "kubelet", mixinStandardHelpOptions = true,
        description = "Run the node agent that drives this machine's Docker engine.")
final class KubeletCommand implements Callable<Integer> {
    enum RuntimeKind { docker, simulated }

    @Mixin
    LoggingOptions logging;

    @Option(names = "--server", paramLabel = "URL", description = "The apiserver (else SKIFF_SERVER, KUBERNETES_MASTER,"
            + " http://localhost:8080).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:SKIFF_TOKEN}",
            description = "Bearer token for the apiserver (env SKIFF_TOKEN).")
    String token;

    @Option(names = "--certificate-authority", paramLabel = "FILE", defaultValue = "${env:SKIFF_CERTIFICATE_AUTHORITY}",
            description = "PEM file of the CA that signed the apiserver's certificate (env SKIFF_CERTIFICATE_AUTHORITY).")
    Path certificateAuthority;

    @Option(names = "--node-name", paramLabel = "NAME", defaultValue = "${env:SKIFF_NODE_NAME}",
            description = "This node's name (env SKIFF_NODE_NAME; default: the host name).")
    String nodeName;

    @Option(names = "--root-dir", paramLabel = "DIR", defaultValue = "${env:SKIFF_KUBELET_ROOT_DIR:-/var/lib/skiff/kubelet}",
            description = "The kubelet's working directory; pod volumes live under it (default: ${DEFAULT-VALUE}).")
    Path rootDir;

    @Option(names = "--docker-host", paramLabel = "URL", defaultValue = "${env:DOCKER_HOST:-unix:///var/run/docker.sock}",
            description = "The Docker engine (env DOCKER_HOST; default: ${DEFAULT-VALUE}).")
    String dockerHost;

    @Option(names = "--pod-infra-image", paramLabel = "IMAGE",
            defaultValue = "${env:SKIFF_POD_INFRA_IMAGE:-" + KubeletConfig.DEFAULT_POD_INFRA_IMAGE + "}",
            description = "Image of the container holding each pod's network namespace (default: ${DEFAULT-VALUE}).")
    String podInfraImage;

    @Option(names = "--pod-infra-command", paramLabel = "CMD", defaultValue = "${env:SKIFF_POD_INFRA_COMMAND:-sleep infinity}",
            description = "What the infra container runs; it only has to live (default: ${DEFAULT-VALUE}).")
    String podInfraCommand;

    @Option(names = "--manifest-dir", paramLabel = "DIR", defaultValue = "${env:SKIFF_MANIFEST_DIR}",
            description = "Directory of static pod manifests (env SKIFF_MANIFEST_DIR).")
    Path manifestDir;

    @Option(names = "--address", paramLabel = "IP", defaultValue = "${env:SKIFF_KUBELET_ADDRESS:-127.0.0.1}",
            description = "Address of the kubelet's HTTP server (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:SKIFF_KUBELET_PORT:-10250}",
            description = "Port of the kubelet's HTTP server; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--node-status-update-frequency", paramLabel = "DURATION", converter = GoDuration.class,
            defaultValue = "${env:SKIFF_NODE_STATUS_UPDATE_FREQUENCY:-10s}",
            description = "How often the node's status is written (default: ${DEFAULT-VALUE}).")
    Duration nodeStatusUpdateFrequency;

    @Option(names = "--sync-frequency", paramLabel = "DURATION", converter = GoDuration.class,
            defaultValue = "${env:SKIFF_SYNC_FREQUENCY:-10s}",
            description = "How often every pod is synced again (default: ${DEFAULT-VALUE}).")
    Duration syncFrequency;

    @Option(names = "--runtime", paramLabel = "KIND", defaultValue = "${env:SKIFF_RUNTIME:-docker}",
            description = "docker, or simulated (containers in memory, for hollow nodes) (default: ${DEFAULT-VALUE}).")
    RuntimeKind runtime;

    @Override
    public Integer call() throws InterruptedException {
        logging.apply();
        KubeletConfig config = config();
        ClientConfig clientConfig = ClientConfig.fromEnvironment(server).withBearerToken(token)
                .withCaFile(certificateAuthority);
        SkiffClient client = new SkiffClient(clientConfig);
        ContainerRuntime containers = runtime == RuntimeKind.simulated ? new SimulatedRuntime()
                : new DockerRuntime(DockerRuntime.Options.of(dockerHost));
        Kubelet kubelet = new Kubelet(config, client, containers).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("kubelet-shutdown").unstarted(() -> {
            kubelet.close(); // containers keep running: the next kubelet adopts them
            containers.close();
            client.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** The kubelet's configuration from the flags. */
    KubeletConfig config() {
        String node = nodeName == null || nodeName.isBlank() ? HostInfo.hostname() : nodeName;
        List<String> infraCommand = podInfraCommand == null || podInfraCommand.isBlank() ? List.of()
                : List.of(podInfraCommand.strip().split("\\s+"));
        return KubeletConfig.defaults(node.toLowerCase(Locale.ROOT))
                .withRootDir(rootDir)
                .withPodInfra(podInfraImage, infraCommand)
                .withManifestDir(manifestDir)
                .withServer(address, port)
                .withFrequencies(nodeStatusUpdateFrequency, syncFrequency);
    }
}
