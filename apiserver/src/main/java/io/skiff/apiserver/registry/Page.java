package io.skiff.apiserver.registry;

import io.skiff.api.meta.KubeObject;
import java.util.List;

/**
 * One answer to a LIST: items (each with its resourceVersion), the revision they were read at,
 * and for a paginated list the opaque continue token (null on the last page) and, when known,
 * how many items the following pages hold.
 */
public record Page<T extends KubeObject>(List<T> items, long revision, String continueToken, Long remainingItemCount) {
    public Page {
        items = List.copyOf(items);
    }
}
