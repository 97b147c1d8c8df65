package io.skiff.api.meta;

import java.util.List;

/** The optional body of a DELETE ({@code metav1.DeleteOptions}). */
public record DeleteOptions(Long gracePeriodSeconds, Preconditions preconditions, Boolean orphanDependents,
        String propagationPolicy, List<String> dryRun) implements ApiObject {
    public static final String KIND = "DeleteOptions";
    public static final String API_VERSION = "v1";

    public static final String PROPAGATION_ORPHAN = "Orphan";
    public static final String PROPAGATION_BACKGROUND = "Background";
    public static final String PROPAGATION_FOREGROUND = "Foreground";

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The delete happens only if the object still has this uid / resourceVersion. */
    public record Preconditions(String uid, String resourceVersion) {}
}
