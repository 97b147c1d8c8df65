package io.skiff.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/**
 * The fields every v1beta1 object carries at its top level (Go inlined {@code TypeMeta}; the
 * records here use {@code @JsonUnwrapped}). {@code id} is the name, {@code resourceVersion} a
 * JSON number. Labels are not here: in v1beta1 each kind declares its own.
 */
@JsonPropertyOrder({"kind", "id", "uid", "creationTimestamp", "selfLink", "resourceVersion", "apiVersion",
        "namespace", "annotations"})
public record TypeMeta(
        String kind,
        String id,
        String uid,
        Instant creationTimestamp,
        String selfLink,
        Long resourceVersion,
        String apiVersion,
        String namespace,
        Map<String, String> annotations) {

    public static final TypeMeta EMPTY = new TypeMeta(null, null, null, null, null, null, null, null, null);

    /** Just kind and apiVersion: the header of lists and Status. */
    public static TypeMeta of(String kind, Long resourceVersion) {
        return new TypeMeta(kind, null, null, null, null, resourceVersion, V1beta1.API_VERSION, null, null);
    }
}
