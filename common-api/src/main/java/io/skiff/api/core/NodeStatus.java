package io.skiff.api.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.skiff.api.resource.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a kubelet reports about its node. */
public record NodeStatus(
        Map<String, Quantity> capacity,
        Map<String, Quantity> allocatable,
        List<NodeCondition> conditions,
        List<NodeAddress> addresses,
        NodeDaemonEndpoints daemonEndpoints,
        NodeSystemInfo nodeInfo,
        List<ContainerImage> images) {

    public NodeStatus withConditions(List<NodeCondition> v) {
        return new NodeStatus(capacity, allocatable, v, addresses, daemonEndpoints, nodeInfo, images);
    }

    public NodeStatus withAllocatable(Map<String, Quantity> v) {
        return new NodeStatus(capacity, v, conditions, addresses, daemonEndpoints, nodeInfo, images);
    }

    /** Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable. */
    public record NodeCondition(String type, String status, Instant lastHeartbeatTime, Instant lastTransitionTime,
            String reason, String message) {
        public static final String TYPE_READY = "Ready";
        public static final String TYPE_MEMORY_PRESSURE = "MemoryPressure";
        public static final String TYPE_DISK_PRESSURE = "DiskPressure";
        public static final String TYPE_PID_PRESSURE = "PIDPressure";
        public static final String TYPE_NETWORK_UNAVAILABLE = "NetworkUnavailable";
    }

    public record NodeAddress(String type, String address) {
        public static final String TYPE_HOSTNAME = "Hostname";
        public static final String TYPE_INTERNAL_IP = "InternalIP";
        public static final String TYPE_EXTERNAL_IP = "ExternalIP";
        public static final String TYPE_INTERNAL_DNS = "InternalDNS";
        public static final String TYPE_EXTERNAL_DNS = "ExternalDNS";
    }

    public record NodeDaemonEndpoints(DaemonEndpoint kubeletEndpoint) {}

    /** The kubelet's port; Kubernetes spells the field {@code Port}. */
    public record DaemonEndpoint(@JsonProperty("Port") Integer port) {}

    public record NodeSystemInfo(String machineID, String systemUUID, String bootID, String kernelVersion,
            String osImage, String containerRuntimeVersion, String kubeletVersion, String kubeProxyVersion,
            String operatingSystem, String architecture) {}

    /** An image present on the node. */
    public record ContainerImage(List<String> names, Long sizeBytes) {}
}
