package io.skiff.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WorkQueueTest {
    private static final Duration SHORT = Duration.ofMillis(200);

    /**
     * 8 workers, 4 producers, 100,000 adds over 1,000 keys: no key is ever processed by two
     * workers at once (a per-key in-flight counter that must never pass 1), and every key is
     * processed after its last add (nothing is lost to deduplication).
     */
    @Test
    @Timeout(120)
    void neverRunsOneKeyTwiceAtOnceAndLosesNoAdd() throws Exception {
        int keys = 1_000;
        int producers = 4;
        int addsPerProducer = 25_000;
        WorkQueue<Integer> q = new WorkQueue<>("race");
        AtomicIntegerArray inFlight = new AtomicIntegerArray(keys);
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicLongArray lastAdd = new AtomicLongArray(keys); // sequence number of the last add
        AtomicLongArray lastStartSeen = new AtomicLongArray(keys); // last add seen when a run started
        java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
        AtomicInteger processed = new AtomicInteger();

        try (ExecutorService pool = Executors.newFixedThreadPool(8 + producers)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                workers.add(pool.submit(() -> {
                    Integer k;
                    while ((k = q.get()) != null) {
                        int now = inFlight.incrementAndGet(k);
                        maxInFlight.accumulateAndGet(now, Math::max);
                        lastStartSeen.accumulateAndGet(k, lastAdd.get(k), Math::max);
                        // Hold the key a little: a second worker on it would have time to show.
                        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000, 20_000));
                        processed.incrementAndGet();
                        inFlight.decrementAndGet(k);
                        q.done(k);
                    }
                    return null;
                }));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> adders = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                adders.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    for (int i = 0; i < addsPerProducer; i++) {
                        int k = r.nextInt(keys);
                        // Record the add before making it: a run that starts after add() sees it.
                        lastAdd.accumulateAndGet(k, seq.incrementAndGet(), Math::max);
                        q.add(k);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : adders) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(q.shutDownWithDrain(Duration.ofSeconds(60))).isTrue();
            for (Future<?> f : workers) {
                f.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(q.addsTotal()).isEqualTo((long) producers * addsPerProducer);
        assertThat(maxInFlight.get()).as("a key processed by two workers at once").isEqualTo(1);
        for (int k = 0; k < keys; k++) {
            assertThat(lastStartSeen.get(k)).as("key %d processed after its last add", k).isEqualTo(lastAdd.get(k));
        }
        // Deduplication did work: far fewer runs than adds, at least one per key added.
        assertThat(processed.get()).isBetween(keys, producers * addsPerProducer);
        assertThat(q.length()).isZero();
        assertThat(q.inFlight()).isZero();
    }

    @Test
    void duplicatesWhileWaitingAreOneKey() throws Exception {
        WorkQueue<String> q = new WorkQueue<>("dedup");
        q.add("a");
        q.add("b");
        q.add("a");
        assertThat(q.length()).isEqualTo(2);
        assertThat(q.get()).isEqualTo("a");
        assertThat(q.get()).isEqualTo("b");
        assertThat(q.poll(SHORT)).isNull();
    }

    @Test
    void keyAddedWhileProcessingIsNotHandedOutUntilDoneThenProcessedAgain() throws Exception {
        WorkQueue<String> q = new WorkQueue<>("readd");
        q.add("k");
        String first = q.get();
        q.add("k");
        q.add("k");
        assertThat(q.length()).as("not queued while in flight").isZero();
        assertThat(q.poll(SHORT)).as("a second worker gets nothing").isNull();
        q.done(first);
        assertThat(q.poll(SHORT)).isEqualTo("k");
        q.done("k");
        assertThat(q.poll(SHORT)).as("the two re-adds made one more run").isNull();
    }

    @Test
    void doneForAKeyNotInFlightIsAnError() {
        WorkQueue<String> q = new WorkQueue<>("done");
        assertThatThrownBy(() -> q.done("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exponentialBackoffDoublesPerKeyUpToTheCapAndForgetResets() {
        RateLimiter<String> r = new ExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
        List<Duration> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seen.add(r.when("a"));
        }
        assertThat(seen).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(40), Duration.ofMillis(80));
        assertThat(r.when("b")).as("per key").isEqualTo(Duration.ofMillis(5));
        assertThat(r.numRequeues("a")).isEqualTo(5);
        for (int i = 0; i < 100; i++) {
            r.when("a");
        }
        assertThat(r.when("a")).isEqualTo(Duration.ofSeconds(1000));
        r.forget("a");
        assertThat(r.numRequeues("a")).isZero();
        assertThat(r.when("a")).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    @Timeout(30)
    void addRateLimitedWaitsLongerWithEveryFailure() throws Exception {
        WorkQueue<String> q = new WorkQueue<>("backoff",
                new ExponentialFailureRateLimiter<>(Duration.ofMillis(40), Duration.ofSeconds(10)));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            q.addRateLimited("k");
            String k = q.get();
            waits.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            q.done(k);
        }
        // 40, 80, 160, 320 ms: each at least its back-off, and growing.
        assertThat(waits.get(0)).isGreaterThanOrEqualTo(40);
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(80);
        assertThat(waits.get(2)).isGreaterThanOrEqualTo(160);
        assertThat(waits.get(3)).isGreaterThanOrEqualTo(320);
        assertThat(q.numRequeues("k")).isEqualTo(4);
        assertThat(q.retriesTotal()).isEqualTo(4);
        q.forget("k");
        long t0 = System.nanoTime();
        q.addRateLimited("k");
        assertThat(q.get()).isEqualTo("k");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(320);
    }

    @Test
    @Timeout(30)
    void addAfterKeepsTheEarlierTimeAndDeliversOnce() throws Exception {
        WorkQueue<String> q = new WorkQueue<>("after");
        q.addAfter("k", Duration.ofSeconds(20));
        q.addAfter("k", Duration.ofMillis(1500)); // earlier: replaces the 20 s
        q.addAfter("k", Duration.ofSeconds(10));  // later: ignored
        assertThat(q.delayedCount()).isEqualTo(1);
        assertThat(q.length()).isZero();
        assertThat(q.poll(Duration.ofSeconds(8))).isEqualTo("k");
        q.done("k");
        assertThat(q.delayedCount()).isZero();
        assertThat(q.poll(SHORT)).isNull();
    }

    @Test
    @Timeout(30)
    void shutDownWithDrainWaitsForQueuedAndInFlightWork() throws Exception {
        WorkQueue<Integer> q = new WorkQueue<>("drain");
        for (int i = 0; i < 50; i++) {
            q.add(i);
        }
        q.addAfter(999, Duration.ofSeconds(30)); // delayed: dropped at shutdown
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int w = 0; w < 2; w++) {
                pool.submit(() -> {
                    Integer k;
                    while ((k = q.get()) != null) {
                        Thread.sleep(5); // slow workers: the drain must really wait
                        done.add(k);
                        q.done(k);
                    }
                    return null;
                });
            }
            assertThat(q.shutDownWithDrain(Duration.ofSeconds(20))).isTrue();
            assertThat(done).hasSize(50).doesNotContain(999);
            q.add(1000);
            assertThat(q.length()).as("adds after shutdown are ignored").isZero();
            assertThat(q.get()).isNull();
        }
    }

    @Test
    @Timeout(10)
    void shutDownWithDrainTimesOutWhenNobodyWorks() throws Exception {
        WorkQueue<String> q = new WorkQueue<>("stuck");
        q.add("a");
        String k = q.get();
        assertThat(q.shutDownWithDrain(Duration.ofMillis(100))).isFalse();
        q.done(k);
        assertThat(q.shutDownWithDrain(Duration.ofMillis(100))).isTrue();
    }

    @Test
    @Timeout(10)
    void getIsInterruptibleAndShutDownWakesIdleWorkers() throws Exception {
        WorkQueue<String> q = new WorkQueue<>("wake");
        Thread blocked = Thread.ofVirtual().start(() -> {
            try {
                q.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        blocked.interrupt();
        assertThat(blocked.join(Duration.ofSeconds(5))).isTrue();

        CountDownLatch woke = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                if (q.get() == null) {
                    woke.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        q.shutDown();
        assertThat(woke.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
