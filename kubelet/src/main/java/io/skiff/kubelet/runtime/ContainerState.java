package io.skiff.kubelet.runtime;

/** The lifecycle of a container, as SyncPod distinguishes it. */
public enum ContainerState {
    /** Created and never started (or its start failed). */
    CREATED,
    RUNNING,
    EXITED,
    /** The engine reports something SyncPod has no use for (e.g. being removed). */
    UNKNOWN
}
