package io.skiff.client.informer;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential back-off with jitter for reconnecting: {@code initial}, doubling, never
 * past {@code max}; {@link #reset} after things went well. Jitter (50-100 % of the step) keeps
 * a fleet of kubelets from reconnecting to a restarted apiserver in lockstep. Not thread-safe:
 * one per reconnect loop.
 */
public final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private long nextNanos;

    public Backoff(Duration initial, Duration max) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.nextNanos = initialNanos;
    }

    /** The next wait, and doubles the one after it. */
    public Duration next() {
        long step = nextNanos;
        nextNanos = Math.min(nextNanos * 2, maxNanos);
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(step / 2, step + 1));
    }

    public void reset() {
        nextNanos = initialNanos;
    }
}
