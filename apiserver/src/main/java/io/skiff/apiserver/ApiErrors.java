package io.skiff.apiserver;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.api.meta.StatusDetails;
import io.skiff.api.validation.ErrorList;
import io.skiff.api.validation.FieldError;
import java.util.List;

/**
 * The API errors, worded and coded as Kubernetes' {@code apierrors} package words them, so that
 * kubectl and client libraries recognise them (they switch on {@code reason} and {@code code}).
 */
public final class ApiErrors {
    private ApiErrors() {}

    public static ApiException notFound(GroupResource resource, String name) {
        return error(404, Status.REASON_NOT_FOUND, resource + " \"" + name + "\" not found", details(resource, name));
    }

    public static ApiException alreadyExists(GroupResource resource, String name) {
        return error(409, Status.REASON_ALREADY_EXISTS, resource + " \"" + name + "\" already exists",
                details(resource, name));
    }

    /** A 409 Conflict: {@code Operation cannot be fulfilled on pods "x": <why>}. */
    public static ApiException conflict(GroupResource resource, String name, String why) {
        return error(409, Status.REASON_CONFLICT,
                "Operation cannot be fulfilled on " + resource + " \"" + name + "\": " + why, details(resource, name));
    }

    /** The Conflict of a compare-and-swap that lost: the client sent a stale resourceVersion. */
    public static ApiException stale(GroupResource resource, String name) {
        return conflict(resource, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** 422 with every field error as a cause: {@code Pod "x" is invalid: [a, b]}. */
    public static ApiException invalid(ResourceInfo info, String name, List<FieldError> errors) {
        ErrorList list = new ErrorList().addAll(errors);
        String qualifiedKind = info.group().isEmpty() ? info.kind() : info.kind() + "." + info.group();
        List<StatusCause> causes = errors.stream()
                .map(e -> new StatusCause(e.reason(), e.body(), e.field()))
                .toList();
        return error(422, Status.REASON_INVALID, list.summary(qualifiedKind, name),
                new StatusDetails(name, info.group(), info.kind(), null, causes, null));
    }

    /** 422 for a kind that is not a served resource (the Scale of a subresource). */
    public static ApiException invalid(String group, String kind, String name, List<FieldError> errors) {
        ErrorList list = new ErrorList().addAll(errors);
        String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
        List<StatusCause> causes = errors.stream().map(e -> new StatusCause(e.reason(), e.body(), e.field())).toList();
        return error(422, Status.REASON_INVALID, list.summary(qualifiedKind, name),
                new StatusDetails(name, group, kind, null, causes, null));
    }

    public static ApiException badRequest(String message) {
        return error(400, Status.REASON_BAD_REQUEST, message, null);
    }

    public static ApiException forbidden(GroupResource resource, String name, String why) {
        String what = resource.resource().isEmpty() ? "" : resource + (name == null || name.isEmpty() ? "" : " \"" + name + "\"")
                + " is forbidden: ";
        return error(403, Status.REASON_FORBIDDEN, what + why, details(resource, name));
    }

    public static ApiException methodNotSupported(GroupResource resource, String verb) {
        return error(405, Status.REASON_METHOD_NOT_ALLOWED,
                verb + " is not supported on resources of kind \"" + resource + "\"", details(resource, null));
    }

    /** 410: a resourceVersion older than the history kept. */
    public static ApiException expired(String message) {
        return error(410, Status.REASON_EXPIRED, message, null);
    }

    public static ApiException tooLarge(long limit) {
        return error(413, Status.REASON_REQUEST_ENTITY_TOO_LARGE,
                "the request body is larger than the limit of " + limit + " bytes", null);
    }

    public static ApiException unsupportedMediaType(String contentType, List<String> accepted) {
        return error(415, Status.REASON_UNSUPPORTED_MEDIA_TYPE, "the body of the request was in an unknown format ("
                + contentType + ") - accepted media types include: " + String.join(", ", accepted), null);
    }

    public static ApiException notAcceptable(List<String> served) {
        return error(406, Status.REASON_NOT_ACCEPTABLE,
                "only the following media types are accepted: " + String.join(", ", served), null);
    }

    public static ApiException timeout() {
        return error(504, Status.REASON_TIMEOUT,
                "Timeout: request did not complete within requested timeout - context deadline exceeded", null);
    }

    /** 504 for a storage call that did not finish in time. */
    public static ApiException storageTimeout(String what) {
        return error(504, Status.REASON_TIMEOUT, "Timeout: " + what, null);
    }

    public static ApiException serviceUnavailable(String message) {
        return error(503, Status.REASON_SERVICE_UNAVAILABLE, message, null);
    }

    public static ApiException tooManyRequests(String message, int retryAfterSeconds) {
        return error(429, Status.REASON_TOO_MANY_REQUESTS, message,
                new StatusDetails(null, null, null, null, null, retryAfterSeconds));
    }

    /** 500: a fault of the server, never of the request. The caller logs it. */
    public static ApiException internal(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ApiException(Status.failure(500, Status.REASON_INTERNAL_ERROR,
                "Internal error occurred: " + message,
                new StatusDetails(null, null, null, null, List.of(new StatusCause(null, message, null)), null)), cause);
    }

    private static ApiException error(int code, String reason, String message, StatusDetails details) {
        return new ApiException(Status.failure(code, reason, message, details));
    }

    private static StatusDetails details(GroupResource resource, String name) {
        return new StatusDetails(name == null || name.isEmpty() ? null : name,
                resource.group().isEmpty() ? null : resource.group(), resource.resource(), null, null, null);
    }
}
