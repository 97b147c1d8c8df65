package io.skiff.apiserver.registry;

import io.skiff.api.selector.FieldSelector;
import io.skiff.api.selector.LabelSelector;

/**
 * A LIST or WATCH request's options, parsed and checked.
 *
 * @param resourceVersion "" = a consistent read from storage; "0" = any state, from the watch cache;
 *                        otherwise a revision (a list at least that fresh; a watch from just after it)
 * @param limit           page size, 0 for all
 * @param continueToken   the token of the previous page, or null
 */
public record ListOptions(LabelSelector labels, FieldSelector fields, String resourceVersion, int limit,
        String continueToken) {
    public static final ListOptions ALL = new ListOptions(LabelSelector.everything(), FieldSelector.everything(), "", 0,
            null);

    public ListOptions {
        labels = labels == null ? LabelSelector.everything() : labels;
        fields = fields == null ? FieldSelector.everything() : fields;
        resourceVersion = resourceVersion == null ? "" : resourceVersion;
    }

    public boolean selectsEverything() {
        return labels.isEmpty() && fields.isEmpty();
    }
}
