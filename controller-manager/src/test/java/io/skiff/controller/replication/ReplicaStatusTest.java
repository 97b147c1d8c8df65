package io.skiff.controller.replication;

import static io.skiff.controller.testing.TestObjects.pod;
import static io.skiff.controller.testing.TestObjects.rc;
import static io.skiff.controller.testing.TestObjects.readySince;
import static io.skiff.controller.testing.TestObjects.withLabels;
import static io.skiff.controller.testing.TestObjects.withPhase;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.core.ReplicationControllerStatus.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicaStatusTest {
    private static final Instant NOW = Instant.parse("2024-01-01T00:10:00Z");
    private static final Map<String, String> SELECTOR = Map.of("app", "web");
    private static final Map<String, String> TEMPLATE_LABELS = Map.of("app", "web", "tier", "front");

    static Stream<Arguments> cases() {
        Pod full = withLabels(pod("full"), TEMPLATE_LABELS);
        Pod partial = withLabels(pod("partial"), SELECTOR);
        return Stream.of(
                // minReadySeconds, pods, replicas, fullyLabeled, ready, available
                Arguments.of(0, List.of(), 0, 0, 0, 0),
                Arguments.of(0, List.of(full, partial), 2, 1, 0, 0),
                Arguments.of(0, List.of(withPhase(full, PodStatus.PHASE_RUNNING, true),
                        withPhase(partial, PodStatus.PHASE_RUNNING, false)), 2, 1, 1, 1),
                Arguments.of(30, List.of(readySince(full, NOW.minusSeconds(31)), readySince(partial, NOW.minusSeconds(5))),
                        2, 1, 2, 1),
                Arguments.of(30, List.of(readySince(full, NOW.minusSeconds(30))), 1, 1, 1, 1),
                Arguments.of(30, List.of(readySince(full, null)), 1, 1, 1, 0));
    }

    @ParameterizedTest(name = "minReady {0}: {1}")
    @MethodSource("cases")
    void counts(int minReady, List<Pod> pods, int replicas, int fullyLabeled, int ready, int available) {
        ReplicationController rc = withTemplate(rc("default", "web", 3, SELECTOR), minReady).withMetadata(
                rc("default", "web", 3, SELECTOR).metadata().withGeneration(7L));
        ReplicationControllerStatus s = ReplicaStatus.compute(rc, pods, NOW, null, null);
        assertThat(s).isEqualTo(new ReplicationControllerStatus(replicas, fullyLabeled, ready, available, 7L, null));
    }

    @Test
    void aFailureBecomesAReplicaFailureConditionAndGoesAwayWithIt() {
        ReplicationController rc = rc("default", "web", 3, SELECTOR);
        ReplicationControllerStatus failing = ReplicaStatus.compute(rc, List.of(), NOW, ReplicaStatus.REASON_FAILED_CREATE,
                new IllegalStateException("pods \"web-\" is forbidden: exceeded quota"));
        assertThat(failing.conditions()).containsExactly(new Condition(Condition.TYPE_REPLICA_FAILURE, "True", NOW,
                "FailedCreate", "pods \"web-\" is forbidden: exceeded quota"));
        // the same failure again keeps the first transition time: no write needed
        ReplicationController withStatus = rc.withStatus(failing);
        ReplicationControllerStatus again = ReplicaStatus.compute(withStatus, List.of(), NOW.plusSeconds(60),
                ReplicaStatus.REASON_FAILED_CREATE, new IllegalStateException("pods \"web-\" is forbidden: exceeded quota"));
        assertThat(again.conditions().get(0).lastTransitionTime()).isEqualTo(NOW);
        assertThat(ReplicaStatus.changed(failing, again)).isFalse();
        ReplicationControllerStatus healed = ReplicaStatus.compute(withStatus, List.of(), NOW, null, null);
        assertThat(healed.conditions()).isNull();
        assertThat(ReplicaStatus.changed(failing, healed)).isTrue();
    }

    static Stream<Arguments> changes() {
        ReplicationControllerStatus base = new ReplicationControllerStatus(3, 3, 2, 1, 4L, null);
        return Stream.of(
                Arguments.of(null, base, true),
                Arguments.of(base, base, false),
                Arguments.of(new ReplicationControllerStatus(0, null, null, null, null, null),
                        new ReplicationControllerStatus(0, 0, 0, 0, null, null), false),
                Arguments.of(base, new ReplicationControllerStatus(4, 3, 2, 1, 4L, null), true),
                Arguments.of(base, new ReplicationControllerStatus(3, 2, 2, 1, 4L, null), true),
                Arguments.of(base, new ReplicationControllerStatus(3, 3, 3, 1, 4L, null), true),
                Arguments.of(base, new ReplicationControllerStatus(3, 3, 2, 2, 4L, null), true),
                Arguments.of(base, new ReplicationControllerStatus(3, 3, 2, 1, 5L, null), true));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("changes")
    void writesOnlyWhenChanged(ReplicationControllerStatus old, ReplicationControllerStatus now, boolean changed) {
        assertThat(ReplicaStatus.changed(old, now)).isEqualTo(changed);
    }

    private static ReplicationController withTemplate(ReplicationController rc, int minReady) {
        var t = rc.spec().template();
        var spec = new io.skiff.api.core.ReplicationControllerSpec(rc.spec().replicas(), minReady, rc.spec().selector(),
                new io.skiff.api.core.PodTemplateSpec(t.metadata().withLabels(TEMPLATE_LABELS), t.spec()));
        return rc.withSpec(spec);
    }
}
