package io.skiff.api.printing;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.meta.ObjectMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pod row kubectl prints: READY, STATUS as kubectl computes it, RESTARTS, AGE and the wide columns. */
class PodTableTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final Instant CREATED = NOW.minusSeconds(182);

    static ContainerStatus running(String name, boolean ready, int restarts) {
        return new ContainerStatus(name, ContainerState.running(CREATED), null, ready, restarts, "busybox", null,
                null, true);
    }

    static ContainerStatus waiting(String name, String reason, int restarts) {
        return new ContainerStatus(name, ContainerState.waiting(reason, "msg"), null, false, restarts, "busybox",
                null, null, false);
    }

    static ContainerStatus terminated(String name, String reason, Integer exitCode, Integer signal) {
        return new ContainerStatus(name, ContainerState.terminated(new ContainerState.Terminated(exitCode, signal,
                reason, null, CREATED, NOW, "docker://x")), null, false, 0, "busybox", null, null, false);
    }

    static Pod pod(String phase, List<ContainerStatus> statuses, int containers) {
        List<Container> cs = new ArrayList<>();
        for (int i = 0; i < containers; i++) {
            cs.add(new Container("c" + i, "busybox", null, null, null, null, null, null, null, null, null, null, null,
                    null));
        }
        PodStatus status = PodStatus.ofPhase(phase).withContainerStatuses(statuses);
        return new Pod(ObjectMeta.of("default", "web-1").withCreationTimestamp(CREATED), PodSpec.of(cs), status);
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("pending, nothing reported", pod("Pending", null, 1), "0/1", "Pending", 0L),
                Arguments.of("running and ready", pod("Running", List.of(running("c0", true, 0)), 1), "1/1",
                        "Running", 0L),
                Arguments.of("running, not ready", pod("Running", List.of(running("c0", false, 0)), 1), "0/1",
                        "Running", 0L),
                Arguments.of("crash loop", pod("Running", List.of(waiting("c0", "CrashLoopBackOff", 4)), 1), "0/1",
                        "CrashLoopBackOff", 4L),
                Arguments.of("image pull error", pod("Pending", List.of(waiting("c0", "ErrImagePull", 0)), 1), "0/1",
                        "ErrImagePull", 0L),
                Arguments.of("creating", pod("Pending", List.of(waiting("c0", "ContainerCreating", 0)), 1), "0/1",
                        "ContainerCreating", 0L),
                Arguments.of("completed", pod("Succeeded", List.of(terminated("c0", "Completed", 0, null)), 1), "0/1",
                        "Completed", 0L),
                Arguments.of("exit code without reason", pod("Failed", List.of(terminated("c0", "", 3, null)), 1),
                        "0/1", "ExitCode:3", 0L),
                Arguments.of("signal without reason", pod("Failed", List.of(terminated("c0", null, 137, 9)), 1),
                        "0/1", "Signal:9", 0L),
                // the first container's reason wins: kubectl walks them backwards
                Arguments.of("two waiting", pod("Pending", List.of(waiting("c0", "ErrImagePull", 1),
                        waiting("c1", "CrashLoopBackOff", 2)), 2), "0/2", "ErrImagePull", 3L),
                Arguments.of("one completed, one still running, not ready", pod("Running",
                        List.of(terminated("c0", "Completed", 0, null), running("c1", true, 0)), 2), "1/2",
                        "NotReady", 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void statusAsKubectlComputesIt(String what, Pod pod, String ready, String status, long restarts) {
        List<Object> cells = new PodTable().cells(pod, NOW);
        assertThat(cells.subList(0, 5)).containsExactly("web-1", ready, status, restarts, "3m2s");
    }

    @Test
    void runningAgainAfterACompletedContainerWhenTheReadyConditionHolds() {
        Pod p = pod("Running", List.of(terminated("c0", "Completed", 0, null), running("c1", true, 0)), 2);
        p = p.withStatus(p.status().withConditions(List.of(new PodCondition(PodCondition.TYPE_READY, "True", null,
                null, null, null))));
        assertThat(new PodTable().cells(p, NOW).get(2)).isEqualTo("Running");
    }

    @Test
    void terminatingOnceDeletionIsPendingAndUnknownOnALostNode() {
        Pod p = pod("Running", List.of(running("c0", true, 0)), 1);
        Pod deleting = p.withMetadata(p.metadata().withDeletionTimestamp(NOW.plusSeconds(30)));
        assertThat(new PodTable().cells(deleting, NOW).get(2)).isEqualTo("Terminating");
        PodStatus lost = new PodStatus("Running", null, null, PodTable.NODE_LOST, null, null, null, null,
                deleting.status().containerStatuses(), null);
        assertThat(new PodTable().cells(deleting.withStatus(lost), NOW).get(2)).isEqualTo("Unknown");
    }

    @Test
    void wideColumnsShowIpAndNodeOrNone() {
        Pod p = pod("Running", List.of(running("c0", true, 0)), 1);
        assertThat(new PodTable().cells(p, NOW).subList(5, 9)).containsExactly("<none>", "<none>", "<none>", "<none>");
        PodStatus s = new PodStatus("Running", null, null, null, "10.0.0.1", "172.17.0.5",
                List.of(new PodStatus.PodIP("172.17.0.5")), null, p.status().containerStatuses(), null);
        Pod placed = p.withSpec(p.spec().withNodeName("node-1")).withStatus(s);
        assertThat(new PodTable().cells(placed, NOW).subList(5, 7)).containsExactly("172.17.0.5", "node-1");
    }

    @Test
    void finishedPodsCarryACompletedRowCondition() {
        assertThat(new PodTable().conditions(pod("Succeeded", null, 1)))
                .singleElement().satisfies(c -> {
                    assertThat(c.type()).isEqualTo("Completed");
                    assertThat(c.reason()).isEqualTo("Succeeded");
                });
        assertThat(new PodTable().conditions(pod("Failed", null, 1))).singleElement()
                .extracting(Table.RowCondition::reason).isEqualTo("Failed");
        assertThat(new PodTable().conditions(pod("Running", null, 1))).isEmpty();
    }

    @Test
    void columnsAreKubectls() {
        assertThat(new PodTable().columns()).extracting(Tables::header).containsExactly("NAME", "READY", "STATUS",
                "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES");
        assertThat(new PodTable().columns()).extracting(Table.Column::priority).containsExactly(0, 0, 0, 0, 0, 1, 1, 1,
                1);
    }
}
