package io.skiff.apiserver.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.selector.FieldSelector;
import io.skiff.api.selector.LabelSelector;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.registry.ObjectCodec;
import io.skiff.apiserver.registry.PodStrategy;
import io.skiff.apiserver.registry.RegistryKeys;
import io.skiff.apiserver.registry.SelectionPredicate;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageFactory;
import io.skiff.storage.StorageOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch cache on the real SQLite store: window, 410, slow watchers, bookmarks. */
class WatchCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Storage storage;
    private ScheduledExecutorService scheduler;
    private WatchCache<Pod> cache;
    private ObjectCodec<Pod> codec;
    private PodStrategy strategy;
    private final RegistryKeys keys = RegistryKeys.defaults();

    @BeforeEach
    void start() throws Exception {
        storage = StorageFactory.open(StorageOptions.sqlite(dir));
        scheduler = Executors.newSingleThreadScheduledExecutor();
        Scheme scheme = Scheme.defaultScheme();
        strategy = new PodStrategy(scheme.resourceForKind(Pod.KIND).orElseThrow());
        codec = new ObjectCodec<>(scheme, Pod.class);
        cache = new WatchCache<>(storage, strategy.resource(), keys.resourcePrefix(strategy.resource()), codec, 5, scheduler);
        cache.start();
        assertThat(cache.isReady()).isTrue();
    }

    @AfterEach
    void stop() {
        cache.close();
        scheduler.shutdownNow();
        storage.close();
    }

    private long put(String name, Map<String, String> labels) throws Exception {
        Pod pod = pod(name, labels);
        String key = keys.key(strategy.resource(), "ns", name);
        var existing = storage.get(key);
        return existing.isEmpty() ? storage.create(key, codec.encode(pod)).modRevision()
                : storage.update(key, codec.encode(pod), existing.get().modRevision()).modRevision();
    }

    private SelectionPredicate<Pod> everything() {
        return new SelectionPredicate<>(LabelSelector.everything(), FieldSelector.everything(), strategy);
    }

    private List<String> drain(CacheWatcher<Pod> w, int count) throws InterruptedException {
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (out.size() < count && System.nanoTime() < deadline) {
            Delivery<Pod> d = w.poll();
            if (d == null) {
                Thread.sleep(10);
                continue;
            }
            if (d.isEnd()) {
                out.add("END");
                break;
            }
            out.add(d.type() + (d.event() == null ? "" : " " + d.event().object().name()));
        }
        return out;
    }

    @Test
    void watchesFromTheWindowAndAnswers410BeforeIt() throws Exception {
        List<Long> revisions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            revisions.add(put("p" + i, Map.of()));
        }
        Awaitility.await().atMost(WAIT).until(() -> cache.revision() == revisions.get(7));
        String prefix = keys.resourcePrefix(strategy.resource());
        // the window holds the last 5 events (p3..p7): a watch from p2's revision misses nothing
        try (CacheWatcher<Pod> w = cache.watch(prefix, everything(), revisions.get(2), false, 100)) {
            assertThat(drain(w, 5)).containsExactly("ADDED p3", "ADDED p4", "ADDED p5", "ADDED p6", "ADDED p7");
        }
        ApiException tooOld = catchThrowableOfType(ApiException.class,
                () -> cache.watch(prefix, everything(), revisions.get(1), false, 100));
        assertThat(tooOld.code()).isEqualTo(410);
        assertThat(tooOld.reason()).isEqualTo("Expired");
        // from 0: the state, then changes
        try (CacheWatcher<Pod> w = cache.watch(prefix, everything(), 0, false, 100)) {
            assertThat(drain(w, 8)).hasSize(8).allMatch(s -> s.startsWith("ADDED p"));
            put("p0", Map.of("changed", "yes"));
            assertThat(drain(w, 1)).containsExactly("MODIFIED p0");
        }
        assertThat(cache.watcherCount()).isZero();
    }

    @Test
    void aWriteHandedOverStandsForTheEventOfThoseVeryBytesOnly() throws Exception {
        long before = put("h", Map.of("v", "0"));
        Awaitility.await().atMost(WAIT).until(() -> cache.revision() == before);
        String prefix = keys.resourcePrefix(strategy.resource());
        String key = keys.key(strategy.resource(), "ns", "h");
        try (CacheWatcher<Pod> w = cache.watch(prefix, everything(), before, false, 100)) {
            // The object handed over is marked (an annotation its bytes lack) to see which one the event carries.
            Pod v1 = pod("h", Map.of("v", "1"));
            cache.writing(key, codec.encode(v1), marked(v1));
            long r1 = put("h", Map.of("v", "1"));
            Pod first = next(w);
            assertThat(first.metadata().annotations()).as("the writer's object, not a decode").containsKey("handed");
            assertThat(first.metadata().resourceVersion()).isEqualTo(Long.toString(r1));

            cache.writing(key, codec.encode(pod("h", Map.of("v", "other"))), marked(v1)); // bytes that are not written
            put("h", Map.of("v", "2"));
            Pod second = next(w);
            assertThat(second).as("decoded: the hand-over was for other bytes")
                    .isEqualTo(codec.decode(storage.get(key).orElseThrow()));
            assertThat(second.metadata().labels()).containsEntry("v", "2");

            Pod v3 = pod("h", Map.of("v", "3"));
            cache.writeFailed(key, cache.writing(key, codec.encode(v3), marked(v3))); // a write that did not happen
            put("h", Map.of("v", "3"));
            assertThat(next(w).metadata().annotations()).as("decoded: the failed write's hand-over is gone")
                    .isNullOrEmpty();
        }
    }

    private static Pod pod(String name, Map<String, String> labels) {
        return new Pod(ObjectMeta.of("ns", name).withLabels(labels),
                PodSpec.of(List.of(new Container("c", "i", null, null, null, null, null, null, null, null, null, null,
                        null, null))), null);
    }

    private static Pod marked(Pod pod) {
        return (Pod) pod.withMetadata(pod.metadata().withAnnotations(Map.of("handed", "over")));
    }

    private static Pod next(CacheWatcher<Pod> w) {
        return Awaitility.await().atMost(WAIT).until(w::poll, d -> d != null).event().object();
    }

    @Test
    void aWatcherThatFallsBehindIsCutOffOthersAreNot() throws Exception {
        String prefix = keys.resourcePrefix(strategy.resource());
        CacheWatcher<Pod> slow = cache.watch(prefix, everything(), 0, false, 10);
        CacheWatcher<Pod> fast = cache.watch(prefix, everything(), 0, false, 1_000);
        for (int i = 0; i < 30; i++) {
            put("s" + i, Map.of());
        }
        Awaitility.await().atMost(WAIT).until(slow::ended);
        assertThat(slow.endReason()).contains("fell more than 10 events behind");
        assertThat(slow.queued()).isLessThanOrEqualTo(11);
        List<String> delivered = drain(slow, 100);
        assertThat(delivered).hasSizeLessThanOrEqualTo(11).endsWith("END");
        assertThat(drain(fast, 30)).hasSize(30).doesNotContain("END");
        assertThat(fast.ended()).isFalse();
        assertThat(cache.watcherCount()).isEqualTo(1);
        fast.close();
    }

    @Test
    void selectionTransitionsAndBookmarks() throws Exception {
        String prefix = keys.resourcePrefix(strategy.resource());
        SelectionPredicate<Pod> web = new SelectionPredicate<>(LabelSelector.parse("app=web"), FieldSelector.everything(),
                strategy);
        try (CacheWatcher<Pod> w = cache.watch(prefix, web, 0, true, 100)) {
            put("t", Map.of("app", "db"));
            put("t", Map.of("app", "web"));
            put("t", Map.of("app", "web", "x", "y"));
            long last = put("t", Map.of("app", "db"));
            assertThat(drain(w, 3)).containsExactly("ADDED t", "MODIFIED t", "DELETED t");
            Awaitility.await().atMost(WAIT).until(() -> cache.revision() == last);
            cache.sendBookmarks();
            Delivery<Pod> bookmark = w.poll();
            assertThat(bookmark.type()).isEqualTo("BOOKMARK");
            assertThat(bookmark.revision()).isEqualTo(last);
            assertThat(new String(bookmark.bytes())).isEqualTo("{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\","
                    + "\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"" + last + "\"}}}\n");
        }
    }
}
