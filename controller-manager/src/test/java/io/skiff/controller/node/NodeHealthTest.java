package io.skiff.controller.node;

import static io.skiff.controller.testing.TestObjects.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus.NodeCondition;
import io.skiff.api.meta.ObjectMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeHealthTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(40);
    private static final Duration EVICTION = Duration.ofMinutes(5);

    /** One look at the node: seconds since T0, its Ready status and heartbeat, its lease renewTime. */
    record Look(long at, String ready, Long heartbeat, Long leaseRenew, boolean markUnknown, boolean evict) {}

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("a fresh node gets a full grace period", List.of(
                        new Look(0, "True", 0L, null, false, false),
                        new Look(40, "True", 0L, null, false, false),
                        new Look(41, "True", 0L, null, true, false))),
                Arguments.of("heartbeats through the Ready condition keep it healthy", List.of(
                        new Look(0, "True", 0L, null, false, false),
                        new Look(30, "True", 30L, null, false, false),
                        new Look(60, "True", 60L, null, false, false),
                        new Look(100, "True", 60L, null, false, false),
                        new Look(101, "True", 60L, null, true, false))),
                Arguments.of("lease renewals alone keep it healthy (status posted rarely)", List.of(
                        new Look(0, "True", 0L, 0L, false, false),
                        new Look(30, "True", 0L, 30L, false, false),
                        new Look(60, "True", 0L, 60L, false, false),
                        new Look(90, "True", 0L, 90L, false, false))),
                Arguments.of("clock skew: an old-looking heartbeat that changes is still a heartbeat", List.of(
                        new Look(0, "True", -3600L, null, false, false),
                        new Look(35, "True", -3565L, null, false, false),
                        new Look(70, "True", -3530L, null, false, false))),
                Arguments.of("already Unknown: not marked again; evicted after the timeout", List.of(
                        new Look(0, "True", 0L, null, false, false),
                        new Look(41, "True", 0L, null, true, false),
                        new Look(42, "Unknown", 0L, null, false, false),
                        new Look(341, "Unknown", 0L, null, false, false),
                        new Look(342, "Unknown", 0L, null, false, true))),
                Arguments.of("Ready=False posted by a live kubelet: no Unknown, evicted after the timeout", List.of(
                        new Look(0, "False", 0L, 0L, false, false),
                        new Look(150, "False", 150L, 150L, false, false),
                        new Look(300, "False", 300L, 300L, false, true))),
                Arguments.of("a node that comes back is left alone", List.of(
                        new Look(0, "True", 0L, null, false, false),
                        new Look(41, "True", 0L, null, true, false),
                        new Look(42, "Unknown", 0L, null, false, false),
                        new Look(100, "True", 100L, null, false, false),
                        new Look(130, "True", 130L, null, false, false),
                        new Look(500, "True", 490L, null, false, false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void decides(String description, List<Look> looks) {
        NodeHealth health = new NodeHealth(GRACE, EVICTION);
        for (Look look : looks) {
            NodeHealth.Decision d = health.assess(nodeAt(look), lease(look), T0.plusSeconds(look.at()));
            assertThat(d).as("at %ds", look.at()).isEqualTo(new NodeHealth.Decision(look.markUnknown(), look.evict()));
        }
    }

    private static Node nodeAt(Look look) {
        Node n = node("n1");
        Instant hb = look.heartbeat() == null ? null : T0.plusSeconds(look.heartbeat());
        NodeCondition c = new NodeCondition("Ready", look.ready(), hb, hb, null, null);
        return n.withStatus(n.status().withConditions(List.of(c)));
    }

    private static Lease lease(Look look) {
        if (look.leaseRenew() == null) {
            return null;
        }
        return new Lease(ObjectMeta.of("kube-node-lease", "n1"),
                new Lease.Spec("n1", 40, T0, T0.plusSeconds(look.leaseRenew()), 0));
    }
}
