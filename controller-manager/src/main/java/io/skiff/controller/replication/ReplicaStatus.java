package io.skiff.controller.replication;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.core.ReplicationControllerStatus.Condition;
import io.skiff.controller.Pods;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status a replication controller should show for the pods it owns: replicas,
 * fullyLabeledReplicas (pods carrying every label of the template), readyReplicas,
 * availableReplicas (ready for {@code minReadySeconds}), observedGeneration, and a
 * ReplicaFailure condition while creating or deleting pods fails.
 */
public final class ReplicaStatus {
    public static final String REASON_FAILED_CREATE = "FailedCreate";
    public static final String REASON_FAILED_DELETE = "FailedDelete";

    private ReplicaStatus() {}

    /**
     * @param owned the active pods the controller owns
     * @param failure why managing the replicas failed this time, or null
     * @param failureReason {@link #REASON_FAILED_CREATE} or {@link #REASON_FAILED_DELETE}
     */
    public static ReplicationControllerStatus compute(ReplicationController rc, List<Pod> owned, Instant now,
            String failureReason, RuntimeException failure) {
        Map<String, String> templateLabels = rc.spec().template() == null || rc.spec().template().metadata() == null
                ? null : rc.spec().template().metadata().labels();
        int minReady = rc.spec().minReadySeconds() == null ? 0 : rc.spec().minReadySeconds();
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (Pod p : owned) {
            if (hasAll(p.metadata().labels(), templateLabels)) {
                fullyLabeled++;
            }
            if (Pods.isReady(p)) {
                ready++;
                if (Pods.isAvailable(p, minReady, now)) {
                    available++;
                }
            }
        }
        ReplicationControllerStatus old = rc.status();
        List<Condition> conditions = conditions(old, now, failureReason, failure);
        return new ReplicationControllerStatus(owned.size(), fullyLabeled, ready, available,
                rc.metadata().generation(), conditions.isEmpty() ? null : conditions);
    }

    /** The status differs in a way worth a write (condition times alone do not count). */
    public static boolean changed(ReplicationControllerStatus old, ReplicationControllerStatus now) {
        if (old == null) {
            return true;
        }
        return !Objects.equals(zeroIfNull(old.replicas()), zeroIfNull(now.replicas()))
                || !Objects.equals(zeroIfNull(old.fullyLabeledReplicas()), zeroIfNull(now.fullyLabeledReplicas()))
                || !Objects.equals(zeroIfNull(old.readyReplicas()), zeroIfNull(now.readyReplicas()))
                || !Objects.equals(zeroIfNull(old.availableReplicas()), zeroIfNull(now.availableReplicas()))
                || !Objects.equals(old.observedGeneration(), now.observedGeneration())
                || !Objects.equals(strip(old.conditions()), strip(now.conditions()));
    }

    private static List<Condition> conditions(ReplicationControllerStatus old, Instant now, String reason,
            RuntimeException failure) {
        List<Condition> out = new ArrayList<>();
        Condition previous = null;
        if (old != null && old.conditions() != null) {
            for (Condition c : old.conditions()) {
                if (Condition.TYPE_REPLICA_FAILURE.equals(c.type())) {
                    previous = c;
                } else {
                    out.add(c);
                }
            }
        }
        if (failure != null) {
            String message = failure.getMessage();
            boolean same = previous != null && PodCondition.TRUE.equals(previous.status())
                    && Objects.equals(previous.reason(), reason) && Objects.equals(previous.message(), message);
            out.add(same ? previous
                    : new Condition(Condition.TYPE_REPLICA_FAILURE, PodCondition.TRUE, now, reason, message));
        }
        return out;
    }

    private static List<List<String>> strip(List<Condition> conditions) {
        if (conditions == null) {
            return List.of();
        }
        return conditions.stream()
                .map(c -> java.util.Arrays.asList(c.type(), c.status(), c.reason(), c.message()))
                .toList();
    }

    private static int zeroIfNull(Integer i) {
        return i == null ? 0 : i;
    }

    private static boolean hasAll(Map<String, String> labels, Map<String, String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        if (labels == null) {
            return false;
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
