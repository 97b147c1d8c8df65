package io.skiff.kubelet.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.kubelet.pod.PodWorkers.PodWork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-pod worker discipline, at the seam below SyncPod (a sync function of the test's). */
class PodWorkersTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private PodWorkers workers;

    @AfterEach
    void stop() {
        if (workers != null) {
            workers.close();
        }
        timer.shutdownNow();
    }

    private static Pod pod(String uid, int version) {
        return new Pod(ObjectMeta.of("default", "pod-" + uid).withUid(uid)
                .withLabels(Map.of("version", Integer.toString(version))),
                PodSpec.of(List.of(Container.of("c", "busybox"))), null);
    }

    private static int version(PodWork w) {
        return Integer.parseInt(w.pod().metadata().labels().get("version"));
    }

    @Test
    void updatesWhileBusyCollapseToTheNewest() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> synced = new CopyOnWriteArrayList<>();
        workers = new PodWorkers(w -> {
            synced.add(version(w));
            if (version(w) == 1) {
                entered.countDown();
                release.await();
            }
            return null;
        }, timer, Duration.ofMillis(10), Duration.ofSeconds(1));
        workers.update(PodWork.sync(pod("a", 1)));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        for (int v = 2; v <= 50; v++) {
            workers.update(PodWork.sync(pod("a", v)));
        }
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> synced.contains(50));
        Thread.sleep(100);
        assertThat(synced).containsExactly(1, 50);
    }

    @Test
    void neverTwoSyncsOfOnePodAtOnceAndTheLastUpdateWins() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Integer> synced = new CopyOnWriteArrayList<>();
        workers = new PodWorkers(w -> {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(1);
            synced.add(version(w));
            inside.decrementAndGet();
            return null;
        }, timer, Duration.ofMillis(10), Duration.ofSeconds(1));
        // Eight threads race updates of the same pod; each thread's versions rise.
        int threads = 8;
        int perThread = 250;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> racers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t;
            racers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    workers.update(PodWork.sync(pod("a", i * threads + base)));
                }
            }));
        }
        go.countDown();
        for (Thread t : racers) {
            t.join();
        }
        int last = threads * perThread; // offered after every racer finished: it must be the last one synced
        workers.update(PodWork.sync(pod("a", last)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !synced.isEmpty() && synced.get(synced.size() - 1) == last);
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(synced.size()).as("coalesced").isLessThan(threads * perThread);
    }

    @Test
    void aStuckPodNeverDelaysAnother() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        workers = new PodWorkers(w -> {
            if (w.pod().metadata().uid().equals("stuck")) {
                stuck.await();
            }
            done.add(w.pod().metadata().uid());
            return null;
        }, timer, Duration.ofMillis(10), Duration.ofSeconds(1));
        workers.update(PodWork.sync(pod("stuck", 1)));
        for (int i = 0; i < 100; i++) {
            workers.update(PodWork.sync(pod("p" + i, 1)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 100);
        assertThat(done).doesNotContain("stuck");
        stuck.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> done.contains("stuck"));
    }

    @Test
    void aKillIsNotUndoneByALateResyncAndEndsTheWorker() throws Exception {
        CountDownLatch killing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> synced = new CopyOnWriteArrayList<>();
        workers = new PodWorkers(w -> {
            synced.add(w.type() + "-" + version(w));
            if (w.type() == PodWorkers.WorkType.KILL) {
                killing.countDown();
                release.await();
            }
            return null;
        }, timer, Duration.ofMillis(10), Duration.ofSeconds(1));
        workers.update(PodWork.sync(pod("a", 1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> synced.size() == 1);
        workers.update(PodWork.kill(pod("a", 2), Duration.ZERO));
        assertThat(killing.await(5, TimeUnit.SECONDS)).isTrue();
        workers.syncIfKnown(pod("a", 3)); // the periodic pass, from a snapshot taken before the kill
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !workers.isActive("a"));
        workers.syncIfKnown(pod("a", 4)); // and one after it: nothing is started again
        Thread.sleep(100);
        assertThat(synced).containsExactly("SYNC-1", "KILL-2");
        assertThat(workers.isActive("a")).isFalse();
    }

    @Test
    void aPodAddedAgainWhileBeingKilledRunsAfterTheKill() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> synced = new CopyOnWriteArrayList<>();
        workers = new PodWorkers(w -> {
            synced.add(w.type() + "-" + version(w));
            if (w.type() == PodWorkers.WorkType.KILL) {
                release.await();
            }
            return null;
        }, timer, Duration.ofMillis(10), Duration.ofSeconds(1));
        workers.update(PodWork.kill(pod("a", 1), Duration.ZERO));
        await().atMost(Duration.ofSeconds(5)).until(() -> synced.size() == 1);
        workers.update(PodWork.sync(pod("a", 2)));
        workers.update(PodWork.sync(pod("a", 3)));
        Thread.sleep(100);
        assertThat(synced).containsExactly("KILL-1");
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> synced.size() == 2);
        assertThat(synced).containsExactly("KILL-1", "SYNC-3");
        assertThat(workers.isActive("a")).isTrue();
    }

    @Test
    void stoppingAPodInterruptsItsSlowSync() {
        List<String> synced = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        workers = new PodWorkers(w -> {
            synced.add(w.type() + "-" + version(w));
            if (version(w) == 1) {
                never.await(); // an image pull that would take minutes
            }
            return null;
        }, timer, Duration.ofSeconds(5), Duration.ofSeconds(5));
        workers.update(PodWork.sync(pod("a", 1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> synced.size() == 1);
        workers.update(PodWork.sync(pod("a", 2))); // a mere update waits its turn
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> synced.size() == 1);
        Pod deleting = pod("a", 3);
        deleting = deleting.withMetadata(deleting.metadata().withDeletionTimestamp(java.time.Instant.now()));
        workers.update(PodWork.sync(deleting));
        await().atMost(Duration.ofSeconds(2)).until(() -> synced.contains("SYNC-3"));
        assertThat(synced).containsExactly("SYNC-1", "SYNC-3");
    }

    @Test
    void aFailedSyncIsRetriedAndASyncMayAskToRunAgain() {
        AtomicInteger calls = new AtomicInteger();
        workers = new PodWorkers(w -> {
            int n = calls.incrementAndGet();
            if (n <= 2) {
                throw new IllegalStateException("engine hiccup " + n);
            }
            return n == 3 ? Duration.ofMillis(50) : null; // then once more, by its own request
        }, timer, Duration.ofMillis(20), Duration.ofSeconds(1));
        workers.update(PodWork.sync(pod("a", 1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 4);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 4);
    }
}
