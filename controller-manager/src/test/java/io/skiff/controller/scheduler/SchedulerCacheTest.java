package io.skiff.controller.scheduler;

import static io.skiff.controller.testing.TestObjects.node;
import static io.skiff.controller.testing.TestObjects.onNode;
import static io.skiff.controller.testing.TestObjects.ownedBy;
import static io.skiff.controller.testing.TestObjects.pod;
import static io.skiff.controller.testing.TestObjects.rc;
import static io.skiff.controller.testing.TestObjects.withHostPort;
import static io.skiff.controller.testing.TestObjects.withPhase;
import static io.skiff.controller.testing.TestObjects.withRequests;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    /**
     * Node infos are kept current pod by pod; after any sequence of changes they must equal infos
     * built from scratch from the same pods (removing and re-adding a node forces that rebuild).
     */
    @Test
    void incrementalNodeInfosEqualOnesRebuiltFromThePods() {
        SchedulerCache cache = new SchedulerCache(Clock.fixed(t0, ZoneOffset.UTC), Duration.ofSeconds(30));
        List<String> nodes = List.of("n1", "n2", "n3");
        Map<String, io.skiff.api.core.Node> nodeObjects = nodes.stream()
                .collect(Collectors.toMap(n -> n, n -> node(n, "64", "64Gi", 110)));
        nodeObjects.values().forEach(cache::putNode);
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Pod p = withRequests(pod("p" + i), (i % 3) * 100 + "m", i % 2 == 0 ? "64Mi" : null);
            p = i % 4 == 0 ? withHostPort(p, 8000 + i % 8, "TCP", "") : p; // p0/p8 hold the same port
            p = i % 3 == 0 ? ownedBy(p, rc("default", "rc" + i % 2, 1, Map.of("a", "b"))) : p;
            pods.add(p);
        }
        Random random = new Random(7);
        for (int step = 0; step < 1000; step++) {
            for (int change = random.nextInt(4); change >= 0; change--) {
                change(cache, pods.get(random.nextInt(pods.size())), nodes.get(random.nextInt(nodes.size())), random);
            }
            List<NodeInfo> incremental = sorted(cache.snapshot());
            nodes.forEach(n -> {
                cache.removeNode(n);
                cache.putNode(nodeObjects.get(n));
            });
            List<NodeInfo> rebuilt = sorted(cache.snapshot());
            assertThat(incremental).as("after step %d", step).isEqualTo(rebuilt);
        }
    }

    private static void change(SchedulerCache cache, Pod p, String node, Random random) {
        String key = "default/" + p.name();
        switch (random.nextInt(6)) {
            case 0 -> cache.assume(p, node);
            case 1 -> cache.putPod(onNode(p, node));
            case 2 -> cache.putPod(p); // unbound (ignored while assumed)
            case 3 -> cache.forget(key);
            case 4 -> cache.removePod(key);
            default -> cache.putPod(withPhase(onNode(p, node), PodStatus.PHASE_SUCCEEDED, false));
        }
    }

    /** Host ports in a fixed order: the infos' lists say which ports are used, not in what order. */
    private static List<NodeInfo> sorted(List<NodeInfo> infos) {
        Comparator<HostPort> order = Comparator.comparing(HostPort::protocol).thenComparing(HostPort::hostIP)
                .thenComparingInt(HostPort::port);
        return infos.stream()
                .map(i -> new NodeInfo(i.node(), i.pods(), i.requested(), i.nonZeroRequested(),
                        i.usedPorts().stream().sorted(order).toList(), i.podsPerController()))
                .sorted(Comparator.comparing(NodeInfo::name))
                .toList();
    }

    private static Map<String, Long> cpuRequested(SchedulerCache cache) {
        return cache.snapshot().stream().collect(Collectors.toMap(NodeInfo::name, n -> n.requested().milliCpu()));
    }
}
