package io.skiff.apiserver.v1beta1;

import java.time.Duration;

/**
 * How the 2014 API runs its long operations.
 *
 * @param maxOperations      operations kept at once, pending and finished; when every slot holds a
 *                           pending one, a new {@code sync=true} request is refused with 429 before
 *                           it writes anything
 * @param operationExpiry    how long a finished operation stays readable ({@code /operations/{id}}
 *                           answers 404 after it); v0.5 kept them 10 minutes
 * @param maxOperationWait   how long an operation waits for its pod at most; then it finishes with
 *                           504 Timeout, so no waiter lives for ever
 * @param defaultSyncTimeout how long {@code sync=true} waits when the request names no {@code timeout}
 */
public record V1beta1Options(int maxOperations, Duration operationExpiry, Duration maxOperationWait,
        Duration defaultSyncTimeout) {
    public static final int DEFAULT_MAX_OPERATIONS = 1_000;
    public static final Duration DEFAULT_OPERATION_EXPIRY = Duration.ofMinutes(10);
    public static final Duration DEFAULT_MAX_OPERATION_WAIT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(30);

    public V1beta1Options {
        if (maxOperations <= 0) {
            throw new IllegalArgumentException("maxOperations must be positive, got " + maxOperations);
        }
        for (Duration d : new Duration[] {operationExpiry, maxOperationWait, defaultSyncTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("operation durations must be positive, got " + d);
            }
        }
    }

    public static V1beta1Options defaults() {
        return new V1beta1Options(DEFAULT_MAX_OPERATIONS, DEFAULT_OPERATION_EXPIRY, DEFAULT_MAX_OPERATION_WAIT,
                DEFAULT_SYNC_TIMEOUT);
    }

    public V1beta1Options withMaxOperations(int v) {
        return new V1beta1Options(v, operationExpiry, maxOperationWait, defaultSyncTimeout);
    }

    public V1beta1Options withOperationExpiry(Duration v) {
        return new V1beta1Options(maxOperations, v, maxOperationWait, defaultSyncTimeout);
    }

    public V1beta1Options withMaxOperationWait(Duration v) {
        return new V1beta1Options(maxOperations, operationExpiry, v, defaultSyncTimeout);
    }
}
