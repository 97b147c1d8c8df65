package io.skiff.client.informer;

import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.client.ApiException;
import io.skiff.client.ListOptions;
import io.skiff.client.ServerConnectionException;
import io.skiff.client.Watch;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of one kind (in a namespace, with selectors) kept up to date from the apiserver, and
 * the events that keep it so, fanned out to any number of handlers; as client-go's shared
 * informer. Get one from {@link SharedInformerFactory} so that components share it.
 *
 * <p><b>Reflector.</b> One virtual thread lists (every page, one snapshot), then watches from
 * the list's resourceVersion, applying each event to the {@link Indexer} and notifying the
 * handlers. A watch the server ends (its timeout) is re-opened from the last resourceVersion
 * seen. A 410 Expired (the version was compacted away), a broken connection or any other error
 * makes it list again (after a bounded, jittered exponential back-off, except for 410) and diff
 * the new list against the cache: objects gone are delivered as deletes (with
 * {@code finalStateUnknown}), new ones as adds, changed ones (another resourceVersion) as
 * updates, a name that now has another uid as a delete then an add; unchanged objects are
 * not re-delivered. So nothing is lost and nothing is invented.
 *
 * <p><b>Handlers.</b> Each handler has its own unbounded FIFO and its own virtual thread, so
 * it sees events in order, and a slow handler delays only itself: the reflector never waits
 * for a handler (client-go's processorListener does the same with a growing ring buffer).
 * The price of a stuck handler is memory: its backlog is logged when it passes
 * {@value #BACKLOG_WARNING} and visible as {@link #handlerBacklog()}. The cache is updated
 * before the handlers are told, so a handler reading the cache sees at least that state.
 *
 * <p><b>Resync.</b> Every {@code resyncPeriod} (if not zero) every cached object is
 * re-delivered as {@code onUpdate(obj, obj)}.
 */
public final class SharedInformer<T extends KubeObject> {
    private static final Logger log = LoggerFactory.getLogger(SharedInformer.class);

    static final int BACKLOG_WARNING = 10_000;
    /** A watch that lasted this long was healthy: the back-off starts over. */
    private static final long HEALTHY_WATCH_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String name;
    private final ListerWatcher<T> listerWatcher;
    private final Duration resyncPeriod;
    private final long minWatchTimeoutSeconds;
    private final Indexer<T> indexer = new Indexer<>();
    /** Serializes cache writes with their fan-out, so every handler sees one order. */
    private final ReentrantLock dispatch = new ReentrantLock();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch synced = new CountDownLatch(1);
    private final AtomicLong lists = new AtomicLong();
    private final Backoff backoff;

    private volatile boolean started;
    private volatile boolean stopped;
    private volatile Watch<T> currentWatch;
    private volatile String lastSyncResourceVersion;
    private Thread reflector;
    private Thread resyncer;

    public SharedInformer(String name, ListerWatcher<T> listerWatcher, Duration resyncPeriod) {
        this(name, listerWatcher, InformerOptions.withResync(resyncPeriod));
    }

    public SharedInformer(String name, ListerWatcher<T> listerWatcher, InformerOptions options) {
        this.name = name;
        this.listerWatcher = listerWatcher;
        this.resyncPeriod = options.resyncPeriod();
        this.minWatchTimeoutSeconds = options.minWatchTimeout().toSeconds();
        this.backoff = new Backoff(options.initialBackoff(), options.maxBackoff());
        indexer.addIndex(Indexers.NAMESPACE, Indexers.byNamespace());
        indexer.addIndex(Indexers.OWNER_UID, Indexers.byOwnerUid());
    }

    public String name() {
        return name;
    }

    /** Adds a named index (before or after start: existing objects are indexed at once). */
    public SharedInformer<T> addIndex(String indexName, Indexer.IndexFunction<T> function) {
        indexer.addIndex(indexName, function);
        return this;
    }

    /**
     * Adds a handler. If the informer already has objects, the handler first gets an
     * {@code onAdd} for each, then every later event, all in order.
     *
     * @return closing the registration removes the handler
     */
    public Registration addEventHandler(ResourceEventHandler<T> handler) {
        if (stopped) {
            throw new IllegalStateException("informer " + name + " is stopped");
        }
        Listener l = new Listener(handler, listeners.size());
        dispatch.lock();
        try {
            for (T obj : indexer.list()) {
                l.enqueue(new Added<>(obj));
            }
            listeners.add(l);
        } finally {
            dispatch.unlock();
        }
        return () -> {
            listeners.remove(l);
            l.stop();
        };
    }

    /** Starts listing and watching (once). */
    public synchronized void start() {
        if (started) {
            return;
        }
        if (stopped) {
            throw new IllegalStateException("informer " + name + " is stopped; informers do not restart");
        }
        started = true;
        reflector = Thread.ofVirtual().name("informer-" + name).start(this::runReflector);
        if (resyncPeriod.isPositive()) {
            resyncer = Thread.ofVirtual().name("informer-" + name + "-resync").start(this::runResync);
        }
    }

    /** Stops the reflector (its watch is closed at once) and the handler threads; pending events are dropped. */
    public void stop() {
        Thread r;
        Thread s;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            r = reflector;
            s = resyncer;
        }
        Watch<T> w = currentWatch;
        if (w != null) {
            w.close();
        }
        if (r != null) {
            r.interrupt();
        }
        if (s != null) {
            s.interrupt();
        }
        listeners.forEach(Listener::stop);
        try {
            if (r != null && !r.join(Duration.ofSeconds(5))) {
                log.warn("informer {} reflector did not stop within 5s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.debug("informer {} stopped", name);
    }

    public boolean isStarted() {
        return started;
    }

    public boolean isStopped() {
        return stopped;
    }

    /** True once the first list is in the cache (handlers may still be working through it). */
    public boolean hasSynced() {
        return synced.getCount() == 0;
    }

    /** Waits for {@link #hasSynced()}; false on timeout. */
    public boolean waitForSync(Duration timeout) throws InterruptedException {
        return synced.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The cache. Read it freely; do not write to it (the informer is its only writer). */
    public Indexer<T> getIndexer() {
        return indexer;
    }

    /** The resourceVersion of the last list or event applied to the cache. */
    public String lastSyncResourceVersion() {
        return lastSyncResourceVersion;
    }

    /** How many times the informer has listed (1 after the first sync; more after 410s and disconnects). */
    public long listCount() {
        return lists.get();
    }

    /** Events waiting for the slowest handler. */
    public int handlerBacklog() {
        return listeners.stream().mapToInt(l -> l.pending.size()).max().orElse(0);
    }

    @Override
    public String toString() {
        return "SharedInformer[" + name + "]";
    }

    /** Removes a handler when closed. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    // ---- reflector ------------------------------------------------------------------------

    private void runReflector() {
        boolean needList = true;
        while (!stopped) {
            long watchStart = 0;
            try {
                if (needList) {
                    KubeList<T> list = listerWatcher.list();
                    lists.incrementAndGet();
                    replace(list.items(), list.metadata().resourceVersion());
                    needList = false;
                }
                long timeout = minWatchTimeoutSeconds + ThreadLocalRandom.current().nextLong(minWatchTimeoutSeconds + 1);
                watchStart = System.nanoTime();
                needList = !watchOnce(ListOptions.NONE.withResourceVersion(lastSyncResourceVersion)
                        .withTimeoutSeconds(timeout).withAllowWatchBookmarks(true));
                if (!needList) {
                    backoff.reset(); // the server ended the watch: all is well, watch again
                }
            } catch (ApiException e) {
                needList = true;
                if (e.isGone()) {
                    log.info("informer {}: {}; relisting", name, e.getMessage());
                } else {
                    pause(watchStart, "request failed: " + e.getMessage());
                }
            } catch (ServerConnectionException e) {
                needList = true;
                pause(watchStart, e.getMessage());
            } catch (CancellationException e) {
                if (!stopped) {
                    needList = true;
                    pause(watchStart, "cancelled: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                // A bug must not leave a silently stale cache: log it loudly and start over.
                needList = true;
                log.error("informer {}: unexpected failure; relisting", name, e);
                pause(watchStart, e.toString());
            }
        }
    }

    /**
     * One watch, applying its events until it ends.
     *
     * @return true if it ended normally (watch again from the last version), false if the
     *     server said 410 in an ERROR event (list again)
     */
    private boolean watchOnce(ListOptions options) {
        try (Watch<T> w = listerWatcher.watch(options)) {
            currentWatch = w;
            if (stopped) {
                return true;
            }
            for (Watch.Event<T> e; (e = w.next()) != null; ) {
                switch (e.type()) {
                    case ADDED, MODIFIED, DELETED -> apply(e);
                    case BOOKMARK -> {
                        if (e.resourceVersion() != null) {
                            lastSyncResourceVersion = e.resourceVersion();
                        }
                    }
                    case ERROR -> {
                        ApiException error = new ApiException(e.status());
                        if (error.isGone()) {
                            log.info("informer {}: watch from {} expired ({}); relisting", name,
                                    options.resourceVersion(), error.getMessage());
                            return false;
                        }
                        throw error;
                    }
                }
            }
            return true;
        } finally {
            currentWatch = null;
        }
    }

    private void pause(long watchStart, String why) {
        if (stopped) {
            return;
        }
        if (watchStart != 0 && System.nanoTime() - watchStart > HEALTHY_WATCH_NANOS) {
            backoff.reset();
        }
        Duration wait = backoff.next();
        log.warn("informer {}: {}; relisting in {} ms", name, why, wait.toMillis());
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            // stop() interrupts, and the loop then sees stopped; any other interrupt only cuts the wait.
        }
    }

    /** A fresh list: the cache becomes it, and the differences become events. */
    private void replace(List<T> items, String resourceVersion) {
        dispatch.lock();
        try {
            Map<String, T> fresh = new HashMap<>(items.size() * 2);
            for (T item : items) {
                fresh.put(Indexer.keyOf(item), item);
            }
            int deleted = 0;
            for (String key : indexer.keys()) {
                if (!fresh.containsKey(key)) {
                    notifyAll(new Deleted<>(indexer.remove(key), true));
                    deleted++;
                }
            }
            int added = 0;
            int updated = 0;
            for (T item : items) {
                T old = indexer.put(item);
                if (old == null) {
                    notifyAll(new Added<>(item));
                    added++;
                } else if (!Objects.equals(uid(old), uid(item))) {
                    notifyAll(new Deleted<>(old, true));
                    notifyAll(new Added<>(item));
                    deleted++;
                    added++;
                } else if (!Objects.equals(resourceVersion(old), resourceVersion(item))) {
                    notifyAll(new Updated<>(old, item));
                    updated++;
                }
            }
            lastSyncResourceVersion = resourceVersion;
            log.info("informer {}: listed {} objects at resourceVersion {} ({} added, {} updated, {} deleted)",
                    name, items.size(), resourceVersion, added, updated, deleted);
        } finally {
            dispatch.unlock();
        }
        synced.countDown();
    }

    private void apply(Watch.Event<T> e) {
        T obj = e.object();
        dispatch.lock();
        try {
            if (e.type() == Watch.EventType.DELETED) {
                T old = indexer.remove(Indexer.keyOf(obj));
                if (old != null) {
                    notifyAll(new Deleted<>(obj, false));
                } else {
                    log.debug("informer {}: delete of {} that was not cached", name, Indexer.keyOf(obj));
                }
            } else {
                T old = indexer.put(obj);
                if (old == null) {
                    notifyAll(new Added<>(obj));
                } else if (!Objects.equals(uid(old), uid(obj))) {
                    notifyAll(new Deleted<>(old, true));
                    notifyAll(new Added<>(obj));
                } else {
                    notifyAll(new Updated<>(old, obj));
                }
            }
            if (e.resourceVersion() != null) {
                lastSyncResourceVersion = e.resourceVersion();
            }
        } finally {
            dispatch.unlock();
        }
    }

    private void runResync() {
        while (!stopped) {
            try {
                Thread.sleep(resyncPeriod);
            } catch (InterruptedException e) {
                return;
            }
            if (!hasSynced() || stopped) {
                continue;
            }
            dispatch.lock();
            try {
                for (T obj : indexer.list()) {
                    notifyAll(new Updated<>(obj, obj));
                }
            } finally {
                dispatch.unlock();
            }
        }
    }

    private void notifyAll(Notification<T> n) {
        for (Listener l : listeners) {
            l.enqueue(n);
        }
    }

    private static String uid(KubeObject o) {
        return o.metadata() == null ? null : o.metadata().uid();
    }

    private static String resourceVersion(KubeObject o) {
        return o.metadata() == null ? null : o.metadata().resourceVersion();
    }

    // ---- handlers -------------------------------------------------------------------------

    private sealed interface Notification<T> permits Added, Updated, Deleted {}

    private record Added<T>(T obj) implements Notification<T> {}

    private record Updated<T>(T oldObj, T newObj) implements Notification<T> {}

    private record Deleted<T>(T obj, boolean finalStateUnknown) implements Notification<T> {}

    /** One handler: its FIFO and the virtual thread that delivers from it. */
    private final class Listener {
        private final ResourceEventHandler<T> handler;
        private final java.util.concurrent.LinkedBlockingQueue<Notification<T>> pending =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile boolean stopped;
        private boolean warned;

        Listener(ResourceEventHandler<T> handler, int index) {
            this.handler = handler;
            this.thread = Thread.ofVirtual().name("informer-" + name + "-handler-" + index).start(this::run);
        }

        /** Called under the dispatch lock, so {@code warned} needs no other guard. */
        void enqueue(Notification<T> n) {
            pending.add(n);
            int size = pending.size();
            if (size >= BACKLOG_WARNING && !warned) {
                warned = true;
                log.warn("informer {}: a handler is {} events behind", name, size);
            } else if (warned && size < BACKLOG_WARNING / 2) {
                warned = false;
            }
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }

        private void run() {
            while (!stopped) {
                Notification<T> n;
                try {
                    n = pending.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    switch (n) {
                        case Added<T> a -> handler.onAdd(a.obj());
                        case Updated<T> u -> handler.onUpdate(u.oldObj(), u.newObj());
                        case Deleted<T> d -> handler.onDelete(d.obj(), d.finalStateUnknown());
                    }
                } catch (RuntimeException e) {
                    log.error("informer {}: handler failed on {}", name, n.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
