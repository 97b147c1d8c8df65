package io.skiff.cli.node;

import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec;
import io.skiff.cli.command.Session;

/** Marking a node (un)schedulable: a compare-and-swap on {@code spec.unschedulable}, retried on conflict. */
final class Cordon {
    private Cordon() {}

    /** Sets the flag; prints {@code node/x cordoned} or {@code node/x already cordoned} (and the un- forms). */
    static void set(Session session, String nodeName, boolean unschedulable) {
        boolean[] changed = {false};
        session.client().nodes().updateWithRetry(nodeName, node -> {
            boolean now = node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable());
            changed[0] = now != unschedulable;
            if (!changed[0]) {
                return null;
            }
            NodeSpec spec = node.spec() == null ? new NodeSpec(null, null, null, null, null) : node.spec();
            return new Node(node.metadata(), spec.withUnschedulable(unschedulable ? Boolean.TRUE : null), node.status());
        });
        String what = unschedulable ? "cordoned" : "uncordoned";
        session.out().println("node/" + nodeName + (changed[0] ? " " : " already ") + what);
        session.out().flush();
    }
}
