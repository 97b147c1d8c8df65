package io.skiff.api.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Anything with {@code apiVersion} and {@code kind} on the wire: every top-level kind, lists and
 * {@link Status}. Hub types return their v1 apiVersion; other versions rewrite it on the way out.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata"})
public interface ApiObject {
    @JsonProperty("apiVersion")
    String apiVersion();

    @JsonProperty("kind")
    String kind();
}
