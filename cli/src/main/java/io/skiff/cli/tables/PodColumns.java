package io.skiff.cli.tables;

import io.skiff.api.core.ContainerState;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A pod's row as Kubernetes' {@code printPod}: READY {@code 1/2}, the STATUS reason, summed restarts. */
final class PodColumns {
    private PodColumns() {}

    static List<Object> cells(Pod pod, Instant now) {
        int total = pod.spec() == null || pod.spec().containers() == null ? 0 : pod.spec().containers().size();
        String reason = status(pod);
        int ready = 0;
        int restarts = 0;
        for (ContainerStatus c : containerStatuses(pod)) {
            restarts += c.restartCount() == null ? 0 : c.restartCount();
            ContainerState s = c.state();
            boolean waitingOrTerminated = s != null && (s.waiting() != null || s.terminated() != null);
            if (!waitingOrTerminated && Boolean.TRUE.equals(c.ready()) && s != null && s.running() != null) {
                ready++;
            }
        }
        String ip = pod.status() == null || blank(pod.status().podIP()) ? "<none>" : pod.status().podIP();
        String node = pod.spec() == null || blank(pod.spec().nodeName()) ? "<none>" : pod.spec().nodeName();
        return Arrays.asList(pod.name(), ready + "/" + total, reason, restarts, LocalTables.age(pod, now), ip, node,
                "<none>", "<none>");
    }

    /** The STATUS column: the phase, overridden by the pod's reason and then by its containers' states. */
    static String status(Pod pod) {
        String reason = pod.status() == null || pod.status().phase() == null ? "" : pod.status().phase();
        if (pod.status() != null && !blank(pod.status().reason())) {
            reason = pod.status().reason();
        }
        boolean hasRunning = false;
        List<ContainerStatus> statuses = containerStatuses(pod);
        for (int i = statuses.size() - 1; i >= 0; i--) {
            ContainerStatus c = statuses.get(i);
            ContainerState s = c.state();
            if (s != null && s.waiting() != null && !blank(s.waiting().reason())) {
                reason = s.waiting().reason();
            } else if (s != null && s.terminated() != null && !blank(s.terminated().reason())) {
                reason = s.terminated().reason();
            } else if (s != null && s.terminated() != null) {
                Integer signal = s.terminated().signal();
                reason = signal != null && signal != 0 ? "Signal:" + signal
                        : "ExitCode:" + (s.terminated().exitCode() == null ? 0 : s.terminated().exitCode());
            } else if (Boolean.TRUE.equals(c.ready()) && s != null && s.running() != null) {
                hasRunning = true;
            }
        }
        if ("Completed".equals(reason) && hasRunning) {
            reason = isReady(pod) ? "Running" : "NotReady";
        }
        if (pod.metadata() != null && pod.metadata().deletionTimestamp() != null) {
            reason = "NodeLost".equals(pod.status() == null ? null : pod.status().reason()) ? "Unknown" : "Terminating";
        }
        return reason;
    }

    private static boolean isReady(Pod pod) {
        if (pod.status() == null || pod.status().conditions() == null) {
            return false;
        }
        for (PodCondition c : pod.status().conditions()) {
            if ("Ready".equals(c.type()) && "True".equals(c.status())) {
                return true;
            }
        }
        return false;
    }

    private static List<ContainerStatus> containerStatuses(Pod pod) {
        return pod.status() == null || pod.status().containerStatuses() == null ? List.of()
                : pod.status().containerStatuses();
    }

    static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
