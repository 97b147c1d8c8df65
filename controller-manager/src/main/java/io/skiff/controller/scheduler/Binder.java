package io.skiff.controller.scheduler;

import io.skiff.api.core.Pod;

/** Binds a pod to a node ({@code POST pods/{name}/binding}): the scheduler's one write. */
@FunctionalInterface
public interface Binder {
    /** Throws {@link io.skiff.client.ApiException}; 409 when the pod is bound already. */
    void bind(Pod pod, String nodeName);
}
