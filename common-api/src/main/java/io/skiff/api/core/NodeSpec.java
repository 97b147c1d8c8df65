package io.skiff.api.core;

import java.time.Instant;
import java.util.List;

/** {@code NodeSpec}. */
public record NodeSpec(String podCIDR, List<String> podCIDRs, String providerID, Boolean unschedulable,
        List<Taint> taints) {

    public NodeSpec withUnschedulable(Boolean v) {
        return new NodeSpec(podCIDR, podCIDRs, providerID, v, taints);
    }

    public NodeSpec withTaints(List<Taint> v) {
        return new NodeSpec(podCIDR, podCIDRs, providerID, unschedulable, v);
    }

    /** Keeps pods that do not tolerate it off the node. */
    public record Taint(String key, String value, String effect, Instant timeAdded) {
        public static final String EFFECT_NO_SCHEDULE = "NoSchedule";
        public static final String EFFECT_PREFER_NO_SCHEDULE = "PreferNoSchedule";
        public static final String EFFECT_NO_EXECUTE = "NoExecute";
        public static final String KEY_UNREACHABLE = "node.kubernetes.io/unreachable";
        public static final String KEY_NOT_READY = "node.kubernetes.io/not-ready";
        public static final String KEY_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
    }
}
