package io.skiff.controller;

import io.skiff.client.ApiException;
import io.skiff.client.workqueue.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's workers: {@code n} virtual threads taking keys from its {@link WorkQueue} and
 * syncing them. The queue never hands one key to two workers, so a key's syncs are serial while
 * different keys sync in parallel: a slow key holds one worker, never the others. A failed sync
 * is retried with the queue's per-key back-off; a successful one resets it.
 */
public final class QueueWorkers {
    private static final Logger log = LoggerFactory.getLogger(QueueWorkers.class);

    /** Syncs one key; throwing means "retry later". */
    @FunctionalInterface
    public interface Sync {
        void sync(String key) throws Exception;
    }

    private final String name;
    private final WorkQueue<String> queue;
    private final int workers;
    private final Sync sync;
    private final LongAdder syncs;
    private final LongAdder errors;
    private final List<Thread> threads = new ArrayList<>();

    public QueueWorkers(String name, WorkQueue<String> queue, int workers, Sync sync, Metrics metrics) {
        if (workers < 1) {
            throw new IllegalArgumentException(name + ": need at least one worker, got " + workers);
        }
        this.name = name;
        this.queue = queue;
        this.workers = workers;
        this.sync = sync;
        this.syncs = metrics.counter("skiff_controller_syncs_total", "Keys synced by each controller.",
                "controller", name);
        this.errors = metrics.counter("skiff_controller_sync_errors_total", "Syncs that failed and were requeued.",
                "controller", name);
        metrics.gauge("workqueue_depth", "Keys waiting in each controller's work queue.", queue::length,
                "name", name);
        metrics.gauge("workqueue_in_flight", "Keys being synced by each controller's workers.", queue::inFlight,
                "name", name);
        metrics.gauge("workqueue_delayed", "Keys waiting for their retry back-off.", queue::delayedCount,
                "name", name);
        metrics.gauge("workqueue_adds_total", "Keys added to each controller's work queue.", queue::addsTotal,
                "name", name);
        metrics.gauge("workqueue_retries_total", "Rate-limited re-adds.", queue::retriesTotal, "name", name);
    }

    public synchronized void start() {
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name(name + "-worker-" + i).start(this::work));
        }
        log.info("controller {} started {} workers", name, workers);
    }

    /** Shuts the queue down and waits (bounded) for the workers to finish their current key. */
    public void stop(Duration timeout) {
        queue.shutDown();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> ts;
        synchronized (this) {
            ts = List.copyOf(threads);
        }
        for (Thread t : ts) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                    t.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work() {
        while (true) {
            String key;
            try {
                key = queue.get();
            } catch (InterruptedException e) {
                return;
            }
            if (key == null) {
                return;
            }
            try {
                sync.sync(key);
                queue.forget(key);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queue.done(key);
                return;
            } catch (Exception e) {
                errors.increment();
                if (!queue.isShuttingDown()) {
                    queue.addRateLimited(key);
                    log.warn("controller {}: sync of {} failed (retry {}): {}", name, key, queue.numRequeues(key),
                            describe(e));
                    log.debug("controller {}: sync of {} failed", name, key, e);
                }
            } finally {
                syncs.increment();
            }
            queue.done(key);
        }
    }

    private static String describe(Exception e) {
        return e instanceof ApiException ? e.getMessage() : e.toString();
    }
}
