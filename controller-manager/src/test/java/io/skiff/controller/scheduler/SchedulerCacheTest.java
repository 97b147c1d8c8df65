package io.skiff.controller.scheduler;

import static io.skiff.controller.testing.TestObjects.node;
import static io.skiff.controller.testing.TestObjects.onNode;
import static io.skiff.controller.testing.TestObjects.pod;
import static io.skiff.controller.testing.TestObjects.withPhase;
import static io.skiff.controller.testing.TestObjects.withRequests;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchedulerCacheTest {
    private final Instant t0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void assumedPodsCountUntilSeenBoundThenAreReplacedByTheRealOnes() {
        SchedulerCache cache = new SchedulerCache(Clock.fixed(t0, ZoneOffset.UTC), Duration.ofSeconds(30));
        cache.putNode(node("n1", "1", "1Gi", 10));
        Pod p = withRequests(pod("p"), "600m", null);
        cache.assume(p, "n1");
        assertThat(cpuRequested(cache)).containsEntry("n1", 600L);
        // an unbound update from before the binding landed does not cancel the assumption
        cache.putPod(p);
        assertThat(cache.isAssumed("default/p")).isTrue();
        assertThat(cpuRequested(cache)).containsEntry("n1", 600L);
        cache.putPod(onNode(p, "n1"));
        assertThat(cache.isAssumed("default/p")).isFalse();
        assertThat(cpuRequested(cache)).containsEntry("n1", 600L);
    }

    @Test
    void aFailedBindingIsForgotten() {
        SchedulerCache cache = new SchedulerCache(Clock.fixed(t0, ZoneOffset.UTC), Duration.ofSeconds(30));
        cache.putNode(node("n1"));
        cache.assume(withRequests(pod("p"), "1", null), "n1");
        cache.forget("default/p");
        assertThat(cpuRequested(cache)).containsEntry("n1", 0L);
    }

    @Test
    void assumptionsExpire() {
        Instant[] now = {t0};
        Clock clock = new Clock() {
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
                return now[0];
            }
        };
        SchedulerCache cache = new SchedulerCache(clock, Duration.ofSeconds(30));
        cache.putNode(node("n1"));
        cache.assume(withRequests(pod("p"), "1", null), "n1");
        now[0] = t0.plusSeconds(31);
        assertThat(cpuRequested(cache)).containsEntry("n1", 0L);
        assertThat(cache.isAssumed("default/p")).isFalse();
    }

    @Test
    void finishedAndDeletedPodsFreeTheirNode() {
        SchedulerCache cache = new SchedulerCache(Clock.systemUTC(), Duration.ofSeconds(30));
        cache.putNode(node("n1"));
        Pod a = onNode(withRequests(pod("a"), "1", null), "n1");
        Pod b = onNode(withRequests(pod("b"), "1", null), "n1");
        cache.putPod(a);
        cache.putPod(b);
        assertThat(cpuRequested(cache)).containsEntry("n1", 2000L);
        cache.putPod(withPhase(a, PodStatus.PHASE_SUCCEEDED, false));
        assertThat(cpuRequested(cache)).containsEntry("n1", 1000L);
        cache.removePod("default/b");
        assertThat(cpuRequested(cache)).containsEntry("n1", 0L);
    }

    @Test
    void podsOnAnUnknownNodeAreKeptUntilTheNodeAppears() {
        SchedulerCache cache = new SchedulerCache(Clock.systemUTC(), Duration.ofSeconds(30));
        cache.putPod(onNode(withRequests(pod("a"), "1", null), "late"));
        assertThat(cache.snapshot()).isEmpty();
        cache.putNode(node("late"));
        assertThat(cpuRequested(cache)).containsEntry("late", 1000L);
        cache.removeNode("late");
        assertThat(cache.snapshot()).isEmpty();
    }

    private static Map<String, Long> cpuRequested(SchedulerCache cache) {
        return cache.snapshot().stream().collect(Collectors.toMap(NodeInfo::name, n -> n.requested().milliCpu()));
    }
}
