package io.skiff.controller.scheduler;

import io.skiff.api.core.Pod;
import java.util.Collection;

/**
 * Ranks the nodes a pod fits, as Kubernetes' default priorities: least requested (the share of
 * cpu and memory left after placing the pod, 0..100 each, averaged) plus spreading (fewer pods
 * of the pod's own controller on the node score higher, 0..100). Pods without requests count
 * with {@link PodRequests#nonZero} defaults, so they too spread by load.
 */
public final class NodeScorer {
    public static final int MAX_SCORE = 100;

    private NodeScorer() {}

    public static long leastRequested(Pod pod, NodeInfo info) {
        PodRequests after = info.nonZeroRequested().plus(PodRequests.nonZero(pod));
        long cpu = leastRequested(after.milliCpu(), info.allocatableMilliCpu());
        long mem = leastRequested(after.memoryBytes(), info.allocatableMemory());
        return (cpu + mem) / 2;
    }

    static long leastRequested(long requested, long allocatable) {
        if (allocatable <= 0 || requested > allocatable) {
            return 0;
        }
        return (allocatable - requested) * MAX_SCORE / allocatable;
    }

    /** The spreading score on {@code info}, given the most pods of this controller on any candidate node. */
    public static long spreading(Pod pod, NodeInfo info, int maxPerNode) {
        String owner = NodeInfo.controllerUid(pod);
        if (owner == null || maxPerNode == 0) {
            return MAX_SCORE;
        }
        int here = info.podsPerController().getOrDefault(owner, 0);
        return (long) MAX_SCORE * (maxPerNode - here) / maxPerNode;
    }

    /** The most pods of the pod's controller on any of the nodes (0 for a pod without one). */
    public static int maxPerNode(Pod pod, Collection<NodeInfo> nodes) {
        String owner = NodeInfo.controllerUid(pod);
        if (owner == null) {
            return 0;
        }
        int max = 0;
        for (NodeInfo n : nodes) {
            max = Math.max(max, n.podsPerController().getOrDefault(owner, 0));
        }
        return max;
    }

    public static long score(Pod pod, NodeInfo info, int maxPerNode) {
        return leastRequested(pod, info) + spreading(pod, info, maxPerNode);
    }
}
