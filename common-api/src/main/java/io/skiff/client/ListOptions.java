package io.skiff.client;

import io.skiff.api.selector.FieldSelector;
import io.skiff.api.selector.LabelSelector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query parameters of LIST and WATCH ({@code metav1.ListOptions}); null means "not sent".
 *
 * <pre>{@code
 * ListOptions.labelSelector("app=web").withLimit(100)
 * ListOptions.fieldSelector("spec.nodeName=node-1").withResourceVersion("42")
 * }</pre>
 *
 * @param resourceVersion LIST: "0" serves from the watch cache; WATCH: events after this version
 * @param timeoutSeconds WATCH: the server ends the stream after this long
 * @param limit LIST: at most this many items per page
 * @param continueToken LIST: the {@code metadata.continue} of the previous page
 */
public record ListOptions(String labelSelector, String fieldSelector, String resourceVersion, Long timeoutSeconds,
        Long limit, String continueToken, Boolean allowWatchBookmarks) {

    public static final ListOptions NONE = new ListOptions(null, null, null, null, null, null, null);

    public static ListOptions none() {
        return NONE;
    }

    public static ListOptions labelSelector(String selector) {
        return NONE.withLabelSelector(selector);
    }

    public static ListOptions labelSelector(LabelSelector selector) {
        return NONE.withLabelSelector(selector.toString());
    }

    public static ListOptions fieldSelector(String selector) {
        return NONE.withFieldSelector(selector);
    }

    public static ListOptions fieldSelector(FieldSelector selector) {
        return NONE.withFieldSelector(selector.toString());
    }

    public ListOptions withLabelSelector(String v) {
        return new ListOptions(blankToNull(v), fieldSelector, resourceVersion, timeoutSeconds, limit, continueToken,
                allowWatchBookmarks);
    }

    public ListOptions withFieldSelector(String v) {
        return new ListOptions(labelSelector, blankToNull(v), resourceVersion, timeoutSeconds, limit, continueToken,
                allowWatchBookmarks);
    }

    public ListOptions withResourceVersion(String v) {
        return new ListOptions(labelSelector, fieldSelector, blankToNull(v), timeoutSeconds, limit, continueToken,
                allowWatchBookmarks);
    }

    public ListOptions withTimeoutSeconds(Long v) {
        return new ListOptions(labelSelector, fieldSelector, resourceVersion, v, limit, continueToken,
                allowWatchBookmarks);
    }

    public ListOptions withLimit(Long v) {
        return new ListOptions(labelSelector, fieldSelector, resourceVersion, timeoutSeconds, v, continueToken,
                allowWatchBookmarks);
    }

    public ListOptions withContinue(String v) {
        return new ListOptions(labelSelector, fieldSelector, resourceVersion, timeoutSeconds, limit, blankToNull(v),
                allowWatchBookmarks);
    }

    public ListOptions withAllowWatchBookmarks(Boolean v) {
        return new ListOptions(labelSelector, fieldSelector, resourceVersion, timeoutSeconds, limit, continueToken, v);
    }

    /** The query parameters, in Kubernetes' spelling, in a stable order. */
    public Map<String, String> toQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        put(q, "labelSelector", labelSelector);
        put(q, "fieldSelector", fieldSelector);
        put(q, "resourceVersion", resourceVersion);
        put(q, "timeoutSeconds", timeoutSeconds);
        put(q, "limit", limit);
        put(q, "continue", continueToken);
        put(q, "allowWatchBookmarks", allowWatchBookmarks);
        return q;
    }

    private static void put(Map<String, String> q, String name, Object value) {
        if (value != null) {
            q.put(name, value.toString());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
