package io.skiff.cli.describe;

import static io.skiff.cli.describe.DescribeWriter.LEVEL_0;
import static io.skiff.cli.describe.DescribeWriter.LEVEL_1;
import static io.skiff.cli.describe.DescribeWriter.LEVEL_2;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.output.TablePrinter;
import io.skiff.api.resource.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** describe for replication controllers, services, endpoints, nodes, namespaces, and any other kind. */
final class OtherDescribers {
    private OtherDescribers() {}

    /** kubectl's {@code describeReplicationController}; {@code pods} are those its selector matches. */
    static void replicationController(DescribeWriter w, ReplicationController rc, List<Pod> pods) {
        var spec = rc.spec();
        Common.header(w, rc, true);
        w.field(LEVEL_0, "Selector", spec == null ? "<none>" : TablePrinter.formatLabels(spec.selector()));
        Common.labelsAndAnnotations(w, rc);
        int current = rc.status() == null || rc.status().replicas() == null ? 0 : rc.status().replicas();
        int desired = spec == null || spec.replicas() == null ? 0 : spec.replicas();
        w.field(LEVEL_0, "Replicas", current + " current / " + desired + " desired");
        long running = pods.stream().filter(p -> phase(p).equals("Running")).count();
        long waiting = pods.stream().filter(p -> phase(p).equals("Pending")).count();
        long succeeded = pods.stream().filter(p -> phase(p).equals("Succeeded")).count();
        long failed = pods.stream().filter(p -> phase(p).equals("Failed")).count();
        w.field(LEVEL_0, "Pods Status", running + " Running / " + waiting + " Waiting / " + succeeded + " Succeeded / "
                + failed + " Failed");
        if (spec != null && spec.template() != null) {
            w.line(LEVEL_0, "Pod Template:");
            var template = spec.template();
            w.map(LEVEL_1, "Labels", template.metadata() == null ? null : template.metadata().labels(), null);
            if (template.spec() != null) {
                // The template's containers sit one level deeper than a pod's.
                PodDescriber.containers(w.indented(), "Containers", template.spec().containers(), null, false);
                PodDescriber.volumes(w, template.spec().volumes(), LEVEL_1);
            }
        }
    }

    static void service(DescribeWriter w, Service svc, Optional<Endpoints> endpoints) {
        var spec = svc.spec();
        Common.header(w, svc, true);
        Common.labelsAndAnnotations(w, svc);
        w.field(LEVEL_0, "Selector", spec == null ? "<none>" : TablePrinter.formatLabels(spec.selector()));
        w.field(LEVEL_0, "Type", spec == null || spec.type() == null ? "ClusterIP" : spec.type());
        String ip = spec == null || spec.clusterIP() == null || spec.clusterIP().isEmpty() ? "None" : spec.clusterIP();
        w.field(LEVEL_0, "IP", ip);
        if (spec != null && spec.clusterIPs() != null && !spec.clusterIPs().isEmpty()) {
            w.field(LEVEL_0, "IPs", String.join(",", spec.clusterIPs()));
        }
        if (spec != null && spec.externalIPs() != null && !spec.externalIPs().isEmpty()) {
            w.field(LEVEL_0, "External IPs", String.join(",", spec.externalIPs()));
        }
        for (ServicePort p : spec == null || spec.ports() == null ? List.<ServicePort>of() : spec.ports()) {
            String name = p.name() == null || p.name().isEmpty() ? "<unset>" : p.name();
            String proto = p.protocol() == null ? "TCP" : p.protocol();
            w.field(LEVEL_0, "Port", name + "  " + p.port() + "/" + proto);
            String target = p.targetPort() == null ? String.valueOf(p.port()) : p.targetPort().toString();
            w.field(LEVEL_0, "TargetPort", target + "/" + proto);
            if (p.nodePort() != null && p.nodePort() > 0) {
                w.field(LEVEL_0, "NodePort", name + "  " + p.nodePort() + "/" + proto);
            }
            w.field(LEVEL_0, "Endpoints", endpoints.map(e -> endpointsFor(e, p.name())).orElse("<none>"));
        }
        w.field(LEVEL_0, "Session Affinity", spec == null || spec.sessionAffinity() == null ? "None"
                : spec.sessionAffinity());
    }

    /** The {@code ip:port} list of one service port ({@code formatEndpoints} with a port filter). */
    private static String endpointsFor(Endpoints ep, String portName) {
        StringBuilder sb = new StringBuilder();
        for (EndpointSubset ss : ep.subsets() == null ? List.<EndpointSubset>of() : ep.subsets()) {
            for (var port : ss.ports() == null ? List.<EndpointSubset.EndpointPort>of() : ss.ports()) {
                boolean same = portName == null || portName.isEmpty() ? port.name() == null || port.name().isEmpty()
                        : portName.equals(port.name());
                if (!same) {
                    continue;
                }
                for (var a : ss.addresses() == null ? List.<EndpointSubset.EndpointAddress>of() : ss.addresses()) {
                    sb.append(sb.isEmpty() ? "" : ",").append(a.ip()).append(':').append(port.port());
                }
            }
        }
        return sb.isEmpty() ? "<none>" : sb.toString();
    }

    static void endpoints(DescribeWriter w, Endpoints ep) {
        Common.header(w, ep, true);
        Common.labelsAndAnnotations(w, ep);
        w.line(LEVEL_0, "Subsets:");
        for (EndpointSubset ss : ep.subsets() == null ? List.<EndpointSubset>of() : ep.subsets()) {
            w.field(LEVEL_1, "Addresses", ips(ss.addresses()));
            w.field(LEVEL_1, "NotReadyAddresses", ips(ss.notReadyAddresses()));
            if (ss.ports() != null && !ss.ports().isEmpty()) {
                w.line(LEVEL_1, "Ports:");
                w.line(LEVEL_2, "Name\tPort\tProtocol");
                w.line(LEVEL_2, "----\t----\t--------");
                for (var p : ss.ports()) {
                    w.line(LEVEL_2, (p.name() == null || p.name().isEmpty() ? "<unset>" : p.name()) + "\t" + p.port()
                            + "\t" + (p.protocol() == null ? "TCP" : p.protocol()));
                }
            }
            w.line(LEVEL_0, "");
        }
    }

    private static String ips(List<EndpointSubset.EndpointAddress> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            return "<none>";
        }
        return String.join(",", addresses.stream().map(EndpointSubset.EndpointAddress::ip).toList());
    }

    /** kubectl's {@code describeNode}, with the pods bound to it. */
    static void node(DescribeWriter w, Node node, List<Pod> pods, Instant now) {
        NodeStatus st = node.status();
        w.field(LEVEL_0, "Name", node.name());
        w.field(LEVEL_0, "Roles", roles(node));
        Common.labelsAndAnnotations(w, node);
        w.field(LEVEL_0, "CreationTimestamp", w.time(node.metadataOrEmpty().creationTimestamp()));
        List<NodeSpec.Taint> taints = node.spec() == null || node.spec().taints() == null ? List.of()
                : node.spec().taints();
        if (taints.isEmpty()) {
            w.field(LEVEL_0, "Taints", "<none>");
        } else {
            for (int i = 0; i < taints.size(); i++) {
                NodeSpec.Taint t = taints.get(i);
                String text = t.key() + (t.value() == null || t.value().isEmpty() ? "" : "=" + t.value()) + ":" + t.effect();
                if (i == 0) {
                    w.field(LEVEL_0, "Taints", text);
                } else {
                    w.line(LEVEL_0, "\t" + text);
                }
            }
        }
        w.field(LEVEL_0, "Unschedulable", node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable()));
        if (st != null && st.conditions() != null && !st.conditions().isEmpty()) {
            w.line(LEVEL_0, "Conditions:");
            w.line(LEVEL_1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage");
            w.line(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------");
            for (var c : st.conditions()) {
                w.line(LEVEL_1, c.type() + " \t" + c.status() + " \t" + w.time(c.lastHeartbeatTime()) + " \t"
                        + w.time(c.lastTransitionTime()) + " \t" + nz(c.reason()) + " \t" + nz(c.message()));
            }
        } else {
            w.field(LEVEL_0, "Conditions", "<none>");
        }
        if (st != null && st.addresses() != null && !st.addresses().isEmpty()) {
            w.line(LEVEL_0, "Addresses:");
            st.addresses().forEach(a -> w.field(LEVEL_1, a.type(), a.address()));
        }
        resources(w, "Capacity", st == null ? null : st.capacity());
        resources(w, "Allocatable", st == null ? null : st.allocatable());
        if (st != null && st.nodeInfo() != null) {
            var i = st.nodeInfo();
            w.line(LEVEL_0, "System Info:");
            w.field(LEVEL_1, "Machine ID", nz(i.machineID()));
            w.field(LEVEL_1, "System UUID", nz(i.systemUUID()));
            w.field(LEVEL_1, "Boot ID", nz(i.bootID()));
            w.field(LEVEL_1, "Kernel Version", nz(i.kernelVersion()));
            w.field(LEVEL_1, "OS Image", nz(i.osImage()));
            w.field(LEVEL_1, "Operating System", nz(i.operatingSystem()));
            w.field(LEVEL_1, "Architecture", nz(i.architecture()));
            w.field(LEVEL_1, "Container Runtime Version", nz(i.containerRuntimeVersion()));
            w.field(LEVEL_1, "Kubelet Version", nz(i.kubeletVersion()));
        }
        List<Pod> running = pods.stream().filter(p -> !phase(p).equals("Succeeded") && !phase(p).equals("Failed"))
                .toList();
        w.line(LEVEL_0, "Non-terminated Pods:\t(" + running.size() + " in total)");
        if (!running.isEmpty()) {
            w.line(LEVEL_1, "Namespace\tName\tAge");
            w.line(LEVEL_1, "---------\t----\t---");
            running.forEach(p -> w.line(LEVEL_1, p.namespace() + "\t" + p.name() + "\t"
                    + DescribeWriter.age(p.metadataOrEmpty().creationTimestamp(), now)));
        }
    }

    private static void resources(DescribeWriter w, String name, Map<String, Quantity> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        w.line(LEVEL_0, name + ":");
        new TreeMap<>(values).forEach((k, v) -> w.field(LEVEL_1, k, v));
    }

    private static String roles(Node node) {
        Map<String, String> labels = node.metadataOrEmpty().labels();
        TreeMap<String, Boolean> roles = new TreeMap<>();
        if (labels != null) {
            labels.keySet().stream().filter(k -> k.startsWith("node-role.kubernetes.io/"))
                    .forEach(k -> roles.put(k.substring("node-role.kubernetes.io/".length()), true));
        }
        return roles.isEmpty() ? "<none>" : String.join(",", roles.keySet());
    }

    static void namespace(DescribeWriter w, Namespace ns) {
        w.field(LEVEL_0, "Name", ns.name());
        Common.labelsAndAnnotations(w, ns);
        w.field(LEVEL_0, "Status", ns.status() == null || ns.status().phase() == null ? "" : ns.status().phase());
    }

    /**
     * Any other kind (events, leases): name, labels, annotations, then every other field as
     * {@code Field Name:  value} lines, nested fields indented, as kubectl's generic describer.
     */
    static void generic(DescribeWriter w, KubeObject obj, boolean namespaced) {
        Common.header(w, obj, namespaced);
        Common.labelsAndAnnotations(w, obj);
        JsonNode tree = Json.toTree(obj);
        tree.properties().forEach(e -> {
            if (!List.of("metadata").contains(e.getKey())) {
                field(w, LEVEL_0, e.getKey(), e.getValue());
            }
        });
    }

    private static void field(DescribeWriter w, int level, String name, JsonNode value) {
        String label = title(name);
        if (value.isObject()) {
            w.line(level, label + ":");
            value.properties().forEach(e -> field(w, level + 1, e.getKey(), e.getValue()));
        } else if (value.isArray()) {
            w.line(level, label + ":");
            for (JsonNode item : value) {
                if (item.isObject()) {
                    item.properties().forEach(e -> field(w, level + 1, e.getKey(), e.getValue()));
                } else {
                    w.line(level + 1, item.asText());
                }
            }
        } else {
            w.field(level, label, value.asText());
        }
    }

    /** {@code holderIdentity} → {@code Holder Identity}, as kubectl's generic describer titles fields. */
    static String title(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (i == 0) {
                sb.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c) && !Character.isUpperCase(camel.charAt(i - 1))) {
                sb.append(' ').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String phase(Pod p) {
        return p.status() == null || p.status().phase() == null ? "" : p.status().phase();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
