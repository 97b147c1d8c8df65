package io.skiff.client.informer;

import java.time.Duration;

/**
 * How an informer runs.
 *
 * @param resyncPeriod every cached object is re-delivered as {@code onUpdate(obj, obj)} this often; zero: never
 * @param minWatchTimeout each watch asks the server to end it after between this and twice this
 *     ({@code timeoutSeconds}), as client-go does, so no connection lives forever and load
 *     spreads over apiservers; the informer then watches again from where it was
 * @param initialBackoff first wait before relisting after a failure (doubling, jittered)
 * @param maxBackoff the longest wait between attempts
 */
public record InformerOptions(Duration resyncPeriod, Duration minWatchTimeout, Duration initialBackoff,
        Duration maxBackoff) {

    public static final InformerOptions DEFAULTS =
            new InformerOptions(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMillis(200), Duration.ofSeconds(30));

    public InformerOptions {
        if (resyncPeriod == null || resyncPeriod.isNegative()) {
            throw new IllegalArgumentException("resyncPeriod must be zero or positive, got " + resyncPeriod);
        }
        if (minWatchTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("minWatchTimeout must be at least 1s, got " + minWatchTimeout);
        }
        if (!initialBackoff.isPositive() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff");
        }
    }

    public static InformerOptions withResync(Duration resyncPeriod) {
        return DEFAULTS.withResyncPeriod(resyncPeriod);
    }

    public InformerOptions withResyncPeriod(Duration v) {
        return new InformerOptions(v, minWatchTimeout, initialBackoff, maxBackoff);
    }

    public InformerOptions withMinWatchTimeout(Duration v) {
        return new InformerOptions(resyncPeriod, v, initialBackoff, maxBackoff);
    }

    public InformerOptions withBackoff(Duration initial, Duration max) {
        return new InformerOptions(resyncPeriod, minWatchTimeout, initial, max);
    }
}
