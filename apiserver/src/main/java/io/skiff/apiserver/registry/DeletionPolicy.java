package io.skiff.apiserver.registry;

import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.apiserver.ApiErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * How a DELETE treats dependents, recorded on the object for the garbage collector as
 * Kubernetes records it: {@code Orphan} adds the {@code orphan} finalizer, {@code Foreground}
 * the {@code foregroundDeletion} finalizer, {@code Background} neither (and removes both); no
 * policy leaves the object's finalizers as they are.
 */
public enum DeletionPolicy {
    ORPHAN, BACKGROUND, FOREGROUND, UNSET;

    public static final String FINALIZER_ORPHAN = "orphan";
    public static final String FINALIZER_FOREGROUND = "foregroundDeletion";

    /** The policy of a DeleteOptions (the REST layer already folded the query parameters in). */
    public static DeletionPolicy of(DeleteOptions options) {
        String policy = options.propagationPolicy();
        Boolean orphan = options.orphanDependents();
        if (policy != null && orphan != null) {
            throw ApiErrors.invalid("meta.k8s.io", "DeleteOptions", "", List.of(FieldError.invalid(
                    FieldPath.root("propagationPolicy"), policy, "orphanDependents and deletionPropagation cannot be both set")));
        }
        if (orphan != null) {
            return orphan ? ORPHAN : BACKGROUND;
        }
        if (policy == null || policy.isEmpty()) {
            return UNSET;
        }
        return switch (policy) {
            case DeleteOptions.PROPAGATION_ORPHAN -> ORPHAN;
            case DeleteOptions.PROPAGATION_BACKGROUND -> BACKGROUND;
            case DeleteOptions.PROPAGATION_FOREGROUND -> FOREGROUND;
            default -> throw ApiErrors.invalid("meta.k8s.io", "DeleteOptions", "", List.of(FieldError.notSupported(
                    FieldPath.root("propagationPolicy"), policy, List.of(DeleteOptions.PROPAGATION_FOREGROUND,
                            DeleteOptions.PROPAGATION_BACKGROUND, DeleteOptions.PROPAGATION_ORPHAN))));
        };
    }

    /** The object's finalizers after a DELETE with {@code policy}. */
    public static List<String> finalizers(List<String> existing, DeletionPolicy policy) {
        List<String> out = new ArrayList<>(existing == null ? List.of() : existing);
        switch (policy) {
            case ORPHAN -> {
                out.remove(FINALIZER_FOREGROUND);
                addOnce(out, FINALIZER_ORPHAN);
            }
            case FOREGROUND -> {
                out.remove(FINALIZER_ORPHAN);
                addOnce(out, FINALIZER_FOREGROUND);
            }
            case BACKGROUND -> {
                out.remove(FINALIZER_ORPHAN);
                out.remove(FINALIZER_FOREGROUND);
            }
            case UNSET -> { }
        }
        return out;
    }

    private static void addOnce(List<String> list, String item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }
}
