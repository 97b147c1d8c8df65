package io.skiff.client.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Pod;
import io.skiff.testing.RecordingHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The informer's list/watch/relist logic against an in-memory server at the
 * {@link ListerWatcher} seam; {@code io.skiff.client.InformerTest} in the apiserver module runs
 * the same scenarios against a real apiserver.
 */
@Timeout(60)
class SharedInformerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeApi api = new FakeApi();
    private SharedInformer<Pod> informer;

    @AfterEach
    void stop() {
        if (informer != null) {
            informer.stop();
        }
    }

    private SharedInformer<Pod> start(Duration resync) throws InterruptedException {
        informer = new SharedInformer<>("pods", api,
                InformerOptions.withResync(resync).withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
        return informer;
    }

    private Map<String, String> cacheVersions() {
        return informer.getIndexer().list().stream()
                .collect(Collectors.toMap(Indexer::keyOf, p -> p.metadata().resourceVersion()));
    }

    @Test
    void listThenWatchDeliversEveryChangeInOrder() throws Exception {
        Pod a = api.create("ns", "a");
        start(Duration.ZERO);
        RecordingHandler<Pod> h = new RecordingHandler<>();
        informer.addEventHandler(h);
        informer.start();
        assertThat(informer.waitForSync(WAIT)).isTrue();

        Pod b = api.create("ns", "b");
        Pod a2 = api.update("ns", "a", Map.of("v", "2"));
        Pod bGone = api.delete("ns", "b");

        await().atMost(WAIT).until(() -> h.events().size() == 4);
        assertThat(h.events()).containsExactly(
                "add ns/a@" + rv(a),
                "add ns/b@" + rv(b),
                "update ns/a@" + rv(a) + "->" + rv(a2),
                "delete ns/b@" + rv(bGone));
        assertThat(cacheVersions()).isEqualTo(api.snapshotVersions());
        assertThat(informer.lastSyncResourceVersion()).isEqualTo(rv(bGone));
        assertThat(api.listCalls.get()).isEqualTo(1);
    }

    @Test
    void aDisconnectEndsWithTheServersStateAndDeliversTheDeleteItMissed() throws Exception {
        api.create("ns", "gone");
        api.create("ns", "changed");
        api.create("ns", "same");
        api.create("ns", "replaced");
        start(Duration.ZERO);
        RecordingHandler<Pod> h = new RecordingHandler<>();
        informer.addEventHandler(h);
        informer.start();
        await().atMost(WAIT).until(() -> h.events().size() == 4);
        h.clear();

        Pod goneOld = informer.getIndexer().get("ns", "gone").orElseThrow();
        Pod changedOld = informer.getIndexer().get("ns", "changed").orElseThrow();
        Pod replacedOld = informer.getIndexer().get("ns", "replaced").orElseThrow();

        api.down();
        await().atMost(WAIT).until(() -> api.openWatches() == 0);
        api.delete("ns", "gone");
        Pod changed = api.update("ns", "changed", Map.of("v", "2"));
        api.delete("ns", "replaced");
        Pod replaced = api.create("ns", "replaced");
        Pod fresh = api.create("ns", "new");
        api.up();

        await().atMost(WAIT).until(() -> cacheVersions().equals(api.snapshotVersions()) && h.events().size() == 5);
        // Deletes first (the last state known, marked unknown), then the list in order; "same"
        // did not change and is not re-delivered; "replaced" has a new uid: a delete and an add.
        assertThat(h.events()).containsExactly(
                "delete? ns/gone@" + rv(goneOld),
                "update ns/changed@" + rv(changedOld) + "->" + rv(changed),
                "delete? ns/replaced@" + rv(replacedOld),
                "add ns/replaced@" + rv(replaced),
                "add ns/new@" + rv(fresh));
        assertThat(h.view()).isEqualTo(api.snapshotVersions());
        assertThat(api.listCalls.get()).as("relisted after the disconnect").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a410InTheWatchRelistsAndTheCacheEndsEqualToTheServer() throws Exception {
        api.create("ns", "a");
        api.create("ns", "b");
        start(Duration.ZERO);
        RecordingHandler<Pod> h = new RecordingHandler<>();
        informer.addEventHandler(h);
        informer.start();
        await().atMost(WAIT).until(() -> h.events().size() == 2);
        Pod aOld = informer.getIndexer().get("ns", "a").orElseThrow();
        Pod bOld = informer.getIndexer().get("ns", "b").orElseThrow();

        // The watch falls behind and is expired by the server, history is compacted meanwhile:
        // the informer cannot watch from its version again, so it must relist.
        api.down();
        await().atMost(WAIT).until(() -> api.openWatches() == 0);
        api.delete("ns", "b");
        api.create("ns", "c");
        api.compact();
        api.up();
        await().atMost(WAIT).until(() -> cacheVersions().equals(api.snapshotVersions()));

        // A watch re-opened from a compacted version is refused with 410.
        int lists = api.listCalls.get();
        api.endWatchesThenChangeAndCompact(() -> {
            api.delete("ns", "a");
            api.create("ns", "f");
        });
        await().atMost(WAIT).until(() -> api.listCalls.get() == lists + 1
                && cacheVersions().equals(api.snapshotVersions()));

        // A 410 ERROR event in an open watch.
        api.create("ns", "d");
        api.expireWatches();
        Pod e = api.create("ns", "e");
        await().atMost(WAIT).until(() -> cacheVersions().equals(api.snapshotVersions()));
        assertThat(informer.lastSyncResourceVersion()).isEqualTo(rv(e));
        assertThat(h.view()).isEqualTo(api.snapshotVersions());
        assertThat(h.events()).contains("delete? ns/b@" + rv(bOld));
        assertThat(h.events()).noneMatch(x -> x.startsWith("DUPLICATE") || x.startsWith("UNKNOWN"));
        assertThat(h.events()).contains("delete? ns/a@" + rv(aOld));
        assertThat(api.listCalls.get()).as("a list for the start, the disconnect and the two 410s")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void aWatchTheServerEndsIsReopenedFromTheLastVersionWithoutAList() throws Exception {
        api.create("ns", "a");
        start(Duration.ZERO);
        RecordingHandler<Pod> h = new RecordingHandler<>();
        informer.addEventHandler(h);
        informer.start();
        await().atMost(WAIT).until(() -> h.events().size() == 1 && api.openWatches() == 1);
        int watches = api.watchCalls.get();
        api.endWatches(); // the server's timeoutSeconds ran out
        await().atMost(WAIT).until(() -> api.watchCalls.get() == watches + 1);
        Pod b = api.create("ns", "b");
        await().atMost(WAIT).until(() -> h.events().size() == 2);
        assertThat(h.events().get(1)).isEqualTo("add ns/b@" + rv(b));
        assertThat(api.listCalls.get()).isEqualTo(1);
    }

    @Test
    void resyncRedeliversEveryObjectAsAnUpdateOfItself() throws Exception {
        Pod a = api.create("ns", "a");
        Pod b = api.create("ns", "b");
        start(Duration.ofMillis(100));
        RecordingHandler<Pod> h = new RecordingHandler<>();
        informer.addEventHandler(h);
        informer.start();
        await().atMost(WAIT).until(() -> h.events().stream().filter(e -> e.startsWith("resync")).count() >= 4);
        assertThat(h.events()).contains("resync ns/a@" + rv(a), "resync ns/b@" + rv(b));
        assertThat(h.eventsWithout("resync")).containsExactlyInAnyOrder("add ns/a@" + rv(a), "add ns/b@" + rv(b));
    }

    @Test
    void aHandlerAddedLateFirstGetsTheCacheAsAdds() throws Exception {
        Pod a = api.create("ns", "a");
        start(Duration.ZERO);
        informer.start();
        assertThat(informer.waitForSync(WAIT)).isTrue();
        RecordingHandler<Pod> late = new RecordingHandler<>();
        informer.addEventHandler(late);
        Pod b = api.create("ns", "b");
        await().atMost(WAIT).until(() -> late.events().size() == 2);
        assertThat(late.events()).containsExactly("add ns/a@" + rv(a), "add ns/b@" + rv(b));
    }

    @Test
    void aStuckHandlerBlocksNeitherTheCacheNorOtherHandlers() throws Exception {
        start(Duration.ZERO);
        CountDownLatch release = new CountDownLatch(1);
        RecordingHandler<Pod> slow = new RecordingHandler<>() {
            @Override
            public void onAdd(Pod obj) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.onAdd(obj);
            }
        };
        RecordingHandler<Pod> fast = new RecordingHandler<>();
        informer.addEventHandler(slow);
        informer.addEventHandler(fast);
        informer.start();
        for (int i = 0; i < 200; i++) {
            api.create("ns", "p" + i);
        }
        await().atMost(WAIT).until(() -> fast.events().size() == 200);
        assertThat(informer.getIndexer().size()).isEqualTo(200);
        assertThat(informer.handlerBacklog()).isGreaterThan(100);
        release.countDown();
        await().atMost(WAIT).until(() -> slow.events().size() == 200);
        assertThat(slow.events()).isEqualTo(fast.events());
    }

    @Test
    void stopClosesTheWatchAtOnce() throws Exception {
        start(Duration.ZERO);
        informer.start();
        assertThat(informer.waitForSync(WAIT)).isTrue();
        await().atMost(WAIT).until(() -> api.openWatches() == 1);
        long t0 = System.nanoTime();
        informer.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(api.openWatches()).isZero();
    }

    private static String rv(Pod p) {
        return p.metadata().resourceVersion();
    }
}
