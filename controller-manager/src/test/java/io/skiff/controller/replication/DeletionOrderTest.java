package io.skiff.controller.replication;

import static io.skiff.controller.testing.TestObjects.created;
import static io.skiff.controller.testing.TestObjects.onNode;
import static io.skiff.controller.testing.TestObjects.pod;
import static io.skiff.controller.testing.TestObjects.readySince;
import static io.skiff.controller.testing.TestObjects.withPhase;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeletionOrderTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static Stream<Arguments> pairs() {
        Pod running = onNode(withPhase(pod("running"), PodStatus.PHASE_RUNNING, true), "n1");
        return Stream.of(
                Arguments.of("unscheduled before scheduled", pod("unscheduled"), onNode(pod("s"), "n1")),
                Arguments.of("pending before running", onNode(withPhase(pod("p"), PodStatus.PHASE_PENDING, false), "n1"),
                        onNode(withPhase(pod("r"), PodStatus.PHASE_RUNNING, false), "n1")),
                Arguments.of("pending before unknown", onNode(withPhase(pod("p"), PodStatus.PHASE_PENDING, false), "n1"),
                        onNode(withPhase(pod("u"), PodStatus.PHASE_UNKNOWN, false), "n1")),
                Arguments.of("unknown before running", onNode(withPhase(pod("u"), PodStatus.PHASE_UNKNOWN, false), "n1"),
                        onNode(withPhase(pod("r"), PodStatus.PHASE_RUNNING, false), "n1")),
                Arguments.of("not ready before ready", onNode(withPhase(pod("nr"), PodStatus.PHASE_RUNNING, false), "n1"),
                        running),
                Arguments.of("ready more recently before ready longer",
                        onNode(readySince(pod("recent"), T0.plusSeconds(60)), "n1"),
                        onNode(readySince(pod("long"), T0), "n1")),
                Arguments.of("more restarts before fewer", withRestarts(running, 5), withRestarts(running, 1)),
                Arguments.of("newer before older", created(pod("new"), T0.plusSeconds(10)), created(pod("old"), T0)),
                Arguments.of("unknown creation time first", created(pod("none"), null), created(pod("old"), T0)),
                Arguments.of("unscheduled newest beats everything else, even if older",
                        created(pod("u"), T0), created(onNode(pod("s"), "n1"), T0.plusSeconds(99))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void deletedFirst(String description, Pod first, Pod second) {
        assertThat(DeletionOrder.INSTANCE.compare(first, second)).isNegative();
        assertThat(DeletionOrder.INSTANCE.compare(second, first)).isPositive();
    }

    @Test
    void sortsAMixedSetInTheDocumentedOrder() {
        List<Pod> expected = List.of(
                pod("unscheduled"),
                onNode(withPhase(pod("pending"), PodStatus.PHASE_PENDING, false), "n1"),
                onNode(withPhase(pod("not-ready"), PodStatus.PHASE_RUNNING, false), "n1"),
                onNode(readySince(created(pod("ready-new"), T0.plusSeconds(5)), T0.plusSeconds(30)), "n1"),
                onNode(readySince(created(pod("ready-old-a"), T0.plusSeconds(2)), T0), "n1"),
                onNode(readySince(created(pod("ready-old-b"), T0.plusSeconds(1)), T0), "n1"));
        List<Pod> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(5));
        shuffled.sort(DeletionOrder.INSTANCE);
        assertThat(shuffled).extracting(p -> p.metadata().name())
                .containsExactly("unscheduled", "pending", "not-ready", "ready-new", "ready-old-a", "ready-old-b");
    }

    private static Pod withRestarts(Pod pod, int restarts) {
        ContainerStatus cs = new ContainerStatus("c", null, null, true, restarts, "img", null, null, true);
        return pod.withMetadata(pod.metadata().withName(pod.metadata().name() + "-" + restarts))
                .withStatus(pod.status().withContainerStatuses(List.of(cs)));
    }
}
