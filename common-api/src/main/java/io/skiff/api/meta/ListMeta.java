package io.skiff.api.meta;

import com.fasterxml.jackson.annotation.JsonProperty;

/** metadata of lists and Status, as {@code metav1.ListMeta}; {@code continue} is a Java keyword. */
public record ListMeta(
        String resourceVersion, @JsonProperty("continue") String continueToken, Long remainingItemCount) {

    public static final ListMeta EMPTY = new ListMeta(null, null, null);

    public static ListMeta atVersion(String resourceVersion) {
        return new ListMeta(resourceVersion, null, null);
    }
}
