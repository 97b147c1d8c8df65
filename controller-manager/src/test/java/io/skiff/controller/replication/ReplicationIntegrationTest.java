package io.skiff.controller.replication;

import static io.skiff.controller.testing.Cluster.activePods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.SkiffClient;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.Pods;
import io.skiff.controller.testing.Cluster;
import io.skiff.controller.testing.PodCountWatcher;
import io.skiff.controller.testing.SimulatedKubelets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The replication manager (with the scheduler) against a real apiserver and simulated kubelets. */
class ReplicationIntegrationTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    static SkiffClient client;
    static SimulatedKubelets kubelets;
    static ControllerManager manager;

    @BeforeAll
    static void startCluster() {
        client = Cluster.client(API);
        kubelets = new SimulatedKubelets(client, Duration.ofSeconds(2));
        for (int i = 0; i < 3; i++) {
            kubelets.addNode("rep-node-" + i);
        }
        manager = new ControllerManager(Cluster.config(API)
                .withControllers(java.util.Set.of("replication", "scheduler", "garbage-collector"))).start();
    }

    @AfterAll
    static void stopCluster() {
        manager.close();
        kubelets.close();
        client.close();
    }

    @Test
    void createsTheReplicasAndTheyRun() {
        String ns = Cluster.namespace(client, "smoke");
        client.replicationControllers(ns).create(Cluster.rc(ns, "web", 3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Pod> pods = activePods(client, ns, "web");
            assertThat(pods).hasSize(3).allSatisfy(p -> {
                assertThat(Pods.isReady(p)).isTrue();
                assertThat(p.metadata().name()).startsWith("web-");
                assertThat(Pods.controllerRef(p).name()).isEqualTo("web");
            });
            ReplicationController rc = client.replicationControllers(ns).get("web");
            assertThat(rc.status().replicas()).isEqualTo(3);
            assertThat(rc.status().readyReplicas()).isEqualTo(3);
        });
    }

    @Test
    void scalesZeroToFiftyToFiveToThirtyNeverOvershooting() throws Exception {
        String ns = Cluster.namespace(client, "scale");
        var rcs = client.replicationControllers(ns);
        rcs.create(Cluster.rc(ns, "scale", 0));
        try (PodCountWatcher watcher = new PodCountWatcher(client, ns, "app=scale")) {
            int previous = 0;
            for (int target : new int[] {50, 5, 30}) {
                watcher.resetExtremes();
                rcs.scale("scale", target);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(watcher.count()).isEqualTo(target);
                    ReplicationController rc = rcs.get("scale");
                    assertThat(rc.status().replicas()).isEqualTo(target);
                    assertThat(rc.status().observedGeneration()).isEqualTo(rc.metadata().generation());
                });
                // A plateau: it stays exact (a late double-create would show here).
                Thread.sleep(1500);
                assertThat(watcher.count()).as("active pods at plateau %d", target).isEqualTo(target);
                assertThat(activePods(client, ns, "scale")).hasSize(target);
                // In between: never above the larger of the two plateaus, never below the smaller.
                assertThat(watcher.max()).as("most active pods going %d -> %d", previous, target)
                        .isLessThanOrEqualTo(Math.max(previous, target));
                assertThat(watcher.min()).as("fewest active pods going %d -> %d", previous, target)
                        .isGreaterThanOrEqualTo(Math.min(previous, target));
                previous = target;
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(rcs.get("scale").status().readyReplicas()).isEqualTo(30));
    }

    @Test
    void aPodDeletedByHandIsReplaced() {
        String ns = Cluster.namespace(client, "replace");
        client.replicationControllers(ns).create(Cluster.rc(ns, "web", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> activePods(client, ns, "web").size() == 2);
        Pod victim = activePods(client, ns, "web").get(0);
        client.pods(ns).delete(victim.name());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Pod> pods = activePods(client, ns, "web");
            assertThat(pods).hasSize(2);
            assertThat(pods).extracting(p -> p.metadata().uid()).doesNotContain(victim.metadata().uid());
        });
    }

    @Test
    void twentyControllersAreSyncedConcurrently() {
        String ns = Cluster.namespace(client, "many");
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            client.replicationControllers(ns).create(Cluster.rc(ns, "rc-" + i, 3));
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (int i = 0; i < 20; i++) {
                ReplicationController rc = client.replicationControllers(ns).get("rc-" + i);
                assertThat(rc.status()).as("status of rc-%d", i).isNotNull();
                assertThat(rc.status().replicas()).as("replicas of rc-%d", i).isEqualTo(3);
            }
        });
        assertThat(client.pods(ns).list().items().stream().filter(Pods::isActive)).hasSize(60);
        System.out.printf("20 RCs x 3 pods created in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void adoptsAMatchingOrphanAndReleasesAPodRelabelledAway() {
        String ns = Cluster.namespace(client, "adopt");
        ReplicationController template = Cluster.rc(ns, "web", 2);
        Pod orphan = client.pods(ns).create(new Pod(io.skiff.api.meta.ObjectMeta.of(ns, "orphan")
                .withLabels(java.util.Map.of("app", "web")), template.spec().template().spec(), null));
        ReplicationController rc = client.replicationControllers(ns).create(template);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Pod> pods = activePods(client, ns, "web");
            assertThat(pods).hasSize(2).allSatisfy(p -> {
                assertThat(Pods.controllerRef(p).uid()).isEqualTo(rc.metadata().uid());
                assertThat(Pods.controllerRef(p).blockOwnerDeletion()).isTrue();
            });
            assertThat(pods).extracting(p -> p.metadata().uid()).contains(orphan.metadata().uid());
        });

        // Relabel the adopted pod away: released (no ownerReference), and replaced.
        client.pods(ns).updateWithRetry("orphan", p -> p.withMetadata(p.metadata()
                .withLabels(java.util.Map.of("app", "debug"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(client.pods(ns).get("orphan").metadata().ownerReferences()).isNullOrEmpty();
            assertThat(activePods(client, ns, "web")).hasSize(2)
                    .extracting(p -> p.metadata().uid()).doesNotContain(orphan.metadata().uid());
        });
    }
}
