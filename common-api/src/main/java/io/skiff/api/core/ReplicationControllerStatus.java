package io.skiff.api.core;

import java.time.Instant;
import java.util.List;

/** What the replication manager last observed. */
public record ReplicationControllerStatus(Integer replicas, Integer fullyLabeledReplicas, Integer readyReplicas,
        Integer availableReplicas, Long observedGeneration, List<Condition> conditions) {

    public static ReplicationControllerStatus ofReplicas(int replicas) {
        return new ReplicationControllerStatus(replicas, null, null, null, null, null);
    }

    /** {@code ReplicationControllerCondition} (ReplicaFailure). */
    public record Condition(String type, String status, Instant lastTransitionTime, String reason, String message) {
        public static final String TYPE_REPLICA_FAILURE = "ReplicaFailure";
    }
}
