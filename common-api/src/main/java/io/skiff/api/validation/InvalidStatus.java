package io.skiff.api.validation;

import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.api.meta.StatusDetails;
import java.util.List;

/**
 * The 422 answer to an invalid object, as Kubernetes' {@code apierrors.NewInvalid} builds it:
 * reason Invalid, a message {@code Pod "x" is invalid: [a, b]} (one error without brackets,
 * repeats once), and one cause per error whose message is the error without its field.
 */
public final class InvalidStatus {

    private InvalidStatus() {
    }

    /** For {@code obj}, whose kind, group (from its apiVersion) and name the status names. */
    public static Status of(ApiObject obj, List<FieldError> errors) {
        String apiVersion = obj.apiVersion() == null ? "" : obj.apiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String name = obj instanceof KubeObject k && k.name() != null ? k.name() : "";
        return of(group, obj.kind(), name, errors);
    }

    /**
     * @param group the API group, empty for the core group (Pod, Service, ...)
     * @param kind  the kind, e.g. {@code Pod}
     * @param name  the object's name as the request gave it (may be empty)
     */
    public static Status of(String group, String kind, String name, List<FieldError> errors) {
        ErrorList list = new ErrorList().addAll(errors);
        String qualifiedKind = group == null || group.isEmpty() ? kind : kind + "." + group;
        List<StatusCause> causes = errors.stream()
                .map(e -> new StatusCause(e.reason(), e.body(), e.field()))
                .toList();
        StatusDetails details = new StatusDetails(name, group == null || group.isEmpty() ? null : group, kind, null,
                causes, null);
        return Status.failure(422, Status.REASON_INVALID, list.summary(qualifiedKind, name), details);
    }
}
