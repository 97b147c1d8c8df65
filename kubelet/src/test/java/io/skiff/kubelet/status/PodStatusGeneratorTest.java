package io.skiff.kubelet.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.RuntimeContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Phases, container states and conditions from what the engine shows, without an engine. */
class PodStatusGeneratorTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");
    private static final Instant NOW = T0.plusSeconds(60);

    /** A container of "a" or "b": running (exit null) or exited with a code, the n-th attempt. */
    private static RuntimeContainer rc(String name, int attempt, Integer exit) {
        Map<String, String> labels = ContainerLabels.container(ContainerLabels.pod("n", "default", "p", "uid"), name,
                "h", attempt);
        return new RuntimeContainer(name + attempt, "k8s_" + name, "busybox", "sha256:1", labels,
                exit == null ? io.skiff.kubelet.runtime.ContainerState.RUNNING : io.skiff.kubelet.runtime.ContainerState.EXITED,
                exit, T0.plusSeconds(attempt), T0.plusSeconds(attempt), exit == null ? null : T0.plusSeconds(attempt + 1),
                false, null);
    }

    private static Pod pod(String policy, String... containers) {
        List<Container> cs = Stream.of(containers).map(n -> Container.of(n, "busybox")).toList();
        return new Pod(ObjectMeta.of("default", "p").withUid("uid"), PodSpec.of(cs).withRestartPolicy(policy), null);
    }

    private static PodStatus generate(Pod pod, List<RuntimeContainer> rcs, Map<String, ContainerState.Waiting> waiting,
                                      PodStatus previous) {
        return PodStatusGenerator.generate(pod, previous, new PodStatusGenerator.Observation(rcs, waiting,
                id -> true, "10.0.0.5", "127.0.0.1", "docker", NOW));
    }

    private static ContainerState.Waiting crashLoop() {
        return new ContainerState.Waiting("CrashLoopBackOff", "back-off 10s");
    }

    static Stream<Arguments> phases() {
        return Stream.of(
                Arguments.of("nothing started yet", pod("Always", "a"), List.of(), Map.of(), "Pending"),
                Arguments.of("running", pod("Always", "a"), List.of(rc("a", 0, null)), Map.of(), "Running"),
                Arguments.of("Always, exited 0: restarting", pod("Always", "a"), List.of(rc("a", 0, 0)), Map.of(), "Running"),
                Arguments.of("Never, exited 0", pod("Never", "a"), List.of(rc("a", 0, 0)), Map.of(), "Succeeded"),
                Arguments.of("Never, exited 1", pod("Never", "a"), List.of(rc("a", 0, 1)), Map.of(), "Failed"),
                Arguments.of("OnFailure, exited 0", pod("OnFailure", "a"), List.of(rc("a", 0, 0)), Map.of(), "Succeeded"),
                Arguments.of("OnFailure, exited 1, backing off", pod("OnFailure", "a"), List.of(rc("a", 0, 1)),
                        Map.of("a", crashLoop()), "Running"),
                Arguments.of("Never, one done, one running", pod("Never", "a", "b"),
                        List.of(rc("a", 0, 0), rc("b", 0, null)), Map.of(), "Running"),
                Arguments.of("Never, one failed, one done", pod("Never", "a", "b"),
                        List.of(rc("a", 0, 1), rc("b", 0, 0)), Map.of(), "Failed"),
                Arguments.of("one running, one not created yet", pod("Always", "a", "b"),
                        List.of(rc("a", 0, null)), Map.of(), "Pending"),
                Arguments.of("image pull failing", pod("Always", "a"), List.of(),
                        Map.of("a", new ContainerState.Waiting("ErrImagePull", "refused")), "Pending"));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("phases")
    void phase(String what, Pod pod, List<RuntimeContainer> rcs, Map<String, ContainerState.Waiting> waiting,
               String phase) {
        assertThat(generate(pod, rcs, waiting, null).phase()).isEqualTo(phase);
    }

    @Test
    void aContainerShowsItsNewestInstanceAndTheOneBeforeAsLastState() {
        Pod pod = pod("Always", "a");
        PodStatus s = generate(pod, List.of(rc("a", 0, 1), rc("a", 2, null), rc("a", 1, 137)), Map.of(), null);
        var cs = s.containerStatuses().get(0);
        assertThat(cs.restartCount()).isEqualTo(2);
        assertThat(cs.containerID()).isEqualTo("docker://a2");
        assertThat(cs.state().running().startedAt()).isEqualTo(T0.plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(cs.lastState().terminated().exitCode()).isEqualTo(137);
        assertThat(cs.lastState().terminated().reason()).isEqualTo("Error");
        assertThat(cs.ready()).isTrue();
        assertThat(s.podIP()).isEqualTo("10.0.0.5");
        assertThat(s.podIPs()).extracting(PodStatus.PodIP::ip).containsExactly("10.0.0.5");
    }

    @Test
    void aWaitingReasonWinsOverTheDeadContainerAndKeepsItAsLastState() {
        PodStatus s = generate(pod("Always", "a"), List.of(rc("a", 3, 1)), Map.of("a", crashLoop()), null);
        var cs = s.containerStatuses().get(0);
        assertThat(cs.state().waiting().reason()).isEqualTo("CrashLoopBackOff");
        assertThat(cs.lastState().terminated().exitCode()).isEqualTo(1);
        assertThat(cs.restartCount()).isEqualTo(3);
        assertThat(cs.ready()).isFalse();
    }

    @Test
    void theSameObservationGivesAnEqualStatusSoNothingIsWrittenAgain() {
        Pod pod = pod("Always", "a");
        PodStatus first = generate(pod, List.of(rc("a", 0, null)), Map.of(), null);
        PodStatus second = PodStatusGenerator.generate(pod, first, new PodStatusGenerator.Observation(
                List.of(rc("a", 0, null)), Map.of(), id -> true, "10.0.0.5", "127.0.0.1", "docker", NOW.plusSeconds(30)));
        assertThat(second).isEqualTo(first);
        assertThat(first.startTime()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void conditionsKeepTheirTransitionTimeUntilTheyChange() {
        Pod pod = pod("Always", "a");
        PodStatus notReady = generate(pod, List.of(), Map.of(), null);
        assertThat(condition(notReady, "Ready").status()).isEqualTo("False");
        assertThat(condition(notReady, "Ready").reason()).isEqualTo("ContainersNotReady");
        assertThat(condition(notReady, "Ready").message()).isEqualTo("containers with unready status: [a]");
        PodStatus ready = PodStatusGenerator.generate(pod, notReady, new PodStatusGenerator.Observation(
                List.of(rc("a", 0, null)), Map.of(), id -> true, "10.0.0.5", "127.0.0.1", "docker", NOW.plusSeconds(5)));
        assertThat(condition(ready, "Ready").status()).isEqualTo("True");
        assertThat(condition(ready, "Ready").lastTransitionTime()).isEqualTo(NOW.plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(condition(ready, "Initialized").lastTransitionTime()).isEqualTo(condition(notReady, "Initialized").lastTransitionTime());
    }

    @Test
    void aFinishedPodStaysFinishedAndKeepsItsPodIp() {
        Pod pod = pod("Never", "a");
        PodStatus done = generate(pod, List.of(rc("a", 0, 0)), Map.of(), null);
        assertThat(done.phase()).isEqualTo("Succeeded");
        PodStatus later = PodStatusGenerator.generate(pod, done, new PodStatusGenerator.Observation(
                new ArrayList<>(), Map.of(), id -> true, null, "127.0.0.1", "docker", NOW.plusSeconds(5)));
        assertThat(later.phase()).isEqualTo("Succeeded");
        assertThat(later.podIP()).isEqualTo("10.0.0.5");
    }

    @Test
    void theApiserversSchedulingConditionAndQosClassAreKeptOnWrite() {
        PodStatus ours = generate(pod("Always", "a"), List.of(rc("a", 0, null)), Map.of(), null);
        PodCondition scheduled = new PodCondition("PodScheduled", "True", null, T0, null, null);
        PodStatus theirs = new PodStatus("Pending", List.of(scheduled), null, null, null, null, null, null, null, "BestEffort");
        PodStatus merged = StatusManager.merge(ours, theirs);
        assertThat(condition(merged, "PodScheduled")).isEqualTo(scheduled);
        assertThat(merged.qosClass()).isEqualTo("BestEffort");
        assertThat(merged.phase()).isEqualTo("Running");
    }

    private static PodCondition condition(PodStatus s, String type) {
        return s.conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }
}
