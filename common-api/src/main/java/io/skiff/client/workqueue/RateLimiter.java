package io.skiff.client.workqueue;

import java.time.Duration;

/**
 * How long a key waits before it is retried, as client-go's {@code workqueue.RateLimiter}:
 * {@link #when} counts a failure and answers the delay; {@link #forget} clears the count once
 * the key succeeded.
 */
public interface RateLimiter<K> {
    Duration when(K key);

    void forget(K key);

    /** Failures counted for the key since the last {@link #forget}. */
    int numRequeues(K key);

    /** Per-key exponential back-off from 5 ms doubling to 1000 s, client-go's default. */
    static <K> RateLimiter<K> defaultExponential() {
        return new ExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
    }
}
