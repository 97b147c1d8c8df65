package io.skiff.cli.up;

import io.skiff.apiserver.ApiServerConfig;
import io.skiff.apiserver.registry.NodePortAllocator;
import io.skiff.apiserver.registry.RegistryKeys;
import io.skiff.apiserver.registry.ServiceIpAllocator;
import io.skiff.kubelet.KubeletConfig;
import io.skiff.storage.StorageOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code skiff up} runs, from its flags.
 *
 * @param dataDir             state of this cluster: the SQLite store (unless etcd), the kubelet's
 *                            root directory, the log file and the CLI config file
 * @param etcd                etcd instead of the embedded store (its client URLs and TLS files), or null
 * @param etcdPrefix          the key prefix of every object in storage (several clusters may share one etcd)
 * @param address             the apiserver's address
 * @param port                the apiserver's port; 0 picks a free one
 * @param serviceClusterIpRange where services' cluster IPs come from
 * @param serviceNodePortRange  where NodePort services' node ports come from
 * @param kubelet             whether to run a kubelet (false: the control plane only)
 * @param dockerHost          the Docker engine of the kubelet
 * @param nodeName            the node the kubelet registers
 * @param kubeletAddress      the kubelet's HTTP server and the services' node ports listen here
 * @param kubeletPort         the kubelet's HTTP server port; 0 picks a free one
 * @param podInfraImage       the image of each pod's infra container
 * @param configFile          the CLI config file to write (server URL), or null to write none
 */
public record UpOptions(Path dataDir, StorageOptions etcd, String etcdPrefix, String address, int port,
        String serviceClusterIpRange, String serviceNodePortRange, boolean kubelet, String dockerHost, String nodeName,
        String kubeletAddress, int kubeletPort, String podInfraImage, Path configFile) {

    public UpOptions {
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        Objects.requireNonNull(etcdPrefix, "etcdPrefix");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(serviceClusterIpRange, "serviceClusterIpRange");
        Objects.requireNonNull(serviceNodePortRange, "serviceNodePortRange");
        Objects.requireNonNull(dockerHost, "dockerHost");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(kubeletAddress, "kubeletAddress");
        Objects.requireNonNull(podInfraImage, "podInfraImage");
        if (etcd != null && etcd.dataDir() != null) {
            throw new IllegalArgumentException("the embedded store lives in the data directory, not in the etcd options");
        }
    }

    public boolean embeddedStore() {
        return etcd == null;
    }

    /** The storage to open: etcd, or SQLite in the data directory. */
    public StorageOptions storageOptions() {
        return embeddedStore() ? StorageOptions.sqlite(dataDir) : etcd;
    }

    /** The kubelet's working directory, inside the data directory. */
    public Path kubeletRootDir() {
        return dataDir.resolve("kubelet");
    }

    /** The log file of the whole cluster. */
    public Path logFile() {
        return dataDir.resolve("skiff-up.log");
    }

    public UpOptions withPorts(int apiPort, int kubeletPortV) {
        return new UpOptions(dataDir, etcd, etcdPrefix, address, apiPort, serviceClusterIpRange, serviceNodePortRange,
                kubelet, dockerHost, nodeName, kubeletAddress, kubeletPortV, podInfraImage, configFile);
    }

    public UpOptions withoutKubelet() {
        return new UpOptions(dataDir, etcd, etcdPrefix, address, port, serviceClusterIpRange, serviceNodePortRange,
                false, dockerHost, nodeName, kubeletAddress, kubeletPort, podInfraImage, configFile);
    }

    public UpOptions withServiceNodePortRange(String v) {
        return new UpOptions(dataDir, etcd, etcdPrefix, address, port, serviceClusterIpRange, v,
                kubelet, dockerHost, nodeName, kubeletAddress, kubeletPort, podInfraImage, configFile);
    }

    public UpOptions withDockerHost(String v) {
        return new UpOptions(dataDir, etcd, etcdPrefix, address, port, serviceClusterIpRange, serviceNodePortRange,
                kubelet, v, nodeName, kubeletAddress, kubeletPort, podInfraImage, configFile);
    }

    public UpOptions withPodInfraImage(String v) {
        return new UpOptions(dataDir, etcd, etcdPrefix, address, port, serviceClusterIpRange, serviceNodePortRange,
                kubelet, dockerHost, nodeName, kubeletAddress, kubeletPort, v, configFile);
    }

    public UpOptions withConfigFile(Path v) {
        return new UpOptions(dataDir, etcd, etcdPrefix, address, port, serviceClusterIpRange, serviceNodePortRange,
                kubelet, dockerHost, nodeName, kubeletAddress, kubeletPort, podInfraImage, v);
    }

    /** Defaults of {@code skiff up} for a data directory and node name. */
    public static UpOptions defaults(Path dataDir, String nodeName) {
        return new UpOptions(dataDir, null, RegistryKeys.DEFAULT_ROOT, ApiServerConfig.DEFAULT_BIND_ADDRESS,
                ApiServerConfig.DEFAULT_PORT, ServiceIpAllocator.DEFAULT_RANGE, NodePortAllocator.DEFAULT_RANGE, true,
                "unix:///var/run/docker.sock", nodeName, KubeletConfig.DEFAULT_ADDRESS, KubeletConfig.DEFAULT_PORT,
                KubeletConfig.DEFAULT_POD_INFRA_IMAGE, dataDir.resolve("config"));
    }
}
