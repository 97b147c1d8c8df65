package io.skiff.controller.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * No node fits the pod: the reasons per node, summarised as Kubernetes' scheduler prints them
 * in a FailedScheduling event. Its histogram lines are sorted as strings (Go's
 * {@code sort.Strings}), so "1 node(s) were unschedulable" comes before "2 Insufficient cpu".
 */
public record FitError(int numAllNodes, Map<String, List<String>> reasonsByNode) {
    public static final String NO_NODES = "no nodes available to schedule pods";

    public FitError {
        reasonsByNode = Map.copyOf(reasonsByNode);
    }

    /** e.g. {@code 0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.} */
    public String message() {
        if (numAllNodes == 0) {
            return NO_NODES;
        }
        Map<String, Integer> histogram = new TreeMap<>();
        for (List<String> reasons : reasonsByNode.values()) {
            for (String r : reasons) {
                histogram.merge(r, 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        histogram.forEach((reason, count) -> lines.add(count + " " + reason));
        lines.sort(null);
        return "0/" + numAllNodes + " nodes are available: " + String.join(", ", lines) + ".";
    }
}
