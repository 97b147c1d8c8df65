package io.skiff.api.core;

import java.time.Instant;

/** One condition of a pod (Ready, ContainersReady, Initialized, PodScheduled). */
public record PodCondition(String type, String status, Instant lastProbeTime, Instant lastTransitionTime,
        String reason, String message) {
    public static final String TYPE_POD_SCHEDULED = "PodScheduled";
    public static final String TYPE_INITIALIZED = "Initialized";
    public static final String TYPE_CONTAINERS_READY = "ContainersReady";
    public static final String TYPE_READY = "Ready";

    /** Condition status values, shared by every kind's conditions. */
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";
}
