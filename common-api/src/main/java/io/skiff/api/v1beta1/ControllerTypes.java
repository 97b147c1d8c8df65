package io.skiff.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/** The v1beta1 replication controller: desired and current {@link ReplicationControllerState}. */
public final class ControllerTypes {
    private ControllerTypes() {}

    @JsonPropertyOrder({"desiredState", "currentState", "labels"})
    public record ReplicationController(@JsonUnwrapped TypeMeta meta, ReplicationControllerState desiredState,
            ReplicationControllerState currentState, Map<String, String> labels) {}

    public record ReplicationControllerList(@JsonUnwrapped TypeMeta meta, List<ReplicationController> items) {}

    @JsonPropertyOrder({"replicas", "replicaSelector", "podTemplate"})
    public record ReplicationControllerState(Integer replicas, Map<String, String> replicaSelector,
            PodTemplate podTemplate) {}

    /** The pods to create: a desired state and the labels they get. */
    @JsonPropertyOrder({"desiredState", "labels"})
    public record PodTemplate(PodTypes.PodState desiredState, Map<String, String> labels) {}
}
