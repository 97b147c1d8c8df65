package io.skiff.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/** The v1beta1 event: a status of the object it is about, why, and who saw it when. */
public final class EventTypes {
    private EventTypes() {}

    @JsonPropertyOrder({"involvedObject", "status", "reason", "message", "source", "timestamp"})
    public record Event(@JsonUnwrapped TypeMeta meta, ObjectReference involvedObject, String status, String reason,
            String message, String source, Instant timestamp) {}

    /** The referent's id is spelled {@code name} here, as Kubernetes did. */
    @JsonPropertyOrder({"kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"})
    public record ObjectReference(String kind, String namespace, @JsonProperty("name") String id, String uid,
            String apiVersion, String resourceVersion, String fieldPath) {}

    public record EventList(@JsonUnwrapped TypeMeta meta, List<Event> items) {}
}
