package io.skiff.controller.scheduler;

import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.meta.OwnerReference;
import io.skiff.api.resource.Quantity;
import io.skiff.controller.Pods;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node as the scheduler sees it: the Node and the pods bound (or assumed bound) to it, with
 * what they request, the host ports they hold and how many belong to each controller. Immutable:
 * the cache replaces a node's NodeInfo on every change, so a scheduling pass works on a
 * consistent snapshot without locks.
 */
public record NodeInfo(Node node, Map<String, Pod> pods, PodRequests requested, PodRequests nonZeroRequested,
        List<HostPort> usedPorts, Map<String, Integer> podsPerController) {

    public NodeInfo {
        pods = Map.copyOf(pods);
        usedPorts = List.copyOf(usedPorts);
        podsPerController = Map.copyOf(podsPerController);
    }

    /** The node with these pods on it (keys are {@code namespace/name}). */
    public static NodeInfo of(Node node, Collection<Pod> pods) {
        Map<String, Pod> byKey = new LinkedHashMap<>();
        for (Pod p : pods) {
            byKey.put(key(p), p);
        }
        return build(node, byKey);
    }

    public String name() {
        return node.metadata().name();
    }

    /** The same pods on a changed Node (their sums do not depend on it). */
    public NodeInfo withNode(Node n) {
        return new NodeInfo(n, pods, requested, nonZeroRequested, usedPorts, podsPerController);
    }

    /**
     * With the pod added (or replacing the one of the same key). Incremental: only this pod's
     * requests, ports and owner are computed, so keeping a node's info current costs the same
     * whether it runs 1 pod or 100, where rebuilding it re-read every pod's requests.
     */
    public NodeInfo withPod(Pod pod) {
        String podKey = key(pod);
        NodeInfo base = withoutPod(podKey);
        Map<String, Pod> m = new HashMap<>(base.pods);
        m.put(podKey, pod);
        List<HostPort> ports = base.usedPorts;
        List<HostPort> podPorts = HostPort.of(pod);
        if (!podPorts.isEmpty()) {
            ports = new ArrayList<>(ports);
            ports.addAll(podPorts);
        }
        Map<String, Integer> perController = base.podsPerController;
        String owner = controllerUid(pod);
        if (owner != null) {
            perController = new HashMap<>(perController);
            perController.merge(owner, 1, Integer::sum);
        }
        return new NodeInfo(node, m, base.requested.plus(PodRequests.of(pod)),
                base.nonZeroRequested.plus(PodRequests.nonZero(pod)), ports, perController);
    }

    /** Without the pod of that key; this one if it is not here. Incremental, as {@link #withPod}. */
    public NodeInfo withoutPod(String podKey) {
        Pod old = pods.get(podKey);
        if (old == null) {
            return this;
        }
        Map<String, Pod> m = new HashMap<>(pods);
        m.remove(podKey);
        List<HostPort> ports = usedPorts;
        List<HostPort> podPorts = HostPort.of(old);
        if (!podPorts.isEmpty()) {
            ports = new ArrayList<>(ports);
            for (HostPort port : podPorts) {
                ports.remove(port); // one occurrence each: another pod may hold an equal one
            }
        }
        Map<String, Integer> perController = podsPerController;
        String owner = controllerUid(old);
        if (owner != null) {
            perController = new HashMap<>(perController);
            perController.computeIfPresent(owner, (uid, n) -> n == 1 ? null : n - 1);
        }
        return new NodeInfo(node, m, requested.minus(PodRequests.of(old)),
                nonZeroRequested.minus(PodRequests.nonZero(old)), ports, perController);
    }

    /** Allocatable of the resource (falling back to capacity); null when the node reports neither. */
    public Quantity allocatable(String resource) {
        if (node.status() == null) {
            return null;
        }
        Quantity q = node.status().allocatable() == null ? null : node.status().allocatable().get(resource);
        if (q == null && node.status().capacity() != null) {
            q = node.status().capacity().get(resource);
        }
        return q;
    }

    public long allocatableMilliCpu() {
        Quantity q = allocatable(ResourceRequirements.CPU);
        return q == null ? 0 : q.milliValue();
    }

    public long allocatableMemory() {
        Quantity q = allocatable(ResourceRequirements.MEMORY);
        return q == null ? 0 : q.value();
    }

    /** How many pods the node takes; a node that reports no pod capacity is not limited by it. */
    public long allowedPodCount() {
        Quantity q = allocatable(ResourceRequirements.PODS);
        return q == null ? Long.MAX_VALUE : q.value();
    }

    /** The uid of the pod's controlling owner (its replication controller), or null. */
    public static String controllerUid(Pod pod) {
        OwnerReference ref = Pods.controllerRef(pod);
        return ref == null ? null : ref.uid();
    }

    public static String key(Pod pod) {
        return pod.metadata().namespace() + "/" + pod.metadata().name();
    }

    private static NodeInfo build(Node node, Map<String, Pod> pods) {
        PodRequests req = PodRequests.ZERO;
        PodRequests nonZero = PodRequests.ZERO;
        List<HostPort> ports = new ArrayList<>();
        Map<String, Integer> perController = new HashMap<>();
        for (Pod p : pods.values()) {
            req = req.plus(PodRequests.of(p));
            nonZero = nonZero.plus(PodRequests.nonZero(p));
            ports.addAll(HostPort.of(p));
            String owner = controllerUid(p);
            if (owner != null) {
                perController.merge(owner, 1, Integer::sum);
            }
        }
        return new NodeInfo(node, pods, req, nonZero, ports, perController);
    }
}
