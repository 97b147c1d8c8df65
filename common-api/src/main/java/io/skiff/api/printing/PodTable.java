package io.skiff.api.printing;

import io.skiff.api.core.ContainerState;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import java.time.Instant;
import java.util.List;

/**
 * kubectl's pod row: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS
 * GATES. STATUS is what kubectl computes, not the phase: the reason of the last waiting or
 * terminated container (CrashLoopBackOff, ErrImagePull, Completed, ...), {@code Terminating}
 * once a deletion is pending.
 */
final class PodTable implements TableGenerator<Pod> {
    /** The reason the node lifecycle controller gives a pod on a lost node: shown as Unknown. */
    static final String NODE_LOST = "NodeLost";

    private static final List<Table.Column> COLUMNS = List.of(
            Cells.NAME,
            Table.Column.of("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
            Table.Column.of("Status", "string", "The aggregate status of the containers in this pod."),
            Table.Column.of("Restarts", "integer", "The number of times the containers in this pod have been restarted."),
            Cells.AGE,
            Table.Column.of("IP", "string", "IP address allocated to the pod. Routable at least within the cluster."
                    + " Empty if not yet allocated.").wide(),
            Table.Column.of("Node", "string", "NodeName is a request to schedule this pod onto a specific node. If it"
                    + " is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits"
                    + " resource requirements.").wide(),
            Table.Column.of("Nominated Node", "string", "nominatedNodeName is set only when this pod preempts other"
                    + " pods on the node, but it cannot be scheduled right away as preemption victims receive their"
                    + " graceful termination periods.").wide(),
            Table.Column.of("Readiness Gates", "string", "If specified, all readiness gates will be evaluated for pod"
                    + " readiness.").wide());

    private static final List<Table.RowCondition> SUCCEEDED = List.of(new Table.RowCondition(
            Table.RowCondition.COMPLETED, "True", PodStatus.PHASE_SUCCEEDED, "The pod has completed successfully."));
    private static final List<Table.RowCondition> FAILED = List.of(new Table.RowCondition(
            Table.RowCondition.COMPLETED, "True", PodStatus.PHASE_FAILED, "The pod failed."));

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Pod pod, Instant now) {
        PodSpec spec = pod.spec();
        PodStatus status = pod.status();
        int total = spec == null ? 0 : Cells.list(spec.containers()).size();
        String reason = status == null || status.phase() == null ? "" : status.phase();
        if (status != null && status.reason() != null && !status.reason().isEmpty()) {
            reason = status.reason();
        }
        long restarts = 0;
        int ready = 0;
        boolean hasRunning = false;
        List<ContainerStatus> containers = status == null ? List.of() : Cells.list(status.containerStatuses());
        // Backwards, as kubectl: the first container with a reason has the last word.
        for (int i = containers.size() - 1; i >= 0; i--) {
            ContainerStatus c = containers.get(i);
            restarts += Cells.count(c.restartCount());
            ContainerState state = c.state() == null ? new ContainerState(null, null, null) : c.state();
            if (state.waiting() != null && notEmpty(state.waiting().reason())) {
                reason = state.waiting().reason();
            } else if (state.terminated() != null && notEmpty(state.terminated().reason())) {
                reason = state.terminated().reason();
            } else if (state.terminated() != null) {
                ContainerState.Terminated t = state.terminated();
                reason = t.signal() != null && t.signal() != 0 ? "Signal:" + t.signal()
                        : "ExitCode:" + Cells.count(t.exitCode());
            } else if (Boolean.TRUE.equals(c.ready()) && state.running() != null) {
                hasRunning = true;
                ready++;
            }
        }
        // A container still running after another completed: the pod is Running (or NotReady).
        if (reason.equals(ContainerState.Terminated.REASON_COMPLETED) && hasRunning) {
            reason = hasReadyCondition(status) ? PodStatus.PHASE_RUNNING : "NotReady";
        }
        boolean deleting = pod.metadata() != null && pod.metadata().deletionTimestamp() != null;
        if (deleting && status != null && NODE_LOST.equals(status.reason())) {
            reason = "Unknown";
        } else if (deleting) {
            reason = "Terminating";
        }
        String ip = status == null ? null : status.podIP();
        if (status != null && status.podIPs() != null && !status.podIPs().isEmpty()) {
            ip = status.podIPs().get(0).ip();
        }
        String node = spec == null ? null : spec.nodeName();
        return List.of(Cells.name(pod.metadata()), ready + "/" + total, reason, restarts, Cells.age(pod.metadata(), now),
                Cells.orNone(ip), Cells.orNone(node), Cells.NONE, Cells.NONE);
    }

    @Override
    public List<Table.RowCondition> conditions(Pod pod) {
        String phase = pod.status() == null ? null : pod.status().phase();
        if (PodStatus.PHASE_SUCCEEDED.equals(phase)) {
            return SUCCEEDED;
        }
        return PodStatus.PHASE_FAILED.equals(phase) ? FAILED : List.of();
    }

    private static boolean hasReadyCondition(PodStatus status) {
        return Cells.list(status.conditions()).stream()
                .anyMatch(c -> PodCondition.TYPE_READY.equals(c.type()) && PodCondition.TRUE.equals(c.status()));
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
