package io.skiff.client;

import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import java.util.List;

/**
 * The apiserver answered with an error: carries its {@link Status} (code, reason, message,
 * details and causes). An answer that was not a Status (a proxy's HTML page, plain text) is
 * turned into one, with the body as the message, as client-go does.
 */
public class ApiException extends RuntimeException {
    private final Status status;

    public ApiException(Status status) {
        super(describe(status));
        this.status = status;
    }

    public Status status() {
        return status;
    }

    /** The HTTP status code (404, 409, 410, 422, ...). */
    public int code() {
        return status.code() == null ? 0 : status.code();
    }

    /** Kubernetes' reason ({@code NotFound}, {@code Conflict}, {@code Expired}, ...), or "". */
    public String reason() {
        return status.reason() == null ? "" : status.reason();
    }

    public List<StatusCause> causes() {
        return status.causes();
    }

    public boolean isNotFound() {
        return code() == 404 || Status.REASON_NOT_FOUND.equals(reason());
    }

    /** 409 because the object changed since it was read (not because it exists). */
    public boolean isConflict() {
        return Status.REASON_CONFLICT.equals(reason()) || (code() == 409 && !isAlreadyExists());
    }

    public boolean isAlreadyExists() {
        return Status.REASON_ALREADY_EXISTS.equals(reason());
    }

    /** 410: the resourceVersion asked for is compacted away (reason Expired or Gone); relist. */
    public boolean isGone() {
        return code() == 410 || Status.REASON_EXPIRED.equals(reason()) || Status.REASON_GONE.equals(reason());
    }

    public boolean isInvalid() {
        return code() == 422 || Status.REASON_INVALID.equals(reason());
    }

    /** Worth retrying as is: 429, 500 InternalError from a storage hiccup, 503, 504. */
    public boolean isRetryable() {
        return code() == 429 || code() == 503 || code() == 504 || Status.REASON_TIMEOUT.equals(reason());
    }

    private static String describe(Status s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.code() == null ? "?" : s.code()).append(' ');
        sb.append(s.reason() == null || s.reason().isEmpty() ? "Unknown" : s.reason());
        if (s.message() != null && !s.message().isEmpty()) {
            sb.append(": ").append(s.message());
        }
        return sb.toString();
    }
}
