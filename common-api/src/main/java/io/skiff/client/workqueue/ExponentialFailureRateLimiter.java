package io.skiff.client.workqueue;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code base * 2^failures}, capped at {@code max}, counted per key: a key that keeps failing
 * backs off, others are not slowed by it. Thread-safe.
 */
public final class ExponentialFailureRateLimiter<K> implements RateLimiter<K> {
    private final long baseNanos;
    private final long maxNanos;
    private final ConcurrentHashMap<K, Integer> failures = new ConcurrentHashMap<>();

    public ExponentialFailureRateLimiter(Duration base, Duration max) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max, got base " + base + ", max " + max);
        }
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
    }

    @Override
    public Duration when(K key) {
        int n = failures.merge(key, 1, Integer::sum) - 1;
        // Shifting past 62 bits overflows; any such delay is past max anyway.
        if (n >= 62 || baseNanos > (maxNanos >> n)) {
            return Duration.ofNanos(maxNanos);
        }
        return Duration.ofNanos(baseNanos << n);
    }

    @Override
    public void forget(K key) {
        failures.remove(key);
    }

    @Override
    public int numRequeues(K key) {
        return failures.getOrDefault(key, 0);
    }
}
