package io.skiff.storage.support;

import io.skiff.storage.StorageException;
import io.skiff.storage.StorageUnavailableException;
import io.skiff.storage.WatchEvent;
import io.skiff.storage.WatchListener;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one watch's events to its listener on a thread of the watch's own, in the order they were
 * queued, so that neither etcd's network threads nor SQLite's writer ever wait for a listener.
 * The queue is bounded by a count of events: a listener that falls that far behind has its watch
 * ended with an error (it re-watches from its last revision) instead of growing memory forever.
 */
public final class WatchDelivery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WatchDelivery.class);

    /** A generous bound: the apiserver's one-watch-per-resource consumers are fast. */
    public static final int DEFAULT_MAX_PENDING_EVENTS = 200_000;

    private final String name;
    private final WatchListener listener;
    private final Runnable onEnd;
    private final int maxPendingEvents;
    private final ExecutorService thread;
    private final AtomicLong pendingEvents = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean closed;

    /** @param onEnd run once when the watch ends by error, so the backend stops feeding it */
    public WatchDelivery(String name, WatchListener listener, Runnable onEnd, int maxPendingEvents) {
        this.name = name;
        this.listener = listener;
        this.onEnd = onEnd;
        this.maxPendingEvents = maxPendingEvents;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("watch " + name).factory());
    }

    /** Queues a batch (revision order is the caller's job). */
    public void events(List<WatchEvent> events) {
        if (events.isEmpty() || ended.get() || closed) {
            return;
        }
        int count = events.size();
        if (pendingEvents.addAndGet(count) > maxPendingEvents) {
            fail(new StorageUnavailableException("watch " + name + " fell more than " + maxPendingEvents
                    + " events behind; re-watch from the last revision seen"));
            return;
        }
        execute(() -> {
            pendingEvents.addAndGet(-count);
            deliverNow(events);
        });
    }

    /**
     * Hands events to the listener at once. Only for a task started by {@link #run}, which is on
     * the delivery thread ahead of everything queued after it (a watch's history replay, which
     * must come before the live events queued meanwhile).
     */
    public void deliverNow(List<WatchEvent> events) {
        if (events.isEmpty() || ended.get() || closed) {
            return;
        }
        try {
            listener.onEvents(events);
        } catch (RuntimeException e) {
            log.warn("watch {}: listener threw on {} events, delivery goes on", name, events.size(), e);
        }
    }

    /** Runs {@code task} on the delivery thread, after everything queued before it. */
    public void run(Runnable task) {
        execute(() -> {
            if (!ended.get() && !closed) {
                task.run();
            }
        });
    }

    /** Ends the watch: the listener's last call is {@code onError(error)}. Later calls do nothing. */
    public void fail(StorageException error) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        log.info("watch {} ended: {}", name, error.getMessage());
        onEnd.run();
        execute(() -> {
            if (!closed) {
                try {
                    listener.onError(error);
                } catch (RuntimeException e) {
                    log.warn("watch {}: listener threw in onError", name, e);
                }
            }
            thread.shutdown();
        });
    }

    public boolean isEnded() {
        return ended.get() || closed;
    }

    /** Stops delivery: no listener call starts after this returns. */
    @Override
    public void close() {
        closed = true;
        // not shutdownNow: a listener may close its own watch from inside a callback, and must
        // not find its thread interrupted; queued tasks see `closed` and do nothing.
        thread.shutdown();
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closed or ended meanwhile: nothing more is delivered, by design
        }
    }
}
