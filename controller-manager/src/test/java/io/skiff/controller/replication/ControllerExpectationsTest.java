package io.skiff.controller.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControllerExpectationsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final ControllerExpectations expectations = new ControllerExpectations(clock, Duration.ofMinutes(5));

    @Test
    void unknownControllerIsSatisfied() {
        assertThat(expectations.satisfied("ns/rc")).isTrue();
    }

    @Test
    void creationsMustAllBeObservedBeforeTheControllerActsAgain() {
        expectations.expectCreations("ns/rc", 3);
        assertThat(expectations.satisfied("ns/rc")).isFalse();
        expectations.creationObserved("ns/rc");
        expectations.creationObserved("ns/rc");
        assertThat(expectations.satisfied("ns/rc")).isFalse();
        expectations.creationObserved("ns/rc");
        assertThat(expectations.satisfied("ns/rc")).isTrue();
        assertThat(expectations.satisfied("ns/other")).isTrue();
    }

    @Test
    void aGracefulDeletionSeenTwiceCountsOnce() {
        expectations.expectDeletions("ns/rc", Set.of("ns/a", "ns/b"));
        expectations.deletionObserved("ns/rc", "ns/a"); // deletionTimestamp set
        expectations.deletionObserved("ns/rc", "ns/a"); // then DELETED
        assertThat(expectations.satisfied("ns/rc")).isFalse();
        expectations.deletionObserved("ns/rc", "ns/unrelated");
        assertThat(expectations.satisfied("ns/rc")).isFalse();
        expectations.deletionObserved("ns/rc", "ns/b");
        assertThat(expectations.satisfied("ns/rc")).isTrue();
    }

    @Test
    void pendingExpectationsExpireAfterTheTtl() {
        expectations.expectCreations("ns/rc", 1);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(expectations.satisfied("ns/rc")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(expectations.satisfied("ns/rc")).isTrue();
    }

    @Test
    void deletingTheControllerForgetsItsExpectations() {
        expectations.expectCreations("ns/rc", 5);
        expectations.delete("ns/rc");
        assertThat(expectations.satisfied("ns/rc")).isTrue();
        expectations.creationObserved("ns/rc"); // a late event for a forgotten controller is harmless
        assertThat(expectations.satisfied("ns/rc")).isTrue();
    }

    @Test
    void newExpectationsReplaceOldOnes() {
        expectations.expectCreations("ns/rc", 5);
        expectations.expectDeletions("ns/rc", Set.of("ns/x"));
        assertThat(expectations.describe("ns/rc")).isEqualTo("add=0 del=1");
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
