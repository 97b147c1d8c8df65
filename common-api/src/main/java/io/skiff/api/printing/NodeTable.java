package io.skiff.api.printing;

import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * kubectl's node row: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE
 * KERNEL-VERSION CONTAINER-RUNTIME. STATUS is Ready / NotReady / Unknown (no Ready condition),
 * with {@code ,SchedulingDisabled} for a cordoned node.
 */
final class NodeTable implements TableGenerator<Node> {
    private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
    private static final String ROLE_LABEL = "kubernetes.io/role";
    private static final List<Table.Column> COLUMNS = List.of(
            Cells.NAME,
            Table.Column.of("Status", "string", "The status of the node"),
            Table.Column.of("Roles", "string", "The roles of the node"),
            Cells.AGE,
            Table.Column.of("Version", "string", "Kubelet Version reported by the node."),
            Table.Column.of("Internal-IP", "string", "List of addresses reachable to the node.").wide(),
            Table.Column.of("External-IP", "string", "List of addresses reachable to the node.").wide(),
            Table.Column.of("OS-Image", "string", "OS Image reported by the node from /etc/os-release (e.g. Debian"
                    + " GNU/Linux 7 (wheezy)).").wide(),
            Table.Column.of("Kernel-Version", "string", "Kernel Version reported by the node from 'uname -r' (e.g."
                    + " 3.16.0-0.bpo.4-amd64).").wide(),
            Table.Column.of("Container-Runtime", "string", "ContainerRuntime Version reported by the node through"
                    + " runtime remote API (e.g. docker://1.5.0).").wide());

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Node node, Instant now) {
        NodeStatus status = node.status();
        NodeStatus.NodeSystemInfo info = status == null ? null : status.nodeInfo();
        return List.of(Cells.name(node.metadata()), status(node), roles(node), Cells.age(node.metadata(), now),
                info == null ? "" : Cells.orEmpty(info.kubeletVersion()),
                address(status, NodeStatus.NodeAddress.TYPE_INTERNAL_IP),
                address(status, NodeStatus.NodeAddress.TYPE_EXTERNAL_IP),
                orUnknown(info == null ? null : info.osImage()),
                orUnknown(info == null ? null : info.kernelVersion()),
                orUnknown(info == null ? null : info.containerRuntimeVersion()));
    }

    private static String status(Node node) {
        List<String> parts = new ArrayList<>();
        List<NodeStatus.NodeCondition> conditions = node.status() == null ? List.of()
                : Cells.list(node.status().conditions());
        conditions.stream().filter(c -> NodeStatus.NodeCondition.TYPE_READY.equals(c.type())).reduce((a, b) -> b)
                .ifPresent(c -> parts.add("True".equals(c.status()) ? "Ready" : "NotReady"));
        if (parts.isEmpty()) {
            parts.add("Unknown");
        }
        if (node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable())) {
            parts.add("SchedulingDisabled");
        }
        return String.join(",", parts);
    }

    /** Roles from {@code node-role.kubernetes.io/<role>} labels and {@code kubernetes.io/role}, sorted. */
    private static String roles(Node node) {
        Map<String, String> labels = node.metadata() == null ? null : node.metadata().labels();
        TreeSet<String> roles = new TreeSet<>();
        if (labels != null) {
            labels.forEach((k, v) -> {
                if (k.startsWith(ROLE_LABEL_PREFIX) && k.length() > ROLE_LABEL_PREFIX.length()) {
                    roles.add(k.substring(ROLE_LABEL_PREFIX.length()));
                } else if (k.equals(ROLE_LABEL) && v != null && !v.isEmpty()) {
                    roles.add(v);
                }
            });
        }
        return roles.isEmpty() ? Cells.NONE : String.join(",", roles);
    }

    private static String address(NodeStatus status, String type) {
        if (status == null) {
            return Cells.NONE;
        }
        return Cells.list(status.addresses()).stream().filter(a -> type.equals(a.type())).findFirst()
                .map(a -> Cells.orNone(a.address())).orElse(Cells.NONE);
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? Cells.UNKNOWN : s;
    }
}
