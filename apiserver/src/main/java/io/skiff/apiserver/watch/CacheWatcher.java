package io.skiff.apiserver.watch;

import io.skiff.api.meta.KubeObject;
import io.skiff.apiserver.registry.SelectionPredicate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's watch on a {@link WatchCache}: its selection (key prefix for the namespace, label
 * and field selectors), the initial events, and a bounded queue filled by the cache's dispatcher
 * and drained by the client's sender. A watcher whose queue reaches its capacity is cut off:
 * what is queued is still delivered, then the stream ends and the client re-watches from its last
 * resourceVersion — memory never grows with a slow client.
 */
public final class CacheWatcher<T extends KubeObject> implements AutoCloseable {
    private final WatchCache<T> cache;
    private final String keyPrefix;
    private final SelectionPredicate<T> predicate;
    private final boolean bookmarks;
    private final long startRevision;
    private final int capacity;
    private final ArrayDeque<Delivery<T>> initial;
    private final LinkedBlockingQueue<Delivery<T>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile Runnable onQueued = () -> {};
    private volatile boolean ended;
    private volatile String endReason;
    /** The revision up to which this watcher has been offered every event (bookmarks say it). */
    private long offeredRevision;

    CacheWatcher(WatchCache<T> cache, String keyPrefix, SelectionPredicate<T> predicate, boolean bookmarks,
            long startRevision, int capacity, List<Delivery<T>> initial) {
        this.cache = cache;
        this.keyPrefix = keyPrefix;
        this.predicate = predicate;
        this.bookmarks = bookmarks;
        this.startRevision = startRevision;
        this.capacity = capacity;
        this.initial = new ArrayDeque<>(initial);
        this.offeredRevision = startRevision;
    }

    /** The event as this watcher sees it, or null when it does not concern it. */
    String typeFor(CachedEvent<T> e) {
        if (!e.key().startsWith(keyPrefix)) {
            return null;
        }
        if (e.type().equals(CachedEvent.DELETED)) {
            return predicate.matches(e.object()) ? CachedEvent.DELETED : null;
        }
        boolean now = predicate.matches(e.object());
        boolean before = e.previous() != null && predicate.matches(e.previous());
        if (now && before) {
            return CachedEvent.MODIFIED;
        }
        if (now) {
            return CachedEvent.ADDED; // created, or entered the selection
        }
        return before ? CachedEvent.DELETED : null; // left the selection: the client drops it
    }

    /** Called by the dispatcher under the cache's lock, in revision order. */
    void dispatch(CachedEvent<T> e) {
        if (ended || e.revision() <= startRevision) {
            return;
        }
        offeredRevision = e.revision();
        String type = typeFor(e);
        if (type != null) {
            offer(Delivery.of(type, e));
        }
    }

    void bookmark(long revision, byte[] line) {
        long at = Math.max(revision, offeredRevision);
        if (!bookmarks || ended || queued.get() >= capacity) {
            return; // a bookmark is only a hint: never cut a watcher off for one
        }
        queued.incrementAndGet();
        queue.add(new Delivery<>(Delivery.BOOKMARK, null, line, at));
        onQueued.run();
    }

    long bookmarkRevision(long cacheRevision) {
        return Math.max(cacheRevision, offeredRevision);
    }

    private void offer(Delivery<T> d) {
        if (queued.incrementAndGet() > capacity) {
            end("the watcher fell more than " + capacity + " events behind");
            return;
        }
        queue.add(d);
        onQueued.run();
    }

    /**
     * Called after each item is queued, from whichever thread queues it (the cache's dispatcher,
     * a timer): for a sender that does not wait in {@link #take}. It must not block.
     */
    public void onQueued(Runnable signal) {
        this.onQueued = signal;
    }

    /** Ends the stream after what is queued (timeout, slow client, shutdown); the client re-watches. */
    public void end(String reason) {
        if (!ended) {
            endReason = reason;
            ended = true;
            queue.add(new Delivery<>(Delivery.END, null, null, 0));
            onQueued.run();
        }
    }

    /**
     * The next item, waiting for it; after the end item, every call returns it again. A watch's
     * time limit is an {@link #end} scheduled by the caller, not a timed wait: a timed park per
     * event and watcher costs more than the event itself.
     */
    public Delivery<T> take() throws InterruptedException {
        Delivery<T> d = initial.poll();
        if (d != null) {
            return d;
        }
        return taken(queue.take());
    }

    /** The next item if one is ready, else null (to batch writes before a flush). */
    public Delivery<T> poll() {
        Delivery<T> d = initial.poll();
        return d != null ? d : taken(queue.poll());
    }

    private Delivery<T> taken(Delivery<T> d) {
        if (d == null) {
            return null;
        }
        if (d.isEnd()) {
            queue.add(d);
            return d;
        }
        queued.decrementAndGet();
        return d;
    }

    public boolean ended() {
        return ended;
    }

    /** Why the cache ended this watcher, or null. */
    public String endReason() {
        return endReason;
    }

    public int queued() {
        return Math.max(0, queued.get());
    }

    /** Stops watching (client gone or timed out); idempotent. */
    @Override
    public void close() {
        cache.remove(this);
        end("closed");
    }
}
