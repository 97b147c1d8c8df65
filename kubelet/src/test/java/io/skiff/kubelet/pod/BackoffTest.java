package io.skiff.kubelet.pod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-01T00:00:00Z"));
    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), now::get);

    private void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Test
    void theFirstFailureCostsNothingThenTheDelayDoublesUpToTheCap() {
        assertThat(backoff.remainingSince("k", now.get())).isZero();
        long[] expected = {10, 20, 40, 80, 160, 300, 300};
        for (long seconds : expected) {
            assertThat(backoff.next("k")).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void theDelayCountsFromTheEventTime() {
        backoff.next("k"); // 10 s
        Instant finished = now.get();
        advance(Duration.ofSeconds(4));
        assertThat(backoff.remainingSince("k", finished)).isEqualTo(Duration.ofSeconds(6));
        advance(Duration.ofSeconds(6));
        assertThat(backoff.remainingSince("k", finished)).isZero();
        assertThat(backoff.remainingSinceUpdate("k")).isZero();
        assertThat(backoff.remainingSince("other", finished)).isZero();
    }

    @Test
    void aKeyLeftAloneForTwiceTheCapStartsOver() {
        for (int i = 0; i < 6; i++) {
            backoff.next("k");
        }
        assertThat(backoff.delay("k")).isEqualTo(Duration.ofMinutes(5));
        advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(backoff.remainingSince("k", now.get().minusSeconds(1))).isZero();
        assertThat(backoff.next("k")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void forgettingAPodForgetsOnlyItsKeys() {
        backoff.next("uid-1/a");
        backoff.next("uid-1/b");
        backoff.next("uid-2/a");
        backoff.forgetPrefix("uid-1/");
        assertThat(backoff.delay("uid-1/a")).isZero();
        assertThat(backoff.delay("uid-1/b")).isZero();
        assertThat(backoff.delay("uid-2/a")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void goDurationSpelling() {
        assertThat(PodSyncer.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(PodSyncer.format(Duration.ofSeconds(160))).isEqualTo("2m40s");
        assertThat(PodSyncer.format(Duration.ofMinutes(5))).isEqualTo("5m0s");
        assertThat(PodSyncer.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    }
}
