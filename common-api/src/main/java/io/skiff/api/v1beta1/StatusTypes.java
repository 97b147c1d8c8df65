package io.skiff.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The v1beta1 Status: {@code Success}, {@code Failure} or {@code Working} (an operation still
 * running, whose {@code details} name it: {@code {"id":"7","kind":"operation"}}).
 */
public final class StatusTypes {
    private StatusTypes() {}

    public static final String SUCCESS = "Success";
    public static final String FAILURE = "Failure";
    public static final String WORKING = "Working";

    @JsonPropertyOrder({"status", "message", "reason", "details", "code"})
    public record Status(@JsonUnwrapped TypeMeta meta, String status, String message, String reason,
            StatusDetails details, Integer code) {}

    public record StatusDetails(String id, String kind, List<StatusCause> causes) {}

    public record StatusCause(String reason, String message, String field) {}
}
