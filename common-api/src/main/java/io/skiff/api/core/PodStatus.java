package io.skiff.api.core;

import java.time.Instant;
import java.util.List;

/** What the kubelet last observed of a pod. */
public record PodStatus(
        String phase,
        List<PodCondition> conditions,
        String message,
        String reason,
        String hostIP,
        String podIP,
        List<PodIP> podIPs,
        Instant startTime,
        List<ContainerStatus> containerStatuses,
        String qosClass) {

    public static final String PHASE_PENDING = "Pending";
    public static final String PHASE_RUNNING = "Running";
    public static final String PHASE_SUCCEEDED = "Succeeded";
    public static final String PHASE_FAILED = "Failed";
    public static final String PHASE_UNKNOWN = "Unknown";

    public static PodStatus ofPhase(String phase) {
        return new PodStatus(phase, null, null, null, null, null, null, null, null, null);
    }

    public PodStatus withPhase(String v) {
        return new PodStatus(v, conditions, message, reason, hostIP, podIP, podIPs, startTime, containerStatuses,
                qosClass);
    }

    public PodStatus withConditions(List<PodCondition> v) {
        return new PodStatus(phase, v, message, reason, hostIP, podIP, podIPs, startTime, containerStatuses,
                qosClass);
    }

    public PodStatus withContainerStatuses(List<ContainerStatus> v) {
        return new PodStatus(phase, conditions, message, reason, hostIP, podIP, podIPs, startTime, v, qosClass);
    }

    /** One IP of the pod (status.podIPs[]). */
    public record PodIP(String ip) {}
}
