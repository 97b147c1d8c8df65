package io.skiff.controller.replication;

import static io.skiff.controller.testing.TestObjects.onNode;
import static io.skiff.controller.testing.TestObjects.ownedBy;
import static io.skiff.controller.testing.TestObjects.pod;
import static io.skiff.controller.testing.TestObjects.rc;
import static io.skiff.controller.testing.TestObjects.withLabels;
import static io.skiff.controller.testing.TestObjects.withPhase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.meta.Status;
import io.skiff.client.ApiException;
import io.skiff.client.Watch;
import io.skiff.client.informer.SharedInformer;
import io.skiff.controller.Metrics;
import io.skiff.controller.testing.FakeListerWatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replication manager's decisions with its informers fed by a fake lister-watcher and its
 * writes recorded by a fake {@link ReplicaControl}: the test decides when the watch catches up.
 */
class ReplicationManagerTest {
    private static final Map<String, String> WEB = Map.of("app", "web");

    private final RecordingControl control = new RecordingControl();
    private final List<SharedInformer<?>> informers = new ArrayList<>();
    private FakeListerWatcher<Pod> podSource;

    @AfterEach
    void stop() {
        informers.forEach(SharedInformer::stop);
    }

    @Test
    void aSecondSyncBeforeTheWatchCatchesUpCreatesNothing() throws Exception {
        ReplicationController rc = rc("default", "web", 3, WEB);
        ReplicationManager rm = manager(List.of(rc), List.of());
        rm.sync("default/web");
        assertThat(control.created).hasSize(3);
        rm.sync("default/web");
        rm.sync("default/web");
        assertThat(control.created).hasSize(3);
        // The watch delivers two of the three: still waiting for the third, still nothing more.
        emitCreated(0);
        emitCreated(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> podCount() == 2);
        rm.sync("default/web");
        assertThat(control.created).hasSize(3);
        emitCreated(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> podCount() == 3);
        rm.sync("default/web");
        assertThat(control.created).hasSize(3);
        assertThat(control.statuses).last().extracting(ReplicationControllerStatus::replicas).isEqualTo(3);
    }

    @Test
    void deletesTheSurplusInDeletionOrderAndOnlyOnceBeforeTheWatchCatchesUp() throws Exception {
        ReplicationController rc = rc("default", "web", 2, WEB);
        List<Pod> pods = List.of(
                running(ownedBy(withLabels(pod("a"), WEB), rc)),
                running(ownedBy(withLabels(pod("b"), WEB), rc)),
                ownedBy(withLabels(pod("unscheduled"), WEB), rc),
                onNode(withPhase(ownedBy(withLabels(pod("pending"), WEB), rc), PodStatus.PHASE_PENDING, false), "n1"));
        ReplicationManager rm = manager(List.of(rc), pods);
        rm.sync("default/web");
        assertThat(control.deleted).containsExactlyInAnyOrder("unscheduled", "pending");
        rm.sync("default/web");
        assertThat(control.deleted).hasSize(2);
    }

    @Test
    void createsStopAtTheFirstFailingBatchAndTheFailureShowsInStatus() throws Exception {
        ReplicationController rc = rc("default", "web", 10, WEB);
        control.failCreatesFrom = 2; // the 3rd create fails: batches 1 and 2 (2nd, 3rd) run, then stop
        ReplicationManager rm = manager(List.of(rc), List.of());
        assertThatThrownBy(() -> rm.sync("default/web")).isInstanceOf(ApiException.class);
        assertThat(control.createAttempts.get()).isEqualTo(3);
        assertThat(control.statuses).last().satisfies(s -> {
            assertThat(s.conditions()).singleElement().satisfies(c -> {
                assertThat(c.type()).isEqualTo("ReplicaFailure");
                assertThat(c.reason()).isEqualTo("FailedCreate");
                assertThat(c.message()).contains("exceeded quota");
            });
        });
        // Failed and skipped creates are not expected: once the two made are seen, it tries again.
        emitCreated(0);
        emitCreated(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> podCount() == 2);
        control.failCreatesFrom = Integer.MAX_VALUE;
        rm.sync("default/web");
        assertThat(control.created).hasSize(10);
    }

    @Test
    void adoptsOrphansAndReleasesPodsThatStoppedMatching() throws Exception {
        ReplicationController rc = rc("default", "web", 2, WEB);
        Pod orphan = running(withLabels(pod("orphan"), WEB));
        Pod strayed = running(ownedBy(withLabels(pod("strayed"), Map.of("app", "debug")), rc));
        Pod owned = running(ownedBy(withLabels(pod("owned"), WEB), rc));
        ReplicationManager rm = manager(List.of(rc), List.of(orphan, strayed, owned));
        rm.sync("default/web");
        assertThat(control.adopted).containsExactly("orphan");
        assertThat(control.released).containsExactly("strayed");
        assertThat(control.created).isEmpty();
        assertThat(control.deleted).isEmpty();
    }

    @Test
    void statusIsWrittenOnlyWhenItChanges() throws Exception {
        ReplicationController rc = rc("default", "web", 0, WEB);
        ReplicationManager rm = manager(List.of(rc.withStatus(new ReplicationControllerStatus(0, 0, 0, 0, 1L, null))),
                List.of());
        rm.sync("default/web");
        rm.sync("default/web");
        assertThat(control.statuses).isEmpty();
    }

    @Test
    void aSlowControllerHoldsOneWorkerAndBlocksNoOther() throws Exception {
        ReplicationController slow = rc("default", "slow", 1, Map.of("app", "slow"));
        ReplicationController fast1 = rc("default", "fast-1", 2, Map.of("app", "fast-1"));
        ReplicationController fast2 = rc("default", "fast-2", 2, Map.of("app", "fast-2"));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        control.blockCreatesOf = "slow";
        control.release = release;
        ReplicationManager rm = manager(List.of(slow, fast1, fast2), List.of());
        rm.start();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(control.created)
                    .extracting(p -> p.metadata().generateName())
                    .containsExactlyInAnyOrder("fast-1-", "fast-1-", "fast-2-", "fast-2-"));
            assertThat(rm.queue().inFlight()).isEqualTo(1); // the slow one, still creating
        } finally {
            release.countDown();
            rm.stop(Duration.ofSeconds(5));
        }
        assertThat(control.created).extracting(p -> p.metadata().generateName()).contains("slow-");
    }

    private ReplicationManager manager(List<ReplicationController> rcs, List<Pod> pods) throws InterruptedException {
        SharedInformer<ReplicationController> rcInformer =
                new SharedInformer<>("rcs", new FakeListerWatcher<>(rcs), Duration.ZERO);
        podSource = new FakeListerWatcher<>(pods);
        SharedInformer<Pod> podInformer = new SharedInformer<>("pods", podSource, Duration.ZERO);
        informers.add(rcInformer);
        informers.add(podInformer);
        ReplicationManager rm = new ReplicationManager(rcInformer, podInformer, control, new ControllerExpectations(),
                2, 500, Clock.systemUTC(), new Metrics());
        rcInformer.start();
        podInformer.start();
        assertThat(rcInformer.waitForSync(Duration.ofSeconds(5))).isTrue();
        assertThat(podInformer.waitForSync(Duration.ofSeconds(5))).isTrue();
        this.podInformer = podInformer;
        return rm;
    }

    private SharedInformer<Pod> podInformer;

    private int podCount() {
        return podInformer.getIndexer().size();
    }

    private void emitCreated(int index) {
        Pod p = control.created.get(index);
        podSource.emit(Watch.EventType.ADDED, p);
    }

    private static Pod running(Pod p) {
        return onNode(withPhase(p, PodStatus.PHASE_RUNNING, true), "n1");
    }

    /** Records every write; creates succeed (named web-0, web-1, ...) unless told to fail. */
    static final class RecordingControl implements ReplicaControl {
        final List<Pod> created = Collections.synchronizedList(new ArrayList<>());
        final List<String> deleted = Collections.synchronizedList(new ArrayList<>());
        final List<String> adopted = Collections.synchronizedList(new ArrayList<>());
        final List<String> released = Collections.synchronizedList(new ArrayList<>());
        final List<ReplicationControllerStatus> statuses = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger createAttempts = new AtomicInteger();
        volatile int failCreatesFrom = Integer.MAX_VALUE;
        volatile String blockCreatesOf;
        volatile java.util.concurrent.CountDownLatch release;

        @Override
        public Pod createPod(ReplicationController rc) {
            if (rc.metadata().name().equals(blockCreatesOf)) {
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS); // an apiserver that hangs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int n = createAttempts.getAndIncrement();
            if (n >= failCreatesFrom) {
                throw new ApiException(Status.failure(403, "Forbidden", "pods \"web-\" is forbidden: exceeded quota",
                        null));
            }
            Pod template = ApiReplicaControl.fromTemplate(rc);
            Pod p = template.withMetadata(template.metadata().withName("web-" + n).withUid("uid-web-" + n)
                    .withResourceVersion(String.valueOf(100 + n)));
            created.add(p);
            return p;
        }

        @Override
        public boolean deletePod(ReplicationController rc, Pod pod) {
            deleted.add(pod.name());
            return true;
        }

        @Override
        public Optional<Pod> adoptPod(ReplicationController rc, Pod pod) {
            adopted.add(pod.name());
            return Optional.of(ownedBy(pod, rc));
        }

        @Override
        public void releasePod(ReplicationController rc, Pod pod) {
            released.add(pod.name());
        }

        @Override
        public Optional<ReplicationController> current(ReplicationController rc) {
            return Optional.of(rc);
        }

        @Override
        public void updateStatus(ReplicationController rc, ReplicationControllerStatus status) {
            statuses.add(status);
        }
    }
}
