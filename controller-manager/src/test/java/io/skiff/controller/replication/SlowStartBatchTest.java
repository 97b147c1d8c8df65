package io.skiff.controller.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlowStartBatchTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // count, maxBatch, failing call indexes, expected successes, expected calls made
                Arguments.of(0, 500, List.of(), 0, 0),
                Arguments.of(1, 500, List.of(), 1, 1),
                Arguments.of(10, 500, List.of(), 10, 10),
                Arguments.of(10, 500, List.of(0), 0, 1),            // first batch (1 call) fails: stop
                Arguments.of(10, 500, List.of(2), 2, 3),            // batches 1,2: index 2 is in the 2nd
                Arguments.of(10, 500, List.of(3), 6, 7),            // batches 1,2,4: index 3 in the 3rd
                Arguments.of(100, 500, List.of(50), 31 + 32 - 1, 63), // 1+2+4+8+16 = 31, then 32 with one failure
                Arguments.of(20, 4, List.of(), 20, 20),
                Arguments.of(20, 4, List.of(12), 14, 15));          // 1,2,4,4 = 11; next 4: 11..14 incl. 12
    }

    @ParameterizedTest(name = "{0} calls, cap {1}, failing {2}")
    @MethodSource("cases")
    void stopsAfterTheFirstFailingBatch(int count, int max, List<Integer> failing, int successes, int calls) {
        AtomicInteger made = new AtomicInteger();
        SlowStartBatch.Outcome o = SlowStartBatch.run(count, 1, max, i -> {
            made.incrementAndGet();
            if (failing.contains(i)) {
                throw new IllegalStateException("call " + i + " failed");
            }
        });
        assertThat(o.successes()).isEqualTo(successes);
        assertThat(made.get()).isEqualTo(calls);
        assertThat(o.firstError() == null).isEqualTo(failing.isEmpty() || count == 0);
    }

    @Test
    void batchesGrowOneTwoFourUpToTheCapAndRunConcurrently() {
        AtomicInteger inFlight = new AtomicInteger();
        ConcurrentHashMap<Integer, Integer> peakByCall = new ConcurrentHashMap<>();
        SlowStartBatch.Outcome o = SlowStartBatch.run(40, 1, 16, i -> {
            int now = inFlight.incrementAndGet();
            peakByCall.put(i, now);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
        });
        assertThat(o.successes()).isEqualTo(40);
        // calls 15..30 are one batch of 16 (after 1+2+4+8 = 15): they overlap
        int peak = peakByCall.entrySet().stream().filter(e -> e.getKey() >= 15 && e.getKey() < 31)
                .mapToInt(e -> e.getValue()).max().orElse(0);
        assertThat(peak).isGreaterThan(1).isLessThanOrEqualTo(16);
        // the first call runs alone
        assertThat(peakByCall.get(0)).isEqualTo(1);
    }

    @Test
    void aBlockedCallHoldsOnlyItsBatch() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Thread t = Thread.ofVirtual().start(() -> SlowStartBatch.run(3, 1, 10, i -> {
            started.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Thread.sleep(100);
        assertThat(started.get()).isEqualTo(1); // the second batch waits for the first
        release.countDown();
        t.join(5000);
        assertThat(started.get()).isEqualTo(3);
    }
}
