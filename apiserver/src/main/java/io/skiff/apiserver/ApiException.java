package io.skiff.apiserver;

import io.skiff.api.meta.Status;
import java.util.Objects;

/**
 * A request failed in a way the client is told about: carries the {@link Status} (code, reason,
 * message, details) that becomes the response body. Build them with {@link ApiErrors}.
 */
public final class ApiException extends RuntimeException {
    private final transient Status status;

    public ApiException(Status status) {
        this(status, null);
    }

    public ApiException(Status status, Throwable cause) {
        super(Objects.requireNonNull(status, "status").message(), cause, false, cause != null);
        this.status = status;
    }

    public Status status() {
        return status;
    }

    public int code() {
        return status.code();
    }

    public String reason() {
        return status.reason();
    }
}
