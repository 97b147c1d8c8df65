package io.skiff.cli.tables;

import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A node's row: STATUS from its Ready condition (plus SchedulingDisabled), ROLES from its labels. */
final class NodeColumns {
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";

    private NodeColumns() {}

    static List<Object> cells(Node node, Instant now) {
        NodeStatus st = node.status();
        NodeStatus.NodeSystemInfo info = st == null ? null : st.nodeInfo();
        String version = info == null || info.kubeletVersion() == null ? "" : info.kubeletVersion();
        return Arrays.asList(node.name(), status(node), roles(node), LocalTables.age(node, now), version,
                address(st, NodeStatus.NodeAddress.TYPE_INTERNAL_IP), address(st, NodeStatus.NodeAddress.TYPE_EXTERNAL_IP),
                info == null ? "<unknown>" : orUnknown(info.osImage()),
                info == null ? "<unknown>" : orUnknown(info.kernelVersion()),
                info == null ? "<unknown>" : orUnknown(info.containerRuntimeVersion()));
    }

    public static String status(Node node) {
        List<String> status = new ArrayList<>();
        String ready = "Unknown";
        if (node.status() != null && node.status().conditions() != null) {
            for (NodeStatus.NodeCondition c : node.status().conditions()) {
                if (NodeStatus.NodeCondition.TYPE_READY.equals(c.type())) {
                    ready = "True".equals(c.status()) ? "Ready" : "False".equals(c.status()) ? "NotReady" : "Unknown";
                }
            }
        }
        status.add(ready);
        if (node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable())) {
            status.add("SchedulingDisabled");
        }
        return String.join(",", status);
    }

    static String roles(Node node) {
        TreeSet<String> roles = new TreeSet<>();
        Map<String, String> labels = node.metadataOrEmpty().labels();
        if (labels != null) {
            labels.forEach((k, v) -> {
                if (k.startsWith(ROLE_PREFIX) && k.length() > ROLE_PREFIX.length()) {
                    roles.add(k.substring(ROLE_PREFIX.length()));
                } else if (k.equals("kubernetes.io/role") && !v.isEmpty()) {
                    roles.add(v);
                }
            });
        }
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }

    private static String address(NodeStatus st, String type) {
        if (st != null && st.addresses() != null) {
            for (NodeStatus.NodeAddress a : st.addresses()) {
                if (type.equals(a.type())) {
                    return a.address();
                }
            }
        }
        return "<none>";
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "<unknown>" : s;
    }
}
