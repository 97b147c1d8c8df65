package io.skiff.controller;

import io.skiff.api.meta.KubeObject;

/** Records an Event about an object (for {@code skiff describe}); never blocks, never fails the caller. */
public interface EventRecorder {
    String REASON_SUCCESSFUL_CREATE = "SuccessfulCreate";
    String REASON_FAILED_CREATE = "FailedCreate";
    String REASON_SUCCESSFUL_DELETE = "SuccessfulDelete";
    String REASON_FAILED_DELETE = "FailedDelete";
    String REASON_SCHEDULED = "Scheduled";
    String REASON_FAILED_SCHEDULING = "FailedScheduling";

    void event(KubeObject involved, String type, String reason, String message);

    default void normal(KubeObject involved, String reason, String message) {
        event(involved, io.skiff.api.core.Event.TYPE_NORMAL, reason, message);
    }

    default void warning(KubeObject involved, String reason, String message) {
        event(involved, io.skiff.api.core.Event.TYPE_WARNING, reason, message);
    }
}
