package io.skiff.client.workqueue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's work queue, as client-go's rate-limiting delaying queue:
 * <ul>
 *   <li>a key waiting in the queue is there once, however often it is added ({@code dirty});
 *   <li>a key being processed ({@code processing}) is never handed to a second worker; added
 *       again meanwhile, it is queued again when the first worker calls {@link #done}, so the
 *       newest state is always looked at;
 *   <li>{@link #addAfter} and {@link #addRateLimited} (per-key back-off, cleared by
 *       {@link #forget}) delay a key; a key delayed twice keeps the earlier time;
 *   <li>{@link #shutDown} stops accepting keys and wakes idle workers; queued keys are still
 *       handed out, then {@link #get} returns null. {@link #shutDownWithDrain} also waits until
 *       every queued and in-flight key is done. Delayed keys are dropped at shutdown.
 * </ul>
 * Keys must have value semantics ({@code equals}/{@code hashCode}); controllers use
 * {@code namespace/name} strings. Thread-safe: one lock guards the three sets.
 *
 * <pre>{@code
 * K key = queue.get();              // blocks; null once shut down and empty
 * try {
 *     sync(key);
 *     queue.forget(key);            // success: reset its back-off
 * } catch (RuntimeException e) {
 *     queue.addRateLimited(key);    // failure: retry later, later each time
 * } finally {
 *     queue.done(key);
 * }
 * }</pre>
 */
public final class WorkQueue<K> {
    private static final Logger log = LoggerFactory.getLogger(WorkQueue.class);

    private final String name;
    private final RateLimiter<K> rateLimiter;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final Condition delayedChanged = lock.newCondition();

    private final ArrayDeque<K> queue = new ArrayDeque<>();
    private final Set<K> dirty = new HashSet<>();
    private final Set<K> processing = new HashSet<>();
    private final PriorityQueue<Delayed<K>> delayed = new PriorityQueue<>();
    private final Map<K, Delayed<K>> delayedByKey = new HashMap<>();
    private long delayedSeq;
    private boolean shuttingDown;

    private final AtomicLong adds = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    private record Delayed<K>(K key, long readyAtNanos, long seq) implements Comparable<Delayed<K>> {
        @Override
        public int compareTo(Delayed<K> o) {
            int c = Long.compare(readyAtNanos - o.readyAtNanos, 0); // nanoTime order is by difference
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    public WorkQueue(String name) {
        this(name, RateLimiter.defaultExponential());
    }

    public WorkQueue(String name, RateLimiter<K> rateLimiter) {
        this.name = name;
        this.rateLimiter = rateLimiter;
        Thread.ofVirtual().name("workqueue-" + name + "-delay").start(this::moveDelayedWhenReady);
    }

    public String name() {
        return name;
    }

    /** Queues the key unless it is already waiting; ignored once shutting down. */
    public void add(K key) {
        lock.lock();
        try {
            addLocked(key);
        } finally {
            lock.unlock();
        }
    }

    /** Queues the key after {@code delay}; an earlier pending time for the same key wins. */
    public void addAfter(K key, Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            add(key);
            return;
        }
        lock.lock();
        try {
            if (shuttingDown) {
                return;
            }
            long readyAt = System.nanoTime() + delay.toNanos();
            Delayed<K> existing = delayedByKey.get(key);
            if (existing != null) {
                if (existing.readyAtNanos - readyAt <= 0) {
                    return;
                }
                delayed.remove(existing);
            }
            Delayed<K> d = new Delayed<>(key, readyAt, delayedSeq++);
            delayed.add(d);
            delayedByKey.put(key, d);
            delayedChanged.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Queues the key after its rate limiter's back-off: later with every failure until {@link #forget}. */
    public void addRateLimited(K key) {
        retries.incrementAndGet();
        addAfter(key, rateLimiter.when(key));
    }

    /** The key succeeded: its back-off starts over. */
    public void forget(K key) {
        rateLimiter.forget(key);
    }

    public int numRequeues(K key) {
        return rateLimiter.numRequeues(key);
    }

    /**
     * The next key, marked as processing until {@link #done}: blocks until there is one.
     *
     * @return null when the queue is shut down and empty
     */
    public K get() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !shuttingDown) {
                notEmpty.await();
            }
            return takeLocked();
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #get} but waiting at most {@code timeout}; null on timeout too. */
    public K poll(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty() && !shuttingDown) {
                if (left <= 0) {
                    return null;
                }
                left = notEmpty.awaitNanos(left);
            }
            return takeLocked();
        } finally {
            lock.unlock();
        }
    }

    /** The worker is finished with the key; if it was added meanwhile, it is queued again now. */
    public void done(K key) {
        lock.lock();
        try {
            if (!processing.remove(key)) {
                throw new IllegalStateException("done(" + key + ") for a key that is not being processed");
            }
            if (dirty.contains(key)) {
                queue.addLast(key);
                notEmpty.signal();
            }
            if (processing.isEmpty() && queue.isEmpty()) {
                drained.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking keys; workers get what is queued, then null. Does not wait. */
    public void shutDown() {
        lock.lock();
        try {
            if (!shuttingDown) {
                shuttingDown = true;
                log.debug("work queue {} shutting down with {} queued, {} in flight, {} delayed (dropped)",
                        name, queue.size(), processing.size(), delayed.size());
                delayed.clear();
                delayedByKey.clear();
            }
            notEmpty.signalAll();
            delayedChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Shuts down and waits until every queued and in-flight key is {@link #done} (the workers
     * must keep calling {@link #get} meanwhile).
     *
     * @return false if that took longer than {@code timeout}
     */
    public boolean shutDownWithDrain(Duration timeout) throws InterruptedException {
        shutDown();
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!processing.isEmpty() || !queue.isEmpty()) {
                if (left <= 0) {
                    return false;
                }
                left = drained.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    public boolean isShuttingDown() {
        lock.lock();
        try {
            return shuttingDown;
        } finally {
            lock.unlock();
        }
    }

    /** Keys waiting to be handed out (the {@code depth} metric). */
    public int length() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Keys handed out and not yet done. */
    public int inFlight() {
        lock.lock();
        try {
            return processing.size();
        } finally {
            lock.unlock();
        }
    }

    /** Keys waiting for their delay. */
    public int delayedCount() {
        lock.lock();
        try {
            return delayed.size();
        } finally {
            lock.unlock();
        }
    }

    /** Keys added since creation, duplicates included (the {@code adds_total} metric). */
    public long addsTotal() {
        return adds.get();
    }

    /** Rate-limited re-adds since creation (the {@code retries_total} metric). */
    public long retriesTotal() {
        return retries.get();
    }

    private void addLocked(K key) {
        if (shuttingDown) {
            return;
        }
        adds.incrementAndGet();
        if (!dirty.add(key)) {
            return;
        }
        if (processing.contains(key)) {
            return; // done() queues it again
        }
        queue.addLast(key);
        notEmpty.signal();
    }

    private K takeLocked() {
        K key = queue.pollFirst();
        if (key == null) {
            return null;
        }
        processing.add(key);
        dirty.remove(key);
        return key;
    }

    /** The delay thread: moves keys whose time has come into the queue. */
    private void moveDelayedWhenReady() {
        lock.lock();
        try {
            while (!shuttingDown) {
                Delayed<K> head = delayed.peek();
                if (head == null) {
                    delayedChanged.await();
                    continue;
                }
                long wait = head.readyAtNanos - System.nanoTime();
                if (wait > 0) {
                    delayedChanged.awaitNanos(wait);
                    continue;
                }
                delayed.poll();
                delayedByKey.remove(head.key);
                addLocked(head.key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
