package io.skiff.kubelet.status;

import io.skiff.api.core.Event;
import io.skiff.api.core.Pod;

/**
 * Where the kubelet tells people what it did to a pod ({@code Pulling}, {@code Started},
 * {@code Killing}, {@code Unhealthy}, {@code BackOff}, ...): the seam between the pod workers and
 * the apiserver's events. Recording never blocks the caller and never fails it.
 */
public interface EventRecorder {

    /**
     * @param containerName the container the event is about, or null for the pod itself
     * @param type          {@link Event#TYPE_NORMAL} or {@link Event#TYPE_WARNING}
     */
    void record(Pod pod, String containerName, String type, String reason, String message);

    default void normal(Pod pod, String containerName, String reason, String message) {
        record(pod, containerName, Event.TYPE_NORMAL, reason, message);
    }

    default void warning(Pod pod, String containerName, String reason, String message) {
        record(pod, containerName, Event.TYPE_WARNING, reason, message);
    }

    /** The reasons, in Kubernetes' words. */
    final class Reasons {
        private Reasons() {}

        public static final String PULLING = "Pulling";
        public static final String PULLED = "Pulled";
        public static final String FAILED = "Failed";
        public static final String BACK_OFF = "BackOff";
        public static final String ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";
        public static final String CREATED = "Created";
        public static final String STARTED = "Started";
        public static final String KILLING = "Killing";
        public static final String UNHEALTHY = "Unhealthy";
        public static final String FAILED_MOUNT = "FailedMount";
        public static final String SANDBOX_CHANGED = "SandboxChanged";
    }
}
