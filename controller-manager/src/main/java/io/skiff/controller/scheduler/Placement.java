package io.skiff.controller.scheduler;

import io.skiff.api.core.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The scheduling decision for one pod on a snapshot of the nodes: filter with
 * {@link Predicates}, rank the survivors with {@link NodeScorer}, pick the best (a random one
 * among equals, so that several pods of one burst do not all pile onto the same node).
 */
public final class Placement {
    private Placement() {}

    /** Where the pod goes: a node name, or why none fits. */
    public sealed interface Result permits Fit, FitFailure {}

    public record Fit(String nodeName, long score) implements Result {}

    public record FitFailure(FitError error) implements Result {}

    public static Result schedule(Pod pod, Collection<NodeInfo> nodes, RandomGenerator random) {
        List<NodeInfo> feasible = new ArrayList<>();
        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (NodeInfo n : nodes) {
            List<String> reasons = Predicates.failures(pod, n);
            if (reasons.isEmpty()) {
                feasible.add(n);
            } else {
                failures.put(n.name(), reasons);
            }
        }
        if (feasible.isEmpty()) {
            return new FitFailure(new FitError(nodes.size(), failures));
        }
        int maxPerNode = NodeScorer.maxPerNode(pod, feasible);
        long best = Long.MIN_VALUE;
        NodeInfo chosen = null;
        int ties = 0;
        for (NodeInfo n : feasible) {
            long s = NodeScorer.score(pod, n, maxPerNode);
            if (s > best) {
                best = s;
                chosen = n;
                ties = 1;
            } else if (s == best && random.nextInt(++ties) == 0) {
                chosen = n; // reservoir sampling: each of the equal best is equally likely
            }
        }
        return new Fit(chosen.name(), best);
    }
}
