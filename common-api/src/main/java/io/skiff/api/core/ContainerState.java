package io.skiff.api.core;

import java.time.Instant;

/** The state of a container: exactly one of waiting, running, terminated. */
public record ContainerState(Waiting waiting, Running running, Terminated terminated) {

    public static ContainerState waiting(String reason, String message) {
        return new ContainerState(new Waiting(reason, message), null, null);
    }

    public static ContainerState running(Instant startedAt) {
        return new ContainerState(null, new Running(startedAt), null);
    }

    public static ContainerState terminated(Terminated terminated) {
        return new ContainerState(null, null, terminated);
    }

    /** {@code ContainerStateWaiting}: not yet running (ContainerCreating, ErrImagePull, CrashLoopBackOff). */
    public record Waiting(String reason, String message) {
        public static final String REASON_CONTAINER_CREATING = "ContainerCreating";
        public static final String REASON_ERR_IMAGE_PULL = "ErrImagePull";
        public static final String REASON_IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
        public static final String REASON_CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
        public static final String REASON_ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";
        public static final String REASON_CREATE_CONTAINER_ERROR = "CreateContainerError";
    }

    /** {@code ContainerStateRunning}. */
    public record Running(Instant startedAt) {}

    /** {@code ContainerStateTerminated}: exited, with its exit code. */
    public record Terminated(Integer exitCode, Integer signal, String reason, String message, Instant startedAt,
            Instant finishedAt, String containerID) {
        public static final String REASON_COMPLETED = "Completed";
        public static final String REASON_ERROR = "Error";
        public static final String REASON_OOM_KILLED = "OOMKilled";
    }
}
