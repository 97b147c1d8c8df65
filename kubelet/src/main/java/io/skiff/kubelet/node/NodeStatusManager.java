package io.skiff.kubelet.node;

import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.NodeStatus.NodeCondition;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.resource.Quantity;
import io.skiff.client.ApiException;
import io.skiff.client.SkiffClient;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerRuntimeException;
import io.skiff.kubelet.runtime.RuntimeVersion;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers this node's {@code Node} and keeps its status: addresses, capacity and allocatable,
 * system info with the container runtime's version, the kubelet's port, and the conditions —
 * {@code Ready} is True while the container runtime answers. Each update is a read-modify-write
 * with retry on conflict, so what the node lifecycle controller or a user wrote meanwhile
 * (taints, unschedulable, labels) is kept.
 */
public final class NodeStatusManager {
    private static final Logger log = LoggerFactory.getLogger(NodeStatusManager.class);

    private final SkiffClient client;
    private final ContainerRuntime runtime;
    private final String nodeName;
    private final String nodeIp;
    private final int maxPods;
    private final InstantSource clock;
    private volatile int kubeletPort;
    private volatile boolean registered;
    private volatile String uid;

    public NodeStatusManager(SkiffClient client, ContainerRuntime runtime, String nodeName, String nodeIp, int maxPods,
                             InstantSource clock) {
        this.client = client;
        this.runtime = runtime;
        this.nodeName = nodeName;
        this.nodeIp = nodeIp;
        this.maxPods = maxPods;
        this.clock = clock;
    }

    public void setKubeletPort(int port) {
        this.kubeletPort = port;
    }

    public boolean isRegistered() {
        return registered;
    }

    /** The Node's uid, once registered. */
    public String nodeUid() {
        return uid;
    }

    /** Creates the Node if it does not exist (a node that exists is this one, re-registering). */
    public void register() {
        Map<String, String> labels = Map.of(
                "kubernetes.io/hostname", nodeName,
                "kubernetes.io/os", "linux",
                "kubernetes.io/arch", HostInfo.architecture());
        Node node = new Node(ObjectMeta.named(nodeName).withLabels(labels), new NodeSpec(null, null, null, null, null),
                null);
        try {
            Node created = client.nodes().create(node);
            uid = created.metadata().uid();
            log.info("Registered node {}", nodeName);
        } catch (ApiException e) {
            if (!e.isAlreadyExists()) {
                throw e;
            }
            uid = client.nodes().get(nodeName).metadata().uid();
            log.info("Node {} was registered before", nodeName);
        }
        updateStatus();
        registered = true;
    }

    /** Writes the node's status now (the heartbeat of {@code --node-status-update-frequency}). */
    public void updateStatus() {
        RuntimeVersion version = null;
        String notReady = null;
        try {
            version = runtime.version();
        } catch (ContainerRuntimeException e) {
            notReady = "container runtime is down: " + e.getMessage();
        }
        RuntimeVersion v = version;
        String problem = notReady;
        Node updated;
        try {
            updated = client.nodes().updateStatusWithRetry(nodeName, n -> n.withStatus(status(n.status(), v, problem)));
        } catch (ApiException e) {
            if (!e.isNotFound() || !registered) {
                throw e;
            }
            log.warn("Node {} was deleted from the apiserver; registering it again", nodeName);
            register();
            return;
        }
        uid = updated.metadata().uid();
    }

    NodeStatus status(NodeStatus previous, RuntimeVersion version, String notReady) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Quantity> capacity = HostInfo.capacity(maxPods);
        List<NodeCondition> conditions = new ArrayList<>();
        conditions.add(condition(previous, NodeCondition.TYPE_MEMORY_PRESSURE, "False", "KubeletHasSufficientMemory",
                "kubelet has sufficient memory available", now));
        conditions.add(condition(previous, NodeCondition.TYPE_DISK_PRESSURE, "False", "KubeletHasNoDiskPressure",
                "kubelet has no disk pressure", now));
        conditions.add(condition(previous, NodeCondition.TYPE_PID_PRESSURE, "False", "KubeletHasSufficientPID",
                "kubelet has sufficient PID available", now));
        conditions.add(notReady == null
                ? condition(previous, NodeCondition.TYPE_READY, "True", "KubeletReady", "kubelet is posting ready status", now)
                : condition(previous, NodeCondition.TYPE_READY, "False", "KubeletNotReady", notReady, now));
        NodeStatus.NodeSystemInfo info = version != null || previous == null || previous.nodeInfo() == null
                ? HostInfo.systemInfo(version) : previous.nodeInfo();
        return new NodeStatus(capacity, capacity, conditions,
                List.of(new NodeStatus.NodeAddress(NodeStatus.NodeAddress.TYPE_INTERNAL_IP, nodeIp),
                        new NodeStatus.NodeAddress(NodeStatus.NodeAddress.TYPE_HOSTNAME, nodeName)),
                new NodeStatus.NodeDaemonEndpoints(new NodeStatus.DaemonEndpoint(kubeletPort)),
                info, previous == null ? null : previous.images());
    }

    private static NodeCondition condition(NodeStatus previous, String type, String status, String reason,
                                           String message, Instant now) {
        Instant transition = now;
        if (previous != null && previous.conditions() != null) {
            for (NodeCondition c : previous.conditions()) {
                if (type.equals(c.type()) && status.equals(c.status()) && c.lastTransitionTime() != null) {
                    transition = c.lastTransitionTime();
                }
            }
        }
        return new NodeCondition(type, status, now, transition, reason, message);
    }
}
