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

    public NodeInfo withNode(Node n) {
        return build(n, pods);
    }

    public NodeInfo withPod(Pod pod) {
        Map<String, Pod> m = new LinkedHashMap<>(pods);
        m.put(key(pod), pod);
        return build(node, m);
    }

    public NodeInfo withoutPod(String podKey) {
        if (!pods.containsKey(podKey)) {
            return this;
        }
        Map<String, Pod> m = new LinkedHashMap<>(pods);
        m.remove(podKey);
        return build(node, m);
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
