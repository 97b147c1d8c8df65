package io.skiff.storage.sqlite;

import io.skiff.storage.Watch;
import io.skiff.storage.WatchEvent;
import io.skiff.storage.support.WatchDelivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process watch hub: the writer hands it each commit's events (no polling), and it passes
 * them to every watcher whose prefix matches. Registration and publication share one lock, so a
 * new watcher sees history up to a revision R from the table and every event after R live,
 * nothing twice and nothing missed.
 */
final class SqliteWatchers {
    /** Replays history from the table: events with revision in [from, to], in order. */
    interface History {
        void replay(String prefix, long from, long to, WatchDelivery delivery);
    }

    private final Object lock = new Object();
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private long revision;

    SqliteWatchers(long revision) {
        this.revision = revision;
    }

    /** The last revision published: every write up to it is committed and visible to readers. */
    long revision() {
        synchronized (lock) {
            return revision;
        }
    }

    void publish(long newRevision, List<WatchEvent> events) {
        synchronized (lock) {
            revision = newRevision;
            for (Watcher watcher : watchers) {
                watcher.offer(events);
            }
        }
    }

    Watch add(String prefix, long fromRevision, WatchDelivery delivery, History history) {
        Watcher watcher = new Watcher(prefix, delivery);
        synchronized (lock) {
            long from = fromRevision == 0 ? revision + 1 : fromRevision;
            watcher.from = from;
            if (from <= revision) {
                long to = revision;
                delivery.run(() -> history.replay(prefix, from, to, delivery));
            }
            watchers.add(watcher);
        }
        return watcher;
    }

    void remove(Watcher watcher) {
        watchers.remove(watcher);
    }

    void closeAll() {
        watchers.forEach(Watcher::close);
    }

    final class Watcher implements Watch {
        private final String prefix;
        private final WatchDelivery delivery;
        private long from;

        private Watcher(String prefix, WatchDelivery delivery) {
            this.prefix = prefix;
            this.delivery = delivery;
        }

        private void offer(List<WatchEvent> events) {
            if (delivery.isEnded()) {
                watchers.remove(this);
                return;
            }
            List<WatchEvent> matching = new ArrayList<>();
            for (WatchEvent event : events) {
                if (event.revision() >= from && event.key().startsWith(prefix)) {
                    matching.add(event);
                }
            }
            delivery.events(matching);
        }

        @Override
        public void close() {
            watchers.remove(this);
            delivery.close();
        }
    }
}
