package io.skiff.apiserver.v1beta1;

import io.skiff.apiserver.watch.CacheWatcher;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Time limits of the watchers this package opens (v1beta1 watches, operation waits): an
 * {@link CacheWatcher#end} scheduled at the deadline, as the v1 watches do, rather than a timed
 * wait per event. One daemon thread for the JVM: a task only ends a watcher, and a cancelled one
 * is dropped at once.
 */
final class WatchDeadlines {
    static final String TIMEOUT = "timeout";
    private static final ScheduledThreadPoolExecutor TIMERS = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "v1beta1-watch-deadlines");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMERS.setRemoveOnCancelPolicy(true);
    }

    private WatchDeadlines() {}

    /** Ends {@code watcher} with reason {@link #TIMEOUT} after {@code timeout}; cancel it when done first. */
    static ScheduledFuture<?> endAfter(CacheWatcher<?> watcher, Duration timeout) {
        return TIMERS.schedule(() -> watcher.end(TIMEOUT), Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }
}
