package io.skiff.controller.scheduler;

import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec.Taint;
import io.skiff.api.core.NodeStatus.NodeCondition;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a pod fits a node, and if not why, in the words of Kubernetes' filter plugins. The
 * checks run in Kubernetes' plugin order and stop at the first that fails, except the resource
 * check, which names every resource that is short (as NodeResourcesFit does).
 */
public final class Predicates {
    public static final String UNSCHEDULABLE = "node(s) were unschedulable";
    public static final String NOT_READY = "node(s) were not ready";
    public static final String SELECTOR_MISMATCH = "node(s) didn't match Pod's node affinity/selector";
    public static final String PORTS_IN_USE = "node(s) didn't have free ports for the requested pod ports";
    public static final String INSUFFICIENT_CPU = "Insufficient cpu";
    public static final String INSUFFICIENT_MEMORY = "Insufficient memory";
    public static final String TOO_MANY_PODS = "Too many pods";

    private Predicates() {}

    /** The reasons the pod does not fit the node; empty when it fits. */
    public static List<String> failures(Pod pod, NodeInfo info) {
        Node node = info.node();
        if (node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable())
                && !tolerates(pod, new Taint(Taint.KEY_UNSCHEDULABLE, null, Taint.EFFECT_NO_SCHEDULE, null))) {
            return List.of(UNSCHEDULABLE);
        }
        if (!isReady(node)) {
            return List.of(NOT_READY);
        }
        Taint untolerated = firstUntoleratedTaint(pod, node);
        if (untolerated != null) {
            return List.of("node(s) had untolerated taint {" + untolerated.key() + ": "
                    + (untolerated.value() == null ? "" : untolerated.value()) + "}");
        }
        if (!matchesNodeSelector(pod, node)) {
            return List.of(SELECTOR_MISMATCH);
        }
        if (hasPortConflict(pod, info)) {
            return List.of(PORTS_IN_USE);
        }
        return insufficientResources(pod, info);
    }

    /** The node's Ready condition is True. */
    public static boolean isReady(Node node) {
        if (node.status() == null || node.status().conditions() == null) {
            return false;
        }
        for (NodeCondition c : node.status().conditions()) {
            if (NodeCondition.TYPE_READY.equals(c.type())) {
                return PodCondition.TRUE.equals(c.status());
            }
        }
        return false;
    }

    static boolean matchesNodeSelector(Pod pod, Node node) {
        Map<String, String> selector = pod.spec() == null ? null : pod.spec().nodeSelector();
        if (selector == null || selector.isEmpty()) {
            return true;
        }
        Map<String, String> labels = node.metadata().labels() == null ? Map.of() : node.metadata().labels();
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static boolean hasPortConflict(Pod pod, NodeInfo info) {
        for (HostPort wanted : HostPort.of(pod)) {
            for (HostPort used : info.usedPorts()) {
                if (wanted.conflictsWith(used)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> insufficientResources(Pod pod, NodeInfo info) {
        List<String> out = new ArrayList<>();
        if (info.pods().size() + 1L > info.allowedPodCount()) {
            out.add(TOO_MANY_PODS);
        }
        PodRequests want = PodRequests.of(pod);
        if (want.milliCpu() > 0 && want.milliCpu() > info.allocatableMilliCpu() - info.requested().milliCpu()) {
            out.add(INSUFFICIENT_CPU);
        }
        if (want.memoryBytes() > 0
                && want.memoryBytes() > info.allocatableMemory() - info.requested().memoryBytes()) {
            out.add(INSUFFICIENT_MEMORY);
        }
        return out;
    }

    private static Taint firstUntoleratedTaint(Pod pod, Node node) {
        if (node.spec() == null || node.spec().taints() == null) {
            return null;
        }
        for (Taint t : node.spec().taints()) {
            boolean blocks = Taint.EFFECT_NO_SCHEDULE.equals(t.effect()) || Taint.EFFECT_NO_EXECUTE.equals(t.effect());
            if (blocks && !tolerates(pod, t)) {
                return t;
            }
        }
        return null;
    }

    /** Kubernetes' ToleratesTaint: effect, key and (for Equal) value must match; empty key with Exists matches all. */
    static boolean tolerates(Pod pod, Taint taint) {
        List<Toleration> tolerations = pod.spec() == null ? null : pod.spec().tolerations();
        if (tolerations == null) {
            return false;
        }
        for (Toleration t : tolerations) {
            if (t.effect() != null && !t.effect().isEmpty() && !t.effect().equals(taint.effect())) {
                continue;
            }
            boolean exists = Toleration.OPERATOR_EXISTS.equals(t.operator());
            if (t.key() == null || t.key().isEmpty()) {
                if (exists) {
                    return true;
                }
                continue;
            }
            if (!t.key().equals(taint.key())) {
                continue;
            }
            if (exists || nullToEmpty(t.value()).equals(nullToEmpty(taint.value()))) {
                return true;
            }
        }
        return false;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
