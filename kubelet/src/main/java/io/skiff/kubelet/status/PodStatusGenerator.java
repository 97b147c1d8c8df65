package io.skiff.kubelet.status;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.RuntimeContainer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Computes a pod's status from what the engine shows of its containers (pure: no I/O), as
 * Kubernetes' {@code generateAPIPodStatus}: each container's state, last state, restart count
 * and readiness, the pod's phase and conditions. Times are cut to whole seconds, as the API
 * carries them, so that an unchanged pod computes an equal status and nothing is written.
 */
public final class PodStatusGenerator {
    private PodStatusGenerator() {}

    /**
     * What one sync saw and decided, beyond the engine's containers.
     *
     * @param waiting      why a container that should run does not, by container name (ErrImagePull, CrashLoopBackOff, ...)
     * @param ready        whether a running container (by engine id) passes its readiness check
     * @param podIp        the pod's IP, or null when it has none (yet)
     * @param hostIp       the node's IP
     * @param runtimeName  prefix of container ids ({@code docker://...})
     */
    public record Observation(List<RuntimeContainer> containers, Map<String, ContainerState.Waiting> waiting,
                              Predicate<String> ready, String podIp, String hostIp, String runtimeName, Instant now) {}

    public static PodStatus generate(Pod pod, PodStatus previous, Observation o) {
        PodSpec spec = pod.spec();
        List<ContainerStatus> statuses = new ArrayList<>();
        for (Container c : spec.containers()) {
            statuses.add(containerStatus(c, o));
        }
        String phase = phase(spec, statuses, previous);
        boolean allReady = !statuses.isEmpty() && statuses.stream().allMatch(s -> Boolean.TRUE.equals(s.ready()));
        Instant now = seconds(o.now());
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(condition(previous, PodCondition.TYPE_INITIALIZED, true, null, null, now));
        String notReadyReason = allReady ? null : terminal(phase) ? "PodCompleted" : "ContainersNotReady";
        // Kubernetes' words: "containers with unready status: [a b]".
        String notReadyMessage = !"ContainersNotReady".equals(notReadyReason) ? null : "containers with unready status: ["
                + String.join(" ", statuses.stream().filter(s -> !Boolean.TRUE.equals(s.ready())).map(ContainerStatus::name)
                        .toList()) + "]";
        conditions.add(condition(previous, PodCondition.TYPE_READY, allReady, notReadyReason, notReadyMessage, now));
        conditions.add(condition(previous, PodCondition.TYPE_CONTAINERS_READY, allReady, notReadyReason, notReadyMessage,
                now));
        PodCondition scheduled = find(previous, PodCondition.TYPE_POD_SCHEDULED);
        conditions.add(scheduled != null ? scheduled
                : new PodCondition(PodCondition.TYPE_POD_SCHEDULED, PodCondition.TRUE, null, now, null, null));
        String podIp = o.podIp() != null ? o.podIp() : previous == null ? null : previous.podIP();
        Instant startTime = previous != null && previous.startTime() != null ? previous.startTime() : now;
        return new PodStatus(phase, conditions, null, null, o.hostIp(), podIp,
                podIp == null ? null : List.of(new PodStatus.PodIP(podIp)), startTime, statuses,
                previous == null ? null : previous.qosClass());
    }

    static ContainerStatus containerStatus(Container c, Observation o) {
        List<RuntimeContainer> mine = o.containers().stream()
                .filter(rc -> c.name().equals(rc.label(ContainerLabels.CONTAINER_NAME)) && !ContainerLabels.isInfra(rc))
                .sorted(newestFirst())
                .toList();
        RuntimeContainer latest = mine.isEmpty() ? null : mine.get(0);
        RuntimeContainer previous = mine.size() > 1 ? mine.get(1) : null;
        ContainerState.Waiting waiting = o.waiting().get(c.name());
        ContainerState state;
        ContainerState lastState = null;
        boolean ready = false;
        if (latest != null && latest.isRunning()) {
            state = ContainerState.running(seconds(latest.startedAt()));
            lastState = previous == null ? null : terminated(previous, o.runtimeName());
            ready = o.ready().test(latest.id());
        } else if (waiting != null) {
            state = new ContainerState(waiting, null, null);
            lastState = latest == null ? null : terminated(latest, o.runtimeName());
        } else if (latest != null && latest.exitCode() != null) {
            state = terminated(latest, o.runtimeName());
            lastState = previous == null ? null : terminated(previous, o.runtimeName());
        } else {
            state = ContainerState.waiting(ContainerState.Waiting.REASON_CONTAINER_CREATING, null);
            lastState = latest == null ? null : terminated(latest, o.runtimeName());
        }
        int restarts = latest == null ? 0 : ContainerLabels.restartCount(latest);
        return new ContainerStatus(c.name(), state, lastState, ready, restarts, c.image(),
                latest == null ? "" : Objects.requireNonNullElse(latest.imageId(), ""),
                latest == null ? null : o.runtimeName() + "://" + latest.id(),
                latest != null && latest.isRunning());
    }

    /** Newest first: the highest restart count, then the latest created. */
    public static Comparator<RuntimeContainer> newestFirst() {
        return Comparator.comparingInt(ContainerLabels::restartCount)
                .thenComparing(RuntimeContainer::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed();
    }

    private static ContainerState terminated(RuntimeContainer rc, String runtimeName) {
        if (rc.exitCode() == null) {
            return null;
        }
        int code = rc.exitCode();
        String reason = rc.oomKilled() ? ContainerState.Terminated.REASON_OOM_KILLED
                : code == 0 ? ContainerState.Terminated.REASON_COMPLETED : ContainerState.Terminated.REASON_ERROR;
        return ContainerState.terminated(new ContainerState.Terminated(code, null, reason, rc.error(),
                seconds(rc.startedAt()), seconds(rc.finishedAt()), runtimeName + "://" + rc.id()));
    }

    /**
     * Kubernetes' {@code getPhase}: Pending while a container has not run yet; Running while one
     * runs or will be restarted; Succeeded when all exited 0 and none restarts; Failed when all
     * exited, one with an error, and the policy restarts none. A finished pod stays finished.
     */
    static String phase(PodSpec spec, List<ContainerStatus> statuses, PodStatus previous) {
        if (previous != null && terminal(previous.phase())) {
            return previous.phase();
        }
        int running = 0;
        int waiting = 0;
        int stopped = 0;
        int succeeded = 0;
        for (ContainerStatus s : statuses) {
            if (s.state().running() != null) {
                running++;
            } else if (s.state().terminated() != null) {
                stopped++;
                if (Integer.valueOf(0).equals(s.state().terminated().exitCode())) {
                    succeeded++;
                }
            } else if (s.lastState() != null && s.lastState().terminated() != null) {
                stopped++; // waiting to be restarted
            } else {
                waiting++;
            }
        }
        String policy = spec.restartPolicy() == null ? PodSpec.RESTART_ALWAYS : spec.restartPolicy();
        if (waiting > 0) {
            return PodStatus.PHASE_PENDING;
        }
        if (running > 0) {
            return PodStatus.PHASE_RUNNING;
        }
        if (stopped > 0) {
            if (PodSpec.RESTART_ALWAYS.equals(policy)) {
                return PodStatus.PHASE_RUNNING;
            }
            if (stopped == succeeded && allTerminated(statuses)) {
                return PodStatus.PHASE_SUCCEEDED;
            }
            if (PodSpec.RESTART_NEVER.equals(policy) && allTerminated(statuses)) {
                return PodStatus.PHASE_FAILED;
            }
            return PodStatus.PHASE_RUNNING;
        }
        return PodStatus.PHASE_PENDING;
    }

    private static boolean allTerminated(List<ContainerStatus> statuses) {
        return statuses.stream().allMatch(s -> s.state().terminated() != null);
    }

    public static boolean terminal(String phase) {
        return PodStatus.PHASE_SUCCEEDED.equals(phase) || PodStatus.PHASE_FAILED.equals(phase);
    }

    /** A condition, keeping its previous transition time when its status did not change. */
    private static PodCondition condition(PodStatus previous, String type, boolean value, String reason,
                                          String message, Instant now) {
        String status = value ? PodCondition.TRUE : PodCondition.FALSE;
        PodCondition before = find(previous, type);
        Instant transition = before != null && status.equals(before.status()) && before.lastTransitionTime() != null
                ? before.lastTransitionTime() : now;
        return new PodCondition(type, status, null, transition, reason, message);
    }

    private static PodCondition find(PodStatus status, String type) {
        if (status == null || status.conditions() == null) {
            return null;
        }
        return status.conditions().stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
    }

    private static Instant seconds(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS);
    }
}
