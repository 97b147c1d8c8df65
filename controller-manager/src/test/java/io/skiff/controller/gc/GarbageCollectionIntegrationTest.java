package io.skiff.controller.gc;

import static io.skiff.controller.testing.Cluster.activePods;
import static io.skiff.controller.testing.Cluster.allPods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.ListOptions;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.ListerWatcher;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.testing.Cluster;
import io.skiff.controller.testing.SimulatedKubelets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deleting an RC with each propagation policy, with the replication manager, scheduler and GC running. */
class GarbageCollectionIntegrationTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    static SkiffClient client;
    static SimulatedKubelets kubelets;
    static ControllerManager manager;

    @BeforeAll
    static void startCluster() {
        client = Cluster.client(API);
        kubelets = new SimulatedKubelets(client, Duration.ofSeconds(2));
        kubelets.addNode("gc-node-0");
        kubelets.addNode("gc-node-1");
        manager = Cluster.manager(API, java.util.Set.of("replication", "scheduler", "garbage-collector"));
    }

    @AfterAll
    static void stopCluster() {
        manager.close();
        kubelets.close();
        client.close();
    }

    @Test
    void backgroundDeletionDeletesThePods() {
        String ns = running("bg", 3);
        client.replicationControllers(ns).delete("web", policy(DeleteOptions.PROPAGATION_BACKGROUND));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.replicationControllers(ns).find("web")).isEmpty();
            assertThat(allPods(client, ns, "web")).isEmpty();
        });
    }

    @Test
    void deletionWithoutAPolicyDeletesThePodsToo() {
        String ns = running("default-policy", 2);
        client.replicationControllers(ns).delete("web");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(allPods(client, ns, "web")).isEmpty());
    }

    @Test
    void orphanDeletionKeepsThePodsAndRemovesTheirOwnerReferences() throws Exception {
        String ns = running("orphan", 3);
        List<String> before = activePods(client, ns, "web").stream().map(p -> p.metadata().uid()).toList();
        client.replicationControllers(ns).delete("web", policy(DeleteOptions.PROPAGATION_ORPHAN));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.replicationControllers(ns).find("web")).isEmpty();
            assertThat(activePods(client, ns, "web")).hasSize(3)
                    .allSatisfy(p -> assertThat(p.metadata().ownerReferences()).isNullOrEmpty());
        });
        Thread.sleep(1500); // nobody deletes them afterwards either
        assertThat(activePods(client, ns, "web")).extracting(p -> p.metadata().uid())
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void foregroundDeletionKeepsTheControllerUntilItsPodsAreGone() throws Exception {
        String ns = running("fg", 3);
        ConcurrentLinkedQueue<String> deletions = new ConcurrentLinkedQueue<>();
        SharedInformer<Pod> pods = new SharedInformer<>("fg-pods", ListerWatcher.of(client.pods(ns), ListOptions.NONE),
                Duration.ZERO);
        SharedInformer<ReplicationController> rcs = new SharedInformer<>("fg-rcs",
                ListerWatcher.of(client.replicationControllers(ns), ListOptions.NONE), Duration.ZERO);
        pods.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onDelete(Pod p, boolean unknown) {
                deletions.add("pod");
            }
        });
        rcs.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onDelete(ReplicationController rc, boolean unknown) {
                deletions.add("rc");
            }
        });
        pods.start();
        rcs.start();
        try {
            assertThat(pods.waitForSync(Duration.ofSeconds(10)) && rcs.waitForSync(Duration.ofSeconds(10))).isTrue();
            client.replicationControllers(ns).delete("web", policy(DeleteOptions.PROPAGATION_FOREGROUND));
            ReplicationController deleting = client.replicationControllers(ns).get("web");
            assertThat(deleting.metadata().deletionTimestamp()).isNotNull();
            assertThat(deleting.metadata().finalizers()).contains("foregroundDeletion");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(client.replicationControllers(ns).find("web")).isEmpty();
                assertThat(allPods(client, ns, "web")).isEmpty();
                assertThat(deletions).contains("rc");
            });
            // Every pod went before the controller did.
            assertThat(deletions).containsExactly("pod", "pod", "pod", "rc");
        } finally {
            pods.stop();
            rcs.stop();
        }
    }

    /** A namespace with an RC "web" whose {@code replicas} pods run. */
    private static String running(String prefix, int replicas) {
        String ns = Cluster.namespace(client, prefix);
        client.replicationControllers(ns).create(Cluster.rc(ns, "web", replicas));
        await().atMost(Duration.ofSeconds(30)).until(() -> activePods(client, ns, "web").size() == replicas);
        return ns;
    }

    private static DeleteOptions policy(String policy) {
        return new DeleteOptions(null, null, null, policy, null);
    }
}
