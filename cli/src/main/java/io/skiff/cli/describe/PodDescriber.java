package io.skiff.cli.describe;

import static io.skiff.cli.describe.DescribeWriter.LEVEL_0;
import static io.skiff.cli.describe.DescribeWriter.LEVEL_1;
import static io.skiff.cli.describe.DescribeWriter.LEVEL_2;
import static io.skiff.cli.describe.DescribeWriter.LEVEL_3;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.EnvVar;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.Probe;
import io.skiff.api.core.Toleration;
import io.skiff.api.core.Volume;
import io.skiff.api.core.VolumeMount;
import io.skiff.api.meta.OwnerReference;
import io.skiff.api.resource.Quantity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code describe pod}, section by section as kubectl's {@code describePod}; the container and volume parts serve pod templates too. */
final class PodDescriber {
    private PodDescriber() {}

    static void describe(DescribeWriter w, Pod pod) {
        PodSpec spec = pod.spec() == null ? emptySpec() : pod.spec();
        var status = pod.status();
        Common.header(w, pod, true);
        w.field(LEVEL_0, "Priority", spec.priority() == null ? 0 : spec.priority());
        String hostIp = status == null ? null : status.hostIP();
        w.field(LEVEL_0, "Node", spec.nodeName() == null ? "<none>"
                : spec.nodeName() + (hostIp == null ? "" : "/" + hostIp));
        if (status != null && status.startTime() != null) {
            w.field(LEVEL_0, "Start Time", w.time(status.startTime()));
        }
        w.map(LEVEL_0, "Labels", pod.metadataOrEmpty().labels(), null);
        w.map(LEVEL_0, "Annotations", pod.metadataOrEmpty().annotations(), Common.LAST_APPLIED);
        String phase = status == null || status.phase() == null ? "" : status.phase();
        if (pod.metadataOrEmpty().deletionTimestamp() != null) {
            w.field(LEVEL_0, "Status", "Terminating");
            w.field(LEVEL_0, "Termination Grace Period",
                    (pod.metadataOrEmpty().deletionGracePeriodSeconds() == null ? 0
                            : pod.metadataOrEmpty().deletionGracePeriodSeconds()) + "s");
        } else {
            w.field(LEVEL_0, "Status", phase);
        }
        if (status != null && status.reason() != null && !status.reason().isEmpty()) {
            w.field(LEVEL_0, "Reason", status.reason());
        }
        if (status != null && status.message() != null && !status.message().isEmpty()) {
            w.field(LEVEL_0, "Message", status.message());
        }
        String ip = status == null || status.podIP() == null ? "" : status.podIP();
        w.field(LEVEL_0, "IP", ip);
        if (status != null && status.podIPs() != null && !status.podIPs().isEmpty()) {
            w.line(LEVEL_0, "IPs:");
            status.podIPs().forEach(p -> w.field(LEVEL_1, "IP", p.ip()));
        } else {
            w.field(LEVEL_0, "IPs", "<none>");
        }
        controlledBy(w, pod.metadataOrEmpty().ownerReferences());
        containers(w, "Containers", spec.containers(), status == null ? null : status.containerStatuses(), true);
        if (status != null && status.conditions() != null && !status.conditions().isEmpty()) {
            w.line(LEVEL_0, "Conditions:");
            w.line(LEVEL_1, "Type\tStatus");
            for (PodCondition c : status.conditions()) {
                w.line(LEVEL_1, c.type() + " \t" + c.status() + " ");
            }
        }
        volumes(w, spec.volumes(), LEVEL_0);
        w.field(LEVEL_0, "QoS Class", status == null || status.qosClass() == null ? "" : status.qosClass());
        w.map(LEVEL_0, "Node-Selectors", spec.nodeSelector(), null);
        tolerations(w, spec.tolerations());
    }

    static void controlledBy(DescribeWriter w, List<OwnerReference> refs) {
        if (refs == null) {
            return;
        }
        for (OwnerReference r : refs) {
            if (Boolean.TRUE.equals(r.controller())) {
                w.field(LEVEL_0, "Controlled By", r.kind() + "/" + r.name());
            }
        }
    }

    /** {@code describeContainers}: one block per container, its status beside its spec when known. */
    static void containers(DescribeWriter w, String label, List<Container> containers, List<ContainerStatus> statuses,
            boolean withStatus) {
        w.line(LEVEL_0, label + ":");
        for (Container c : containers == null ? List.<Container>of() : containers) {
            ContainerStatus st = statuses == null ? null
                    : statuses.stream().filter(s -> c.name().equals(s.name())).findFirst().orElse(null);
            w.line(LEVEL_1, c.name() + ":");
            if (st != null && st.containerID() != null) {
                w.field(LEVEL_2, "Container ID", st.containerID());
            }
            w.field(LEVEL_2, "Image", c.image());
            if (withStatus) {
                w.field(LEVEL_2, "Image ID", st == null || st.imageID() == null ? "" : st.imageID());
            }
            ports(w, c.ports());
            list(w, "Command", c.command());
            list(w, "Args", c.args());
            if (withStatus) {
                state(w, "State", st == null ? null : st.state(), true);
                if (st != null && st.lastState() != null && !isEmpty(st.lastState())) {
                    state(w, "Last State", st.lastState(), false);
                }
                w.field(LEVEL_2, "Ready", st != null && Boolean.TRUE.equals(st.ready()) ? "True" : "False");
                w.field(LEVEL_2, "Restart Count", st == null || st.restartCount() == null ? 0 : st.restartCount());
            }
            if (c.resources() != null) {
                quantities(w, "Limits", c.resources().limits());
                quantities(w, "Requests", c.resources().requests());
            }
            probe(w, "Liveness", c.livenessProbe());
            probe(w, "Readiness", c.readinessProbe());
            env(w, c.env());
            mounts(w, c.volumeMounts());
        }
    }

    private static void ports(DescribeWriter w, List<ContainerPort> ports) {
        if (ports == null || ports.isEmpty()) {
            w.field(LEVEL_2, "Port", "<none>");
            w.field(LEVEL_2, "Host Port", "<none>");
            return;
        }
        List<String> container = ports.stream().map(p -> p.containerPort() + "/" + proto(p)).toList();
        List<String> host = ports.stream().map(p -> (p.hostPort() == null ? 0 : p.hostPort()) + "/" + proto(p)).toList();
        w.field(LEVEL_2, ports.size() == 1 ? "Port" : "Ports", String.join(", ", container));
        w.field(LEVEL_2, ports.size() == 1 ? "Host Port" : "Host Ports", String.join(", ", host));
    }

    private static String proto(ContainerPort p) {
        return p.protocol() == null ? "TCP" : p.protocol();
    }

    private static void list(DescribeWriter w, String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        w.line(LEVEL_2, name + ":");
        values.forEach(v -> w.line(LEVEL_3, v));
    }

    private static boolean isEmpty(ContainerState s) {
        return s.waiting() == null && s.running() == null && s.terminated() == null;
    }

    private static void state(DescribeWriter w, String name, ContainerState s, boolean waitingByDefault) {
        if (s == null || isEmpty(s)) {
            w.field(LEVEL_2, name, waitingByDefault ? "Waiting" : "");
            return;
        }
        if (s.running() != null) {
            w.field(LEVEL_2, name, "Running");
            w.field(LEVEL_3, "Started", w.time(s.running().startedAt()));
        } else if (s.waiting() != null) {
            w.field(LEVEL_2, name, "Waiting");
            if (s.waiting().reason() != null && !s.waiting().reason().isEmpty()) {
                w.field(LEVEL_3, "Reason", s.waiting().reason());
            }
        } else {
            var t = s.terminated();
            w.field(LEVEL_2, name, "Terminated");
            if (t.reason() != null && !t.reason().isEmpty()) {
                w.field(LEVEL_3, "Reason", t.reason());
            }
            if (t.message() != null && !t.message().isEmpty()) {
                w.field(LEVEL_3, "Message", t.message());
            }
            w.field(LEVEL_3, "Exit Code", t.exitCode() == null ? 0 : t.exitCode());
            if (t.signal() != null && t.signal() > 0) {
                w.field(LEVEL_3, "Signal", t.signal());
            }
            w.field(LEVEL_3, "Started", w.time(t.startedAt()));
            w.field(LEVEL_3, "Finished", w.time(t.finishedAt()));
        }
    }

    private static void quantities(DescribeWriter w, String name, Map<String, Quantity> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        w.line(LEVEL_2, name + ":");
        new TreeMap<>(values).forEach((k, v) -> w.field(LEVEL_3, k, v));
    }

    /** {@code http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3}. */
    static String probe(Probe p) {
        String action;
        if (p.httpGet() != null) {
            var h = p.httpGet();
            String scheme = h.scheme() == null ? "http" : h.scheme().toLowerCase(java.util.Locale.ROOT);
            action = "http-get " + scheme + "://" + (h.host() == null ? "" : h.host()) + ":" + h.port()
                    + (h.path() == null ? "" : h.path());
        } else if (p.tcpSocket() != null) {
            action = "tcp-socket " + (p.tcpSocket().host() == null ? "" : p.tcpSocket().host()) + ":"
                    + p.tcpSocket().port();
        } else if (p.exec() != null) {
            action = "exec " + (p.exec().command() == null ? "[]" : p.exec().command().toString().replace(",", ""));
        } else {
            action = "unknown";
        }
        return action + " delay=" + or(p.initialDelaySeconds(), 0) + "s timeout=" + or(p.timeoutSeconds(), 1)
                + "s period=" + or(p.periodSeconds(), 10) + "s #success=" + or(p.successThreshold(), 1)
                + " #failure=" + or(p.failureThreshold(), 3);
    }

    private static void probe(DescribeWriter w, String name, Probe p) {
        if (p != null) {
            w.field(LEVEL_2, name, probe(p));
        }
    }

    private static void env(DescribeWriter w, List<EnvVar> env) {
        if (env == null || env.isEmpty()) {
            w.field(LEVEL_2, "Environment", "<none>");
            return;
        }
        w.line(LEVEL_2, "Environment:");
        env.forEach(e -> w.field(LEVEL_3, e.name(), e.value() == null ? "" : e.value()));
    }

    private static void mounts(DescribeWriter w, List<VolumeMount> mounts) {
        if (mounts == null || mounts.isEmpty()) {
            w.field(LEVEL_2, "Mounts", "<none>");
            return;
        }
        w.line(LEVEL_2, "Mounts:");
        for (VolumeMount m : mounts) {
            w.line(LEVEL_3, m.mountPath() + " from " + m.name() + " ("
                    + (Boolean.TRUE.equals(m.readOnly()) ? "ro" : "rw") + ")");
        }
    }

    static void volumes(DescribeWriter w, List<Volume> volumes, int level) {
        if (volumes == null || volumes.isEmpty()) {
            w.field(level, "Volumes", "<none>");
            return;
        }
        w.line(level, "Volumes:");
        for (Volume v : volumes) {
            w.line(level + 1, v.name() + ":");
            if (v.emptyDir() != null) {
                w.field(level + 2, "Type", "EmptyDir (a temporary directory that shares a pod's lifetime)");
                w.field(level + 2, "Medium", v.emptyDir().medium() == null ? "" : v.emptyDir().medium());
                w.field(level + 2, "SizeLimit", v.emptyDir().sizeLimit() == null ? "<unset>" : v.emptyDir().sizeLimit());
            } else if (v.hostPath() != null) {
                w.field(level + 2, "Type", "HostPath (bare host directory volume)");
                w.field(level + 2, "Path", v.hostPath().path());
                w.field(level + 2, "HostPathType", v.hostPath().type() == null ? "" : v.hostPath().type());
            }
        }
    }

    private static void tolerations(DescribeWriter w, List<Toleration> tolerations) {
        if (tolerations == null || tolerations.isEmpty()) {
            w.field(LEVEL_0, "Tolerations", "<none>");
            return;
        }
        boolean first = true;
        for (Toleration t : tolerations) {
            StringBuilder sb = new StringBuilder(t.key() == null ? "" : t.key());
            if (t.value() != null && !t.value().isEmpty()) {
                sb.append('=').append(t.value());
            }
            if (t.effect() != null && !t.effect().isEmpty()) {
                sb.append(':').append(t.effect());
            }
            if ("Exists".equals(t.operator()) && (t.key() == null || t.key().isEmpty())) {
                sb.append(" op=Exists");
            }
            if (t.tolerationSeconds() != null) {
                sb.append(" for ").append(t.tolerationSeconds()).append('s');
            }
            if (first) {
                w.field(LEVEL_0, "Tolerations", sb);
                first = false;
            } else {
                w.line(LEVEL_0, "\t" + sb);
            }
        }
    }

    private static int or(Integer v, int dflt) {
        return v == null ? dflt : v;
    }

    private static PodSpec emptySpec() {
        return new PodSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
