package io.skiff.kubelet.pod;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key exponential back-off as the kubelet keeps it for container restarts and image pulls
 * (client-go's {@code flowcontrol.Backoff}): the first failure of a key costs nothing, every
 * further one doubles the delay up to the cap, and a key left alone for twice the cap starts over.
 * Keys are {@code podUid/containerName} (restarts) or {@code podUid/image} (pulls).
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Duration delay, Instant lastUpdate) {}

    public Backoff(Duration initial, Duration max, InstantSource clock) {
        this.initial = initial;
        this.max = max;
        this.clock = clock;
    }

    /** Records one more failure of {@code key} now: the delay grows (or starts over) and is returned. */
    public Duration next(String key) {
        Instant now = clock.instant();
        return entries.compute(key, (k, e) -> e == null || expired(e, now)
                ? new Entry(initial, now)
                : new Entry(min(e.delay().multipliedBy(2), max), now)).delay();
    }

    /**
     * How much longer {@code key} must wait when its last failure happened at {@code eventTime}
     * (a container's finish time): zero when it may go now or has no back-off.
     */
    public Duration remainingSince(String key, Instant eventTime) {
        Entry e = entries.get(key);
        Instant now = clock.instant();
        if (e == null || expired(e, now)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, eventTime.plus(e.delay()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How much longer {@code key} must wait since its last recorded failure (image pulls). */
    public Duration remainingSinceUpdate(String key) {
        Entry e = entries.get(key);
        return e == null ? Duration.ZERO : remainingSince(key, e.lastUpdate());
    }

    /** The current delay of {@code key}, or zero without one. */
    public Duration delay(String key) {
        Entry e = entries.get(key);
        return e == null ? Duration.ZERO : e.delay();
    }

    /** Forgets every key starting with {@code prefix} (a pod that is gone). */
    public void forgetPrefix(String prefix) {
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private boolean expired(Entry e, Instant now) {
        return Duration.between(e.lastUpdate(), now).compareTo(max.multipliedBy(2)) > 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
