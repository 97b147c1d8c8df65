package io.skiff.controller;

import io.skiff.api.core.Event;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.client.ApiException;
import io.skiff.client.SkiffClient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts Events through the Event API from a background virtual thread, so a controller never
 * waits on them. Like client-go's recorder it folds repeats: the same reason and message about
 * the same object within ten minutes bumps {@code count} and {@code lastTimestamp} of the event
 * already written instead of adding one (a pod that cannot be scheduled retries for hours). And
 * like client-go's spam filter, each object gets a burst of {@value #BURST} events, then one per
 * {@value #REFILL_SECONDS} s: an RC creating 3,000 pods says so 25 times, not 3,000. A full
 * queue drops events: events are for humans, and must never slow the controllers down.
 */
public final class ApiEventRecorder implements EventRecorder, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiEventRecorder.class);
    private static final int QUEUE_CAPACITY = 4096;
    private static final int REMEMBERED = 4096;
    private static final long FOLD_WINDOW_SECONDS = 600;
    static final int BURST = 25;
    static final long REFILL_SECONDS = 300;

    private record Pending(ObjectReference involved, String type, String reason, String message, Instant at) {}

    private record FoldKey(ObjectReference involved, String type, String reason, String message) {}

    /** Tokens left for one object, refilled one per REFILL_SECONDS since {@code at}. */
    private record Bucket(double tokens, Instant at) {}

    private final SkiffClient client;
    private final String component;
    private final String instance;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Map<FoldKey, Event> written = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FoldKey, Event> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<ObjectReference, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectReference, Bucket> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final AtomicLong filtered = new AtomicLong();
    private final Thread sender;
    private volatile boolean closed;

    public ApiEventRecorder(SkiffClient client, String component, String instance, Clock clock) {
        this.client = client;
        this.component = component;
        this.instance = instance;
        this.clock = clock;
        this.sender = Thread.ofVirtual().name("events-" + component).start(this::send);
    }

    @Override
    public void event(KubeObject involved, String type, String reason, String message) {
        if (closed) {
            return;
        }
        ObjectReference ref = new ObjectReference(involved.kind(), involved.namespace(), involved.name(),
                involved.metadata().uid(), involved.apiVersion(), null, null);
        if (!allow(ref)) {
            filtered.incrementAndGet();
            return;
        }
        if (!queue.offer(new Pending(ref, type, reason, message, clock.instant()))) {
            if (dropped.incrementAndGet() % 100 == 1) {
                log.warn("event queue of {} full: dropped {} events so far", component, dropped.get());
            }
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /** Events not sent because their object had used up its burst. */
    public long filtered() {
        return filtered.get();
    }

    private synchronized boolean allow(ObjectReference ref) {
        Instant now = clock.instant();
        Bucket b = buckets.get(ref);
        double tokens = b == null ? BURST
                : Math.min(BURST, b.tokens() + (now.toEpochMilli() - b.at().toEpochMilli()) / (REFILL_SECONDS * 1000.0));
        if (tokens < 1) {
            buckets.put(ref, new Bucket(tokens, now));
            return false;
        }
        buckets.put(ref, new Bucket(tokens - 1, now));
        return true;
    }

    /** Sends what is queued (for at most a second), then stops. */
    @Override
    public void close() {
        closed = true;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (!queue.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
    }

    private void send() {
        while (true) {
            Pending p;
            try {
                p = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (p == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                write(p);
            } catch (RuntimeException e) {
                log.debug("could not write event {} about {} {}: {}", p.reason, p.involved.kind(),
                        p.involved.name(), e.toString());
            }
        }
    }

    private void write(Pending p) {
        // Events live in their object's namespace; those of cluster-scoped objects (nodes) in default.
        String ns = p.involved.namespace() == null || p.involved.namespace().isEmpty() ? "default"
                : p.involved.namespace();
        FoldKey key = new FoldKey(p.involved, p.type, p.reason, p.message);
        Event previous = written.get(key);
        if (previous != null && previous.firstTimestamp() != null
                && p.at.isBefore(previous.firstTimestamp().plusSeconds(FOLD_WINDOW_SECONDS))) {
            try {
                Event bumped = client.events(ns).update(previous.withCount(
                        (previous.count() == null ? 1 : previous.count()) + 1, p.at));
                written.put(key, bumped);
                return;
            } catch (ApiException e) {
                written.remove(key); // gone or changed meanwhile: write a new one
            }
        }
        String name = p.involved.name() + "." + Long.toHexString(p.at.getEpochSecond() * 1_000_000_000L
                + p.at.getNano() + System.nanoTime() % 1000);
        Event e = new Event(ObjectMeta.of(ns, name), p.involved, p.reason, p.message,
                new Event.Source(component, null), p.at, p.at, 1, p.type, null, null, component, instance);
        written.put(key, client.events(ns).create(e));
    }
}
