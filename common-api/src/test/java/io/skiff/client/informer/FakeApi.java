package io.skiff.client.informer;

import io.skiff.api.core.Pod;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.Status;
import io.skiff.client.ApiException;
import io.skiff.client.ListOptions;
import io.skiff.client.ServerConnectionException;
import io.skiff.client.Watch;
import java.net.URI;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory apiserver for pods behind the {@link ListerWatcher} seam, for unit tests of the
 * informer's logic: revisions, a history for watching from a revision, compaction (410), and a
 * switch that drops every watch and refuses connections while "down".
 */
final class FakeApi implements ListerWatcher<Pod> {
    private static final URI SERVER = URI.create("http://fake-apiserver");

    private record Change(long rv, Watch.EventType type, Pod pod) {}

    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final List<Change> history = new ArrayList<>();
    private final List<FakeWatch> watches = new CopyOnWriteArrayList<>();
    private long rv = 100;
    private long compactedBefore = 0;
    private volatile boolean down;
    final AtomicInteger listCalls = new AtomicInteger();
    final AtomicInteger watchCalls = new AtomicInteger();

    // ---- the "server" side, driven by the test ----------------------------------------------

    synchronized Pod create(String ns, String name) {
        Pod p = new Pod(ObjectMeta.of(ns, name).withUid(UUID.randomUUID().toString())
                .withResourceVersion(Long.toString(++rv)), null, null);
        pods.put(ns + "/" + name, p);
        record(Watch.EventType.ADDED, p);
        return p;
    }

    synchronized Pod update(String ns, String name, Map<String, String> labels) {
        Pod old = pods.get(ns + "/" + name);
        Pod p = old.withMetadata(old.metadata().withLabels(labels).withResourceVersion(Long.toString(++rv)));
        pods.put(ns + "/" + name, p);
        record(Watch.EventType.MODIFIED, p);
        return p;
    }

    synchronized Pod delete(String ns, String name) {
        Pod old = pods.remove(ns + "/" + name);
        Pod p = old.withMetadata(old.metadata().withResourceVersion(Long.toString(++rv)));
        record(Watch.EventType.DELETED, p);
        return p;
    }

    /** Forgets history before now: a watch from an older revision gets 410. */
    synchronized void compact() {
        compactedBefore = rv;
        history.clear();
    }

    /** Drops every open watch as a broken connection, and refuses new requests until {@link #up()}. */
    void down() {
        down = true;
        watches.forEach(FakeWatch::breakConnection);
    }

    void up() {
        down = false;
    }

    /** Ends every open watch cleanly, as the server's timeoutSeconds does. */
    void endWatches() {
        watches.forEach(FakeWatch::end);
    }

    /**
     * Ends every watch, makes {@code changes} and compacts them away before any watch can be
     * re-opened (the reopen waits for this lock): the informer's next watch gets 410.
     */
    synchronized void endWatchesThenChangeAndCompact(Runnable changes) {
        watches.forEach(FakeWatch::end);
        watches.clear();
        changes.run();
        compact();
    }

    /** Sends a 410 ERROR event on every open watch, as a watch cache that fell behind does. */
    void expireWatches() {
        watches.forEach(w -> w.offer(new Watch.Event<>(Watch.EventType.ERROR, null,
                Status.failure(410, Status.REASON_EXPIRED, "too old resource version", null))));
    }

    synchronized Map<String, String> snapshotVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        pods.forEach((k, p) -> out.put(k, p.metadata().resourceVersion()));
        return out;
    }

    int openWatches() {
        return (int) watches.stream().filter(w -> !w.isClosed()).count();
    }

    private void record(Watch.EventType type, Pod p) {
        Change c = new Change(rv, type, p);
        history.add(c);
        watches.forEach(w -> w.offer(new Watch.Event<>(type, p, null)));
    }

    // ---- the ListerWatcher seam -------------------------------------------------------------

    @Override
    public synchronized KubeList<Pod> list() {
        listCalls.incrementAndGet();
        refuseWhenDown();
        return new KubeList<>("v1", "PodList", ListMeta.atVersion(Long.toString(rv)), new ArrayList<>(pods.values()));
    }

    @Override
    public synchronized Watch<Pod> watch(ListOptions options) {
        watchCalls.incrementAndGet();
        refuseWhenDown();
        long from = Long.parseLong(options.resourceVersion());
        if (from < compactedBefore) {
            throw new ApiException(Status.failure(410, Status.REASON_EXPIRED,
                    "too old resource version: " + from + " (" + compactedBefore + ")", null));
        }
        FakeWatch w = new FakeWatch();
        for (Change c : history) {
            if (c.rv() > from) {
                w.offer(new Watch.Event<>(c.type(), c.pod(), null));
            }
        }
        watches.add(w);
        return w;
    }

    private void refuseWhenDown() {
        if (down) {
            throw new ServerConnectionException(SERVER, "cannot reach the apiserver at",
                    new ConnectException("Connection refused"));
        }
    }

    /** A watch fed by the fake server; END ends it cleanly, BROKEN as a dropped connection. */
    private final class FakeWatch implements Watch<Pod> {
        private static final Watch.Event<Pod> END = new Watch.Event<>(Watch.EventType.BOOKMARK, null, null);
        private static final Watch.Event<Pod> BROKEN = new Watch.Event<>(Watch.EventType.BOOKMARK, null, null);
        private final LinkedBlockingQueue<Watch.Event<Pod>> events = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        void offer(Watch.Event<Pod> e) {
            if (!closed) {
                events.add(e);
            }
        }

        void end() {
            events.add(END);
        }

        void breakConnection() {
            events.add(BROKEN);
        }

        @Override
        public Watch.Event<Pod> next() {
            try {
                Watch.Event<Pod> e = events.take();
                if (e == END || closed) {
                    return null;
                }
                if (e == BROKEN) {
                    close();
                    throw new ServerConnectionException(SERVER, "watch stream broken from",
                            new java.io.IOException("connection reset"));
                }
                return e;
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
            watches.remove(this);
            events.add(END);
        }
    }
}
