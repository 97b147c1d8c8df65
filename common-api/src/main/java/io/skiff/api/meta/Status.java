package io.skiff.api.meta;

import java.util.List;

/**
 * The result of an operation that returns no object, and every API error: {@code metav1.Status}
 * with Kubernetes' reasons and HTTP codes.
 */
public record Status(ListMeta metadata, String status, String message, String reason, StatusDetails details,
        Integer code) implements ApiObject {
    public static final String KIND = "Status";
    public static final String API_VERSION = "v1";

    public static final String SUCCESS = "Success";
    public static final String FAILURE = "Failure";

    // metav1.StatusReason values.
    public static final String REASON_BAD_REQUEST = "BadRequest";
    public static final String REASON_UNAUTHORIZED = "Unauthorized";
    public static final String REASON_FORBIDDEN = "Forbidden";
    public static final String REASON_NOT_FOUND = "NotFound";
    public static final String REASON_METHOD_NOT_ALLOWED = "MethodNotAllowed";
    public static final String REASON_ALREADY_EXISTS = "AlreadyExists";
    public static final String REASON_CONFLICT = "Conflict";
    public static final String REASON_GONE = "Gone";
    public static final String REASON_EXPIRED = "Expired";
    public static final String REASON_REQUEST_ENTITY_TOO_LARGE = "RequestEntityTooLarge";
    public static final String REASON_UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String REASON_INVALID = "Invalid";
    public static final String REASON_TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String REASON_INTERNAL_ERROR = "InternalError";
    public static final String REASON_SERVICE_UNAVAILABLE = "ServiceUnavailable";
    public static final String REASON_TIMEOUT = "Timeout";
    public static final String REASON_NOT_ACCEPTABLE = "NotAcceptable";

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public String kind() {
        return KIND;
    }

    public static Status success() {
        return new Status(ListMeta.EMPTY, SUCCESS, null, null, null, null);
    }

    /** A Failure status with HTTP {@code code}, Kubernetes {@code reason} and a message for humans. */
    public static Status failure(int code, String reason, String message, StatusDetails details) {
        return new Status(ListMeta.EMPTY, FAILURE, message, reason, details, code);
    }

    /** The field causes, or an empty list: callers iterate without null checks. */
    public List<StatusCause> causes() {
        return details == null || details.causes() == null ? List.of() : details.causes();
    }
}
