package io.skiff.apiserver.watch;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.KubeObject;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.registry.ObjectCodec;
import io.skiff.apiserver.registry.Page;
import io.skiff.apiserver.registry.SelectionPredicate;
import io.skiff.storage.KeyValue;
import io.skiff.storage.ListResult;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.Watch;
import io.skiff.storage.WatchEvent;
import io.skiff.storage.WatchListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apiserver's in-memory view of one resource, fed by ONE storage watch: the current state,
 * a window of the most recent events, and every client watcher. A thousand client watches cost
 * one storage watch; {@code resourceVersion=0} lists and watches from a recent revision are
 * served from memory. Each event is decoded once (and encoded once, when a watcher first sends
 * it) and fanned out to every watcher's bounded queue in revision order, with selectors applied
 * here; a client that falls behind is cut off, not buffered without bound.
 *
 * <p>A watch from a revision older than the window answers 410 Expired: the client relists.
 */
public final class WatchCache<T extends KubeObject> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchCache.class);

    private final Storage storage;
    private final ResourceInfo resource;
    private final String prefix;
    private final ObjectCodec<T> codec;
    private final Function<T, byte[]> wire;
    private final int windowSize;
    private final ScheduledExecutorService scheduler;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    // All below guarded by lock.
    private final TreeMap<String, T> state = new TreeMap<>();
    private final ArrayDeque<CachedEvent<T>> window = new ArrayDeque<>();
    private final Set<CacheWatcher<T>> watchers = new HashSet<>();
    private long revision;
    /** Every event with a revision above this one is in the window. */
    private long oldestComplete;
    private Watch storageWatch;
    private long generation;

    private volatile boolean ready;
    private volatile boolean closed;

    /**
     * Writes this server is making, by key: the object and the exact bytes sent to storage. The
     * event whose value is those bytes takes the object instead of decoding them again. Registered
     * before the write, so the event cannot overtake it; an entry lives until an event of its key
     * is applied or the write fails. Equal bytes are the same object, whichever write's event it is.
     */
    private final ConcurrentHashMap<String, Writing<T>> writing = new ConcurrentHashMap<>();
    private static final int MAX_WRITING = 4096;

    /** A write in flight: what is stored, and the object it encodes (resourceVersion unset). */
    public record Writing<T>(byte[] bytes, T object) {}

    public WatchCache(Storage storage, ResourceInfo resource, String prefix, ObjectCodec<T> codec, int windowSize,
            ScheduledExecutorService scheduler) {
        this.storage = storage;
        this.resource = resource;
        this.prefix = prefix;
        this.codec = codec;
        this.wire = codec::wire;
        this.windowSize = windowSize;
        this.scheduler = scheduler;
    }

    public ResourceInfo resource() {
        return resource;
    }

    /** True once the initial list is loaded and the storage watch runs. */
    public boolean isReady() {
        return ready;
    }

    /** Loads the state and starts the storage watch; on failure retries in the background. */
    public void start() {
        try {
            relist();
        } catch (StorageException | RuntimeException e) {
            LOG.warn("watch cache for {}: initial list failed, retrying: {}", resource.plural(), e.toString());
            retryLater(Duration.ofSeconds(1));
        }
    }

    private void relist() throws StorageException {
        if (closed) {
            return;
        }
        ListResult list = storage.list(prefix);
        Watch previousWatch;
        lock.writeLock().lock();
        try {
            state.clear();
            window.clear();
            for (KeyValue kv : list.items()) {
                try {
                    state.put(kv.key(), codec.decode(kv));
                } catch (ObjectCodec.CorruptObjectException corrupt) {
                    LOG.error("watch cache for {}: skipping {}: {}", resource.plural(), kv.key(), corrupt.getMessage());
                }
            }
            revision = list.revision();
            writing.clear(); // what it held is in the list now, or superseded; a miss only costs a decode
            oldestComplete = list.revision();
            long myGeneration = ++generation;
            previousWatch = storageWatch;
            // Events of the new watch wait for this lock, so none is applied before the state is loaded.
            storageWatch = storage.watch(prefix, list.revision() + 1, new Listener(myGeneration));
            ready = true;
        } finally {
            lock.writeLock().unlock();
        }
        if (previousWatch != null) {
            previousWatch.close(); // outside the lock: close waits for a listener call that may want it
        }
        LOG.info("watch cache for {}: {} objects at revision {}", resource.plural(), list.items().size(), list.revision());
    }

    private void retryLater(Duration delay) {
        if (closed) {
            return;
        }
        scheduler.schedule(() -> {
            try {
                relist();
            } catch (StorageException | RuntimeException e) {
                LOG.warn("watch cache for {}: relist failed, retrying: {}", resource.plural(), e.toString());
                retryLater(delay.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : delay.multipliedBy(2));
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Receives the storage watch; ignores a superseded watch (after a relist). */
    private final class Listener implements WatchListener {
        private final long watchGeneration;

        Listener(long watchGeneration) {
            this.watchGeneration = watchGeneration;
        }

        @Override
        public void onEvents(List<WatchEvent> events) {
            lock.writeLock().lock();
            try {
                if (watchGeneration != generation) {
                    return;
                }
                for (WatchEvent e : events) {
                    try {
                        apply(e);
                    } catch (ObjectCodec.CorruptObjectException corrupt) {
                        // Not written by an apiserver: keep serving everything else.
                        LOG.error("watch cache for {}: skipping {}: {}", resource.plural(), e, corrupt.getMessage());
                    }
                }
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public void onError(StorageException error) {
            lock.writeLock().lock();
            try {
                if (watchGeneration != generation || closed) {
                    return;
                }
                // The history this cache had is no longer complete: end every watcher (they
                // re-watch, and get 410 if they are too old for the new window) and relist.
                ready = false;
                generation++;
                for (CacheWatcher<T> w : watchers) {
                    w.end("the storage watch failed: " + error.getMessage());
                }
                watchers.clear();
            } finally {
                lock.writeLock().unlock();
            }
            LOG.warn("watch cache for {}: storage watch failed, relisting: {}", resource.plural(), error.toString());
            retryLater(Duration.ofMillis(100));
        }
    }

    /**
     * Registers a write this server is about to send ({@code bytes} encode {@code object}), so its
     * event is not decoded again. Returns the entry, to {@link #writeFailed} if the write fails;
     * null when too many are in flight (the event then decodes).
     */
    public Writing<T> writing(String key, byte[] bytes, T object) {
        if (writing.size() >= MAX_WRITING) {
            return null;
        }
        Writing<T> w = new Writing<>(bytes, object);
        writing.put(key, w);
        return w;
    }

    /** A registered write did not happen: its entry goes (unless a later write replaced it). */
    public void writeFailed(String key, Writing<T> w) {
        if (w != null) {
            writing.remove(key, w);
        }
    }

    /** The object of a PUT event: the one this server wrote as those very bytes, else decoded. */
    private T objectOf(WatchEvent e) {
        Writing<T> mine = writing.remove(e.key());
        return mine != null && Arrays.equals(mine.bytes(), e.value())
                ? codec.withResourceVersion(mine.object(), e.revision())
                : codec.decode(e.key(), e.value(), e.revision());
    }

    /** Applies one storage event: state, window, fan-out. Under the write lock. */
    private void apply(WatchEvent e) {
        T previous = state.get(e.key());
        CachedEvent<T> event;
        if (e.type() == WatchEvent.Type.PUT) {
            T obj = objectOf(e);
            state.put(e.key(), obj);
            event = new CachedEvent<>(previous == null ? CachedEvent.ADDED : CachedEvent.MODIFIED, e.key(), obj, previous,
                    e.revision(), wire);
        } else {
            state.remove(e.key());
            writing.remove(e.key());
            T last = previous != null ? previous
                    : e.prevValue() != null ? codec.decode(e.key(), e.prevValue(), e.revision()) : null;
            if (last == null) {
                revision = e.revision();
                return; // nothing known about it: nobody can have seen it
            }
            last = codec.withResourceVersion(last, e.revision());
            event = new CachedEvent<>(CachedEvent.DELETED, e.key(), last, last, e.revision(), wire);
        }
        revision = e.revision();
        window.addLast(event);
        while (window.size() > windowSize) {
            oldestComplete = window.removeFirst().revision();
        }
        for (CacheWatcher<T> w : watchers) {
            w.dispatch(event);
        }
        watchers.removeIf(CacheWatcher::ended);
    }

    // ---- reads ------------------------------------------------------------------------------

    /** The current objects under {@code keyPrefix} that match, in key order, at the cache's revision. */
    public Page<T> list(String keyPrefix, SelectionPredicate<T> predicate) {
        lock.readLock().lock();
        try {
            List<T> items = new ArrayList<>();
            for (Map.Entry<String, T> entry : state.tailMap(keyPrefix, true).entrySet()) {
                if (!entry.getKey().startsWith(keyPrefix)) {
                    break;
                }
                if (predicate.matches(entry.getValue())) {
                    items.add(entry.getValue());
                }
            }
            return new Page<>(items, revision, null, null);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<T> get(String key) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(state.get(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The revision of the last event applied (or of the initial list). */
    public long revision() {
        lock.readLock().lock();
        try {
            return revision;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int watcherCount() {
        lock.readLock().lock();
        try {
            return watchers.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- watch ------------------------------------------------------------------------------

    /**
     * A new watcher on the objects under {@code keyPrefix} that match {@code predicate}.
     *
     * @param fromRevision 0: the current state as ADDED events, then every change; otherwise
     *                     every change after that revision (410 Expired when the window no
     *                     longer reaches back to it)
     */
    public CacheWatcher<T> watch(String keyPrefix, SelectionPredicate<T> predicate, long fromRevision,
            boolean bookmarks, int queueCapacity) {
        if (!ready) {
            throw ApiErrors.tooManyRequests("the watch cache of " + resource.plural() + " is not ready yet", 1);
        }
        lock.writeLock().lock();
        try {
            List<Delivery<T>> initial = new ArrayList<>();
            long start;
            if (fromRevision == 0) {
                start = revision;
                for (Map.Entry<String, T> entry : state.tailMap(keyPrefix, true).entrySet()) {
                    if (!entry.getKey().startsWith(keyPrefix)) {
                        break;
                    }
                    if (predicate.matches(entry.getValue())) {
                        T obj = entry.getValue();
                        CachedEvent<T> synthetic = new CachedEvent<>(CachedEvent.ADDED, entry.getKey(), obj, null,
                                revisionOf(obj), wire);
                        initial.add(Delivery.of(CachedEvent.ADDED, synthetic));
                    }
                }
            } else {
                if (fromRevision < oldestComplete) {
                    throw ApiErrors.expired("too old resource version: " + fromRevision + " (" + (oldestComplete + 1) + ")");
                }
                start = Math.max(fromRevision, revision);
                CacheWatcher<T> probe = new CacheWatcher<>(this, keyPrefix, predicate, false, 0, 0, List.of());
                for (CachedEvent<T> e : window) {
                    if (e.revision() > fromRevision) {
                        String type = probe.typeFor(e);
                        if (type != null) {
                            initial.add(Delivery.of(type, e));
                        }
                    }
                }
            }
            CacheWatcher<T> watcher = new CacheWatcher<>(this, keyPrefix, predicate, bookmarks, start, queueCapacity,
                    initial);
            watchers.add(watcher);
            return watcher;
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(CacheWatcher<T> watcher) {
        lock.writeLock().lock();
        try {
            watchers.remove(watcher);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Offers a BOOKMARK (the revision every watcher is complete up to) to watchers that asked. */
    public void sendBookmarks() {
        lock.writeLock().lock();
        try {
            for (CacheWatcher<T> w : watchers) {
                long at = w.bookmarkRevision(revision);
                w.bookmark(at, bookmarkLine(at));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private byte[] bookmarkLine(long at) {
        String json = "{\"kind\":\"" + resource.kind() + "\",\"apiVersion\":\"" + resource.apiVersion()
                + "\",\"metadata\":{\"resourceVersion\":\"" + at + "\"}}";
        return CachedEvent.build(Delivery.BOOKMARK, json.getBytes(StandardCharsets.UTF_8));
    }

    private static long revisionOf(KubeObject obj) {
        String rv = obj.metadataOrEmpty().resourceVersion();
        return rv == null ? 0 : Long.parseLong(rv);
    }

    @Override
    public void close() {
        Watch toClose;
        lock.writeLock().lock();
        try {
            closed = true;
            ready = false;
            generation++;
            toClose = storageWatch;
            storageWatch = null;
            for (CacheWatcher<T> w : watchers) {
                w.end("the server is stopping");
            }
            watchers.clear();
        } finally {
            lock.writeLock().unlock();
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
