package io.skiff.api.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.Rfc3339;
import java.time.Instant;

/** Something that happened to an object, for humans ({@code skiff describe}). */
public record Event(
        ObjectMeta metadata,
        ObjectReference involvedObject,
        String reason,
        String message,
        Source source,
        Instant firstTimestamp,
        Instant lastTimestamp,
        Integer count,
        String type,
        @JsonSerialize(using = Rfc3339.MicroTimeSerializer.class)
        @JsonDeserialize(using = Rfc3339.MicroTimeDeserializer.class)
        Instant eventTime,
        String action,
        String reportingComponent,
        String reportingInstance) implements KubeObject {

    public static final String KIND = "Event";
    public static final String API_VERSION = "v1";
    public static final String TYPE_NORMAL = "Normal";
    public static final String TYPE_WARNING = "Warning";

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Event withMetadata(ObjectMeta metadata) {
        return new Event(metadata, involvedObject, reason, message, source, firstTimestamp, lastTimestamp, count,
                type, eventTime, action, reportingComponent, reportingInstance);
    }

    public Event withCount(Integer count, Instant lastTimestamp) {
        return new Event(metadata, involvedObject, reason, message, source, firstTimestamp, lastTimestamp, count,
                type, eventTime, action, reportingComponent, reportingInstance);
    }

    /** {@code EventSource}: the component (and host) that reported the event. */
    public record Source(String component, String host) {}
}
