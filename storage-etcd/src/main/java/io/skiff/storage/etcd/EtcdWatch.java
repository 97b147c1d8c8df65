package io.skiff.storage.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import io.skiff.storage.TooOldRevisionException;
import io.skiff.storage.WatchEvent;
import io.skiff.storage.support.Keys;
import io.skiff.storage.support.WatchDelivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One storage watch on etcd that survives reconnects. jetcd resumes a broken watch by itself, but
 * from a revision it tracks loosely (after the created response it may jump to the header
 * revision, skipping a historical watch's backlog), so this class owns resumption instead: it
 * remembers the next revision it needs, and whenever the stream fails it closes it and opens a
 * new one from exactly there, dropping anything at or below what it already delivered. Events
 * are therefore delivered once each, in order, across member failures. A compacted start
 * revision ends the watch with TooOldRevision.
 */
final class EtcdWatch implements io.skiff.storage.Watch {
    private static final Logger log = LoggerFactory.getLogger(EtcdWatch.class);
    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 2000;

    private final Watch client;
    private final String prefix;
    private final ByteSequence key;
    private final ScheduledExecutorService scheduler;
    private final WatchDelivery delivery;
    private final Object lock = new Object();
    private long nextRevision;
    private int generation;
    private Watch.Watcher watcher;
    private long backoffMs = MIN_BACKOFF_MS;
    private boolean stopped;

    EtcdWatch(Watch client, String prefix, long fromRevision, ScheduledExecutorService scheduler,
              io.skiff.storage.WatchListener listener) {
        this.client = client;
        this.prefix = prefix;
        this.key = ByteSequence.from(Keys.prefix(prefix));
        this.scheduler = scheduler;
        this.nextRevision = fromRevision;
        this.delivery = new WatchDelivery("etcd " + prefix, listener, this::stop,
                WatchDelivery.DEFAULT_MAX_PENDING_EVENTS);
        open();
    }

    /**
     * Opens a stream from {@code nextRevision}. Never called with {@code lock} held: jetcd calls our
     * listener under its own lock, so taking them in the other order could deadlock.
     */
    private void open() {
        int current;
        long from;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            current = ++generation;
            from = nextRevision;
        }
        // A member cut off from the leader must not keep a watch silently stalled: with
        // requireLeader etcd cancels it, and we reopen on a member that has a leader.
        WatchOption.Builder option = WatchOption.builder().withPrevKV(true).withRevision(from)
                .withRequireLeader(true);
        ByteSequence start = key.isEmpty() ? ByteSequence.from(new byte[] {0}) : key;
        if (key.isEmpty()) {
            option.withRange(ByteSequence.from(new byte[] {0})); // "\0" to "\0": every key
        } else {
            option.isPrefix(true);
        }
        Watch.Watcher opened = client.watch(start, option.build(), new Watch.Listener() {
            @Override
            public void onNext(WatchResponse response) {
                received(current, response);
            }

            @Override
            public void onError(Throwable error) {
                failed(current, error);
            }

            @Override
            public void onCompleted() {
                failed(current, null);
            }
        });
        synchronized (lock) {
            if (current == generation && !stopped) {
                watcher = opened;
                return;
            }
        }
        closeLater(opened); // it failed or was stopped while opening
    }

    private void received(int gen, WatchResponse response) {
        List<WatchEvent> events = new ArrayList<>(response.getEvents().size());
        synchronized (lock) {
            if (gen != generation || stopped) {
                return;
            }
            for (io.etcd.jetcd.watch.WatchEvent e : response.getEvents()) {
                KeyValue kv = e.getKeyValue();
                long revision = kv.getModRevision();
                if (revision < nextRevision) {
                    continue; // already delivered before a reconnect
                }
                KeyValue prev = e.getPrevKV();
                boolean hasPrev = prev != null && prev.getModRevision() > 0;
                String name = Keys.string(kv.getKey().getBytes());
                if (e.getEventType() == io.etcd.jetcd.watch.WatchEvent.EventType.DELETE) {
                    events.add(new WatchEvent(WatchEvent.Type.DELETE, name, null,
                            hasPrev ? prev.getValue().getBytes() : null, revision,
                            hasPrev ? prev.getCreateRevision() : 0));
                } else if (e.getEventType() == io.etcd.jetcd.watch.WatchEvent.EventType.PUT) {
                    events.add(new WatchEvent(WatchEvent.Type.PUT, name, kv.getValue().getBytes(),
                            hasPrev ? prev.getValue().getBytes() : null, revision, kv.getCreateRevision()));
                }
            }
            if (events.isEmpty()) {
                return;
            }
            nextRevision = events.getLast().revision() + 1;
            backoffMs = MIN_BACKOFF_MS;
            // queued under the lock, so batches from successive streams keep their order
            delivery.events(events);
        }
    }

    private void failed(int gen, Throwable error) {
        synchronized (lock) {
            if (gen != generation || stopped) {
                return;
            }
            generation++; // whatever this stream still says is stale from now on
            if (error instanceof CompactedException compacted) {
                delivery.fail(new TooOldRevisionException(nextRevision, compacted.getCompactedRevision()));
                return;
            }
            log.info("watch {} broke at revision {} ({}); reopening in {} ms", prefix, nextRevision,
                    error == null ? "stream completed" : error.getMessage(), backoffMs);
            // Stop jetcd's own resume of this stream: we reopen from our own revision.
            closeLater(watcher);
            watcher = null;
            long delay = backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            scheduler.schedule(this::open, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes a jetcd stream on the scheduler, never under {@code lock} (see {@link #open()}). */
    private void closeLater(Watch.Watcher w) {
        if (w == null) {
            return;
        }
        try {
            scheduler.execute(() -> {
                try {
                    w.close();
                } catch (RuntimeException e) {
                    log.debug("closing an etcd watch stream: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // the storage is closing: closing the client ends every stream
        }
    }

    /** Stops the stream (on close, or when delivery ended the watch). */
    private void stop() {
        synchronized (lock) {
            stopped = true;
            generation++;
            closeLater(watcher);
            watcher = null;
        }
    }

    @Override
    public void close() {
        stop();
        delivery.close();
    }
}
