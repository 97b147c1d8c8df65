package io.skiff.kubelet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a kubelet is told at start, with the defaults of {@code skiff kubelet}.
 *
 * @param nodeName                  the Node this kubelet registers and whose pods it runs
 * @param rootDir                   the kubelet's working directory (pod volumes live under {@code pods/})
 * @param podInfraImage             image of the container that holds each pod's network namespace
 * @param podInfraCommand           what that container runs: it only has to live (and ignore nothing)
 * @param manifestDir               directory of static pod manifests, or null for none
 * @param address                   address of the kubelet's HTTP server (also the node's InternalIP
 *                                  unless it is a wildcard)
 * @param port                      port of the HTTP server; 0 picks a free one
 * @param nodeStatusUpdateFrequency how often the Node's status (conditions, heartbeat) is written
 * @param syncFrequency             how often every pod is re-synced and orphans are looked for
 * @param leaseRenewInterval        how often the node's Lease in {@code kube-node-lease} is renewed
 * @param leaseDuration             the Lease's {@code leaseDurationSeconds}
 * @param backOffInitial            first container restart back-off (then doubling)
 * @param backOffMax                cap of the container restart back-off
 * @param imageBackOffInitial       first back-off after a failed image pull (then doubling)
 * @param imageBackOffMax           cap of the image pull back-off
 * @param manifestCheckFrequency    how often the manifest directory is read again
 * @param maxPods                   the node's pod capacity
 */
public record KubeletConfig(
        String nodeName,
        Path rootDir,
        String podInfraImage,
        List<String> podInfraCommand,
        Path manifestDir,
        String address,
        int port,
        Duration nodeStatusUpdateFrequency,
        Duration syncFrequency,
        Duration leaseRenewInterval,
        Duration leaseDuration,
        Duration backOffInitial,
        Duration backOffMax,
        Duration imageBackOffInitial,
        Duration imageBackOffMax,
        Duration manifestCheckFrequency,
        int maxPods) {

    public static final Path DEFAULT_ROOT_DIR = Path.of("/var/lib/skiff/kubelet");
    public static final String DEFAULT_POD_INFRA_IMAGE = "busybox:latest";
    public static final List<String> DEFAULT_POD_INFRA_COMMAND = List.of("sleep", "infinity");
    public static final int DEFAULT_PORT = 10250;
    public static final String DEFAULT_ADDRESS = "127.0.0.1";

    public KubeletConfig {
        if (nodeName == null || !nodeName.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
            throw new IllegalArgumentException("node name \"" + nodeName
                    + "\" must be a lowercase DNS subdomain (a-z, 0-9, '-', '.'), as Kubernetes requires");
        }
        Objects.requireNonNull(rootDir, "rootDir");
        rootDir = rootDir.toAbsolutePath().normalize();
        manifestDir = manifestDir == null ? null : manifestDir.toAbsolutePath().normalize();
        if (podInfraImage == null || podInfraImage.isBlank()) {
            throw new IllegalArgumentException("pod infra image must not be empty");
        }
        podInfraCommand = List.copyOf(podInfraCommand == null ? List.of() : podInfraCommand);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        for (Duration d : List.of(nodeStatusUpdateFrequency, syncFrequency, leaseRenewInterval, leaseDuration,
                backOffInitial, backOffMax, imageBackOffInitial, imageBackOffMax, manifestCheckFrequency)) {
            if (d == null || !d.isPositive()) {
                throw new IllegalArgumentException("every period and back-off must be positive, got " + d);
            }
        }
        if (backOffMax.compareTo(backOffInitial) < 0 || imageBackOffMax.compareTo(imageBackOffInitial) < 0) {
            throw new IllegalArgumentException("a back-off cap must not be below its first delay");
        }
        if (maxPods < 1) {
            throw new IllegalArgumentException("maxPods must be positive, got " + maxPods);
        }
    }

    /** The defaults of {@code skiff kubelet} for a node name. */
    public static KubeletConfig defaults(String nodeName) {
        return new KubeletConfig(nodeName, DEFAULT_ROOT_DIR, DEFAULT_POD_INFRA_IMAGE, DEFAULT_POD_INFRA_COMMAND, null,
                DEFAULT_ADDRESS, DEFAULT_PORT, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofSeconds(20), 110);
    }

    /** Where the volumes of the pod with this uid live. */
    public Path podDir(String podUid) {
        return rootDir.resolve("pods").resolve(podUid);
    }

    public KubeletConfig withRootDir(Path v) {
        return new KubeletConfig(nodeName, v, podInfraImage, podInfraCommand, manifestDir, address, port,
                nodeStatusUpdateFrequency, syncFrequency, leaseRenewInterval, leaseDuration, backOffInitial, backOffMax,
                imageBackOffInitial, imageBackOffMax, manifestCheckFrequency, maxPods);
    }

    public KubeletConfig withPodInfra(String image, List<String> command) {
        return new KubeletConfig(nodeName, rootDir, image, command, manifestDir, address, port,
                nodeStatusUpdateFrequency, syncFrequency, leaseRenewInterval, leaseDuration, backOffInitial, backOffMax,
                imageBackOffInitial, imageBackOffMax, manifestCheckFrequency, maxPods);
    }

    public KubeletConfig withManifestDir(Path v) {
        return new KubeletConfig(nodeName, rootDir, podInfraImage, podInfraCommand, v, address, port,
                nodeStatusUpdateFrequency, syncFrequency, leaseRenewInterval, leaseDuration, backOffInitial, backOffMax,
                imageBackOffInitial, imageBackOffMax, manifestCheckFrequency, maxPods);
    }

    public KubeletConfig withServer(String addressV, int portV) {
        return new KubeletConfig(nodeName, rootDir, podInfraImage, podInfraCommand, manifestDir, addressV, portV,
                nodeStatusUpdateFrequency, syncFrequency, leaseRenewInterval, leaseDuration, backOffInitial, backOffMax,
                imageBackOffInitial, imageBackOffMax, manifestCheckFrequency, maxPods);
    }

    public KubeletConfig withFrequencies(Duration nodeStatus, Duration sync) {
        return new KubeletConfig(nodeName, rootDir, podInfraImage, podInfraCommand, manifestDir, address, port,
                nodeStatus, sync, leaseRenewInterval, leaseDuration, backOffInitial, backOffMax,
                imageBackOffInitial, imageBackOffMax, manifestCheckFrequency, maxPods);
    }

    public KubeletConfig withLease(Duration renewInterval, Duration duration) {
        return new KubeletConfig(nodeName, rootDir, podInfraImage, podInfraCommand, manifestDir, address, port,
                nodeStatusUpdateFrequency, syncFrequency, renewInterval, duration, backOffInitial, backOffMax,
                imageBackOffInitial, imageBackOffMax, manifestCheckFrequency, maxPods);
    }

    public KubeletConfig withBackOff(Duration initial, Duration max) {
        return new KubeletConfig(nodeName, rootDir, podInfraImage, podInfraCommand, manifestDir, address, port,
                nodeStatusUpdateFrequency, syncFrequency, leaseRenewInterval, leaseDuration, initial, max,
                imageBackOffInitial, imageBackOffMax, manifestCheckFrequency, maxPods);
    }

    public KubeletConfig withImageBackOff(Duration initial, Duration max) {
        return new KubeletConfig(nodeName, rootDir, podInfraImage, podInfraCommand, manifestDir, address, port,
                nodeStatusUpdateFrequency, syncFrequency, leaseRenewInterval, leaseDuration, backOffInitial, backOffMax,
                initial, max, manifestCheckFrequency, maxPods);
    }

    public KubeletConfig withManifestCheckFrequency(Duration v) {
        return new KubeletConfig(nodeName, rootDir, podInfraImage, podInfraCommand, manifestDir, address, port,
                nodeStatusUpdateFrequency, syncFrequency, leaseRenewInterval, leaseDuration, backOffInitial, backOffMax,
                imageBackOffInitial, imageBackOffMax, v, maxPods);
    }
}
