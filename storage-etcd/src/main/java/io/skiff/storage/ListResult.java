package io.skiff.storage;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list, every item as of {@code revision}. {@code continueToken} is null on the
 * last page; otherwise passing it back returns the next page at the same revision.
 * {@code remaining} is how many more keys the following pages hold (0 on the last page).
 */
public record ListResult(List<KeyValue> items, long revision, String continueToken, long remaining) {
    public ListResult {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
