package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.container;
import static io.skiff.kubelet.testing.TestPods.phase;
import static io.skiff.kubelet.testing.TestPods.pod;
import static io.skiff.kubelet.testing.TestPods.restartCount;
import static io.skiff.kubelet.testing.TestPods.shell;
import static io.skiff.kubelet.testing.TestPods.uniqueName;
import static io.skiff.kubelet.testing.TestPods.waitingReason;
import static io.skiff.kubelet.testing.TestPods.withImage;
import static io.skiff.kubelet.testing.TestPods.withRestartPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.Event;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.testing.TestKubelet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Restart policies, crash-loop back-off and image pull failures on the real Docker engine. */
class RestartPolicyTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    /** policy, exit code, the phase it ends in, whether the container is restarted. */
    private record Case(String policy, int exitCode, String phase, boolean restarted) {
        String podName(String prefix) {
            return prefix + "-" + policy.toLowerCase() + "-" + exitCode;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(PodSpec.RESTART_ALWAYS, 0, PodStatus.PHASE_RUNNING, true),
            new Case(PodSpec.RESTART_ON_FAILURE, 3, PodStatus.PHASE_RUNNING, true),
            new Case(PodSpec.RESTART_ON_FAILURE, 0, PodStatus.PHASE_SUCCEEDED, false),
            new Case(PodSpec.RESTART_NEVER, 3, PodStatus.PHASE_FAILED, false),
            new Case(PodSpec.RESTART_NEVER, 0, PodStatus.PHASE_SUCCEEDED, false));

    @Test
    void theRestartPolicyDecides() {
        String prefix = uniqueName("policy");
        try (TestKubelet k = TestKubelet.start(api)) {
            // All cases at once on one node: they also show that pods do not wait for each other.
            for (Case c : CASES) {
                k.create(withRestartPolicy(pod(c.podName(prefix), shell("c", "sleep 1; exit " + c.exitCode())), c.policy()));
            }
            for (Case c : CASES) {
                String name = c.podName(prefix);
                if (c.restarted()) {
                    Pod seen = k.await(name, Duration.ofSeconds(60), p -> restartCount(p, "c") >= 1);
                    assertThat(seen.status().phase()).as("%s", c).isEqualTo(c.phase());
                    assertThat(container(seen, "c").orElseThrow().lastState().terminated().exitCode()).as("%s", c)
                            .isEqualTo(c.exitCode());
                } else {
                    Pod done = k.await(name, Duration.ofSeconds(60), p -> phase(p, c.phase()));
                    ContainerState.Terminated t = container(done, "c").orElseThrow().state().terminated();
                    assertThat(t.exitCode()).as("%s", c).isEqualTo(c.exitCode());
                    assertThat(t.reason()).as("%s", c).isEqualTo(c.exitCode() == 0 ? "Completed" : "Error");
                }
            }
            // Finished pods stay finished: no restart, and no infra container left running.
            sleep(Duration.ofSeconds(3));
            for (Case c : CASES.stream().filter(c -> !c.restarted()).toList()) {
                Pod later = k.get(c.podName(prefix));
                assertThat(restartCount(later, "c")).as("%s", c).isZero();
                assertThat(later.status().phase()).as("%s", c).isEqualTo(c.phase());
                assertThat(k.containers(later)).as("%s", c).noneMatch(RuntimeContainer::isRunning);
            }
        }
    }

    @Test
    void aCrashingContainerBacksOffWithGrowingDelays() {
        String name = uniqueName("crash");
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name, shell("c", "exit 1")));
            // Record when each restart shows up; the back-off is 1 s, doubling (test config).
            List<Long> restartSeen = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            long start = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Pod p = k.get(name);
                int count = restartCount(p, "c");
                while (restartSeen.size() < count) {
                    restartSeen.add((System.nanoTime() - start) / 1_000_000);
                }
                String reason = waitingReason(p, "c");
                if (reason != null) {
                    reasons.add(reason);
                    messages.add(container(p, "c").orElseThrow().state().waiting().message());
                }
                return count >= 3;
            });
            assertThat(reasons).contains(ContainerState.Waiting.REASON_CRASH_LOOP_BACK_OFF);
            // The kubelet's own words: the delay doubled between the restarts.
            assertThat(messages).anyMatch(m -> m != null && m.startsWith("back-off 1s restarting failed container=c"))
                    .anyMatch(m -> m != null && m.startsWith("back-off 2s restarting failed container=c"));
            // And the clock agrees: the third start came at least the second delay after the second.
            assertThat(restartSeen.get(2) - restartSeen.get(1)).as("restarts seen at %s ms", restartSeen)
                    .isGreaterThanOrEqualTo(1800);
            Pod p = k.get(name);
            assertThat(p.status().phase()).isEqualTo(PodStatus.PHASE_RUNNING);
            assertThat(container(p, "c").orElseThrow().lastState().terminated().exitCode()).isEqualTo(1);
            // Only the last dead container per container is kept.
            assertThat(k.containers(p).stream().filter(rc -> !rc.isRunning()
                    && "c".equals(rc.label(io.skiff.kubelet.runtime.ContainerLabels.CONTAINER_NAME)))).hasSizeLessThanOrEqualTo(2);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(reasons(k, name)).contains("BackOff", "Started", "Created"));
            // Repeats are one event with a count, not one event each.
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events(k, name))
                    .filteredOn(e -> e.reason().equals("Started")).singleElement()
                    .satisfies(e -> assertThat(e.count()).isGreaterThanOrEqualTo(3)));
        }
    }

    @Test
    void aMissingImageGivesErrImagePullWithTheEnginesMessage() {
        String name = uniqueName("noimage");
        // A registry on a loopback port nobody listens on: refused at once, never leaves the machine.
        Container c = withImage(shell("c", "true"), "127.0.0.1:1/skiff-test/absent:1")
                .withImagePullPolicy(Container.PULL_IF_NOT_PRESENT);
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(pod(name, c));
            Pod p = k.await(name, Duration.ofSeconds(40), x -> ContainerState.Waiting.REASON_ERR_IMAGE_PULL
                    .equals(waitingReason(x, "c")));
            assertThat(container(p, "c").orElseThrow().state().waiting().message())
                    .contains("127.0.0.1:1/skiff-test/absent:1").contains("connection refused");
            assertThat(p.status().phase()).isEqualTo(PodStatus.PHASE_PENDING);
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                    ContainerState.Waiting.REASON_IMAGE_PULL_BACK_OFF.equals(waitingReason(k.get(name), "c")));
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(reasons(k, name)).contains("Pulling", "Failed", "BackOff"));
        }
    }

    @Test
    void neverPullingAMissingImageIsErrImageNeverPull() {
        String name = uniqueName("neverpull");
        Container c = withImage(shell("c", "true"), "skiff-test/not-here:" + name);
        try (TestKubelet k = TestKubelet.start(api)) {
            k.create(withRestartPolicy(pod(name, c), PodSpec.RESTART_NEVER));
            Pod p = k.await(name, Duration.ofSeconds(30), x -> ContainerState.Waiting.REASON_ERR_IMAGE_NEVER_PULL
                    .equals(waitingReason(x, "c")));
            assertThat(container(p, "c").orElseThrow().state().waiting().message())
                    .isEqualTo("Container image \"skiff-test/not-here:" + name + "\" is not present with pull policy of Never");
        }
    }

    static List<String> reasons(TestKubelet k, String podName) {
        return events(k, podName).stream().map(Event::reason).toList();
    }

    static List<Event> events(TestKubelet k, String podName) {
        return k.client().events("default").list().items().stream()
                .filter(e -> podName.equals(e.involvedObject().name())).toList();
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
