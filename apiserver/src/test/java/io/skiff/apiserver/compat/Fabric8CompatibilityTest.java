package io.skiff.apiserver.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.RequestObserver;
import io.skiff.apiserver.testing.TestApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fabric8 kubernetes-client (7.x, JDK HttpClient) against a real Skiff apiserver: what a
 * Java program written for Kubernetes does — create, get, list by label, watch (fabric8 asks for
 * a websocket), informers, merge/strategic/JSON patches, scale, delete — works unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Fabric8CompatibilityTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Watches the server saw open, and whether each came as a websocket upgrade. */
    private final ConcurrentLinkedQueue<String> watchesOpened = new ConcurrentLinkedQueue<>();
    private TestApiServer api;
    private KubernetesClient client;

    @BeforeAll
    void start() {
        api = TestApiServer.sqlite().builder(b -> b.observer(new RequestObserver() {
            @Override
            public void watchOpened(RequestContext request) {
                String upgrade = request.header("Upgrade");
                watchesOpened.add(request.info().resource() + (upgrade == null ? " http" : " " + upgrade.toLowerCase()));
            }
        })).start();
        Config config = new ConfigBuilder().withMasterUrl(api.url().toString())
                .withRequestTimeout(30_000).withConnectionTimeout(5_000).build();
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private String namespace() {
        String ns = "f8-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        return ns;
    }

    private static Pod pod(String name, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec()
                .addToContainers(new ContainerBuilder().withName("app").withImage("busybox").withCommand("sleep", "1000").build())
                .addToContainers(new ContainerBuilder().withName("sidecar").withImage("busybox").build())
                .endSpec().build();
    }

    @Test
    void createGetAndListWithALabelSelector() {
        String ns = namespace();
        Pod created = client.pods().inNamespace(ns).resource(pod("web-1", Map.of("app", "web", "tier", "front"))).create();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getResourceVersion()).matches("\\d+");
        assertThat(created.getStatus().getPhase()).isEqualTo("Pending");
        client.pods().inNamespace(ns).resource(pod("web-2", Map.of("app", "web"))).create();
        client.pods().inNamespace(ns).resource(pod("db-1", Map.of("app", "db", "tier", "back"))).create();

        Pod got = client.pods().inNamespace(ns).withName("web-1").get();
        assertThat(got.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
        assertThat(got.getSpec().getContainers()).extracting(c -> c.getName()).containsExactly("app", "sidecar");
        assertThat(client.pods().inNamespace(ns).withName("nothing").get()).isNull();

        assertThat(names(client.pods().inNamespace(ns).withLabel("app", "web").list().getItems()))
                .containsExactly("web-1", "web-2");
        assertThat(names(client.pods().inNamespace(ns).withLabelIn("tier", "front", "back").list().getItems()))
                .containsExactly("db-1", "web-1");
        assertThat(names(client.pods().inNamespace(ns).withoutLabel("tier").list().getItems())).containsExactly("web-2");
        assertThat(names(client.pods().inNamespace(ns).withLabelSelector("app=web,tier").list().getItems()))
                .containsExactly("web-1");
        assertThat(names(client.pods().inNamespace(ns).withField("metadata.name", "db-1").list().getItems()))
                .containsExactly("db-1");

        assertThatThrownBy(() -> client.pods().inNamespace(ns).resource(pod("web-1", Map.of())).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
                });
    }

    @Test
    void watchEventsArriveOverAWebsocket() {
        String ns = namespace();
        List<String> events = new CopyOnWriteArrayList<>();
        int before = watchesOpened.size();
        try (Watch ignored = client.pods().inNamespace(ns).withLabel("watched", "yes").watch(new Watcher<Pod>() {
            @Override
            public void eventReceived(Action action, Pod resource) {
                events.add(action + " " + resource.getMetadata().getName() + " "
                        + resource.getMetadata().getLabels().getOrDefault("v", ""));
            }

            @Override
            public void onClose(WatcherException cause) {
                events.add("CLOSED " + (cause == null ? "" : cause.getMessage()));
            }
        })) {
            client.pods().inNamespace(ns).resource(pod("w", Map.of("watched", "yes", "v", "1"))).create();
            client.pods().inNamespace(ns).resource(pod("ignored", Map.of("watched", "no"))).create();
            client.pods().inNamespace(ns).withName("w").edit(p -> {
                p.getMetadata().getLabels().put("v", "2");
                return p;
            });
            client.pods().inNamespace(ns).withName("w").delete();
            await().atMost(WAIT).until(() -> events.size() >= 3);
            assertThat(events).containsExactly("ADDED w 1", "MODIFIED w 2", "DELETED w 2");
        }
        assertThat(List.copyOf(watchesOpened).subList(before, watchesOpened.size()))
                .as("fabric8 watched through a websocket upgrade").contains("pods websocket");
    }

    @Test
    void informerListsThenFollows() {
        String ns = namespace();
        client.pods().inNamespace(ns).resource(pod("first", Map.of())).create();
        List<String> seen = new CopyOnWriteArrayList<>();
        SharedIndexInformer<Pod> informer = client.pods().inNamespace(ns).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod obj) {
                seen.add("add " + obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(Pod oldObj, Pod newObj) {
                seen.add("update " + newObj.getMetadata().getName());
            }

            @Override
            public void onDelete(Pod obj, boolean deletedFinalStateUnknown) {
                seen.add("delete " + obj.getMetadata().getName());
            }
        }, 0);
        try {
            await().atMost(WAIT).until(informer::hasSynced);
            client.pods().inNamespace(ns).resource(pod("second", Map.of())).create();
            client.pods().inNamespace(ns).withName("first").delete();
            await().atMost(WAIT).until(() -> seen.size() >= 3);
            assertThat(seen).containsExactly("add first", "add second", "delete first");
            assertThat(informer.getStore().list()).extracting(p -> p.getMetadata().getName()).containsExactly("second");
        } finally {
            informer.close();
        }
    }

    @Test
    void mergeStrategicAndJsonPatches() {
        String ns = namespace();
        client.pods().inNamespace(ns).resource(pod("p", Map.of("a", "1"))).create();
        var one = client.pods().inNamespace(ns).withName("p");

        Pod merged = one.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"b\":\"2\",\"a\":null}}}");
        assertThat(merged.getMetadata().getLabels()).isEqualTo(Map.of("b", "2"));

        // Strategic: the containers list merges by name — only "sidecar" changes, "app" stays.
        Pod strategic = one.patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"busybox:1.36\"}]}}");
        assertThat(strategic.getSpec().getContainers()).extracting(c -> c.getName() + "=" + c.getImage())
                .containsExactly("app=busybox", "sidecar=busybox:1.36");

        Pod json = one.patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{\"note\":\"x\"}}]");
        assertThat(json.getMetadata().getAnnotations()).containsEntry("note", "x");

        // fabric8's own patch of a changed object (edit computes the patch client-side)
        Pod edited = one.edit(p -> {
            p.getMetadata().getLabels().put("c", "3");
            return p;
        });
        assertThat(edited.getMetadata().getLabels()).containsEntry("c", "3").containsEntry("b", "2");
        assertThat(Long.parseLong(edited.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(json.getMetadata().getResourceVersion()));
    }

    @Test
    void scaleAReplicationController() {
        String ns = namespace();
        ReplicationController rc = new ReplicationControllerBuilder().withNewMetadata().withName("frontend").endMetadata()
                .withNewSpec().withReplicas(1).withSelector(Map.of("app", "frontend"))
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "frontend")).endMetadata()
                .withNewSpec().addToContainers(new ContainerBuilder().withName("c").withImage("busybox").build()).endSpec()
                .endTemplate().endSpec().build();
        client.replicationControllers().inNamespace(ns).resource(rc).create();

        client.replicationControllers().inNamespace(ns).withName("frontend").scale(3);
        assertThat(client.replicationControllers().inNamespace(ns).withName("frontend").get().getSpec().getReplicas())
                .isEqualTo(3);
        var scale = client.replicationControllers().inNamespace(ns).withName("frontend").scale();
        assertThat(scale.getSpec().getReplicas()).isEqualTo(3);
        assertThat(scale.getApiVersion()).isEqualTo("autoscaling/v1");
    }

    @Test
    void servicesAndDeletes() {
        String ns = namespace();
        Service svc = client.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("web")
                .endMetadata().withNewSpec().withSelector(Map.of("app", "web")).addNewPort().withPort(80)
                .withNewTargetPort(8080).endPort().endSpec().build()).create();
        assertThat(svc.getSpec().getClusterIP()).isNotBlank();

        client.pods().inNamespace(ns).resource(pod("a", Map.of("del", "yes"))).create();
        client.pods().inNamespace(ns).resource(pod("b", Map.of("del", "yes"))).create();
        client.pods().inNamespace(ns).resource(pod("c", Map.of("del", "no"))).create();
        var bound = pod("bound", Map.of());
        bound.getSpec().setNodeName("node-1");
        client.pods().inNamespace(ns).resource(bound).create();

        assertThat(client.pods().inNamespace(ns).withName("c").delete()).hasSize(1);
        assertThat(client.pods().inNamespace(ns).withName("c").get()).isNull();
        assertThat(client.pods().inNamespace(ns).withLabel("del", "yes").delete()).hasSize(2);
        // A pod on a node goes gracefully; grace 0 is what the kubelet sends when its containers are gone.
        client.pods().inNamespace(ns).withName("bound").delete();
        assertThat(client.pods().inNamespace(ns).withName("bound").get().getMetadata().getDeletionTimestamp()).isNotNull();
        client.pods().inNamespace(ns).withName("bound").withGracePeriod(0).delete();
        await().atMost(WAIT).until(() -> client.pods().inNamespace(ns).list().getItems().isEmpty());
        assertThat(client.pods().inNamespace(ns).withName("missing").delete()).isEmpty();
    }

    @Test
    void updatesConflictsPagesStatusAndWaits() throws Exception {
        String ns = namespace();
        Pod created = client.pods().inNamespace(ns).resource(pod("u", Map.of("v", "1"))).create();

        Pod stale = new PodBuilder(created).editMetadata().addToLabels("v", "2").endMetadata().build();
        client.pods().inNamespace(ns).resource(new PodBuilder(created).editMetadata().addToLabels("v", "3").endMetadata()
                .build()).update();
        assertThatThrownBy(() -> client.pods().inNamespace(ns).resource(stale).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        Pod replaced = client.pods().inNamespace(ns).resource(new PodBuilder(pod("u", Map.of("v", "4"))).build())
                .createOr(NonDeletingOperation::update);
        assertThat(replaced.getMetadata().getLabels()).containsEntry("v", "4");

        for (int i = 0; i < 5; i++) {
            client.pods().inNamespace(ns).resource(pod("page-" + i, Map.of("paged", "yes"))).create();
        }
        var first = client.pods().inNamespace(ns).withLabel("paged", "yes")
                .list(new ListOptionsBuilder().withLimit(2L).build());
        assertThat(first.getItems()).hasSize(2);
        assertThat(first.getMetadata().getContinue()).isNotBlank();
        var second = client.pods().inNamespace(ns).withLabel("paged", "yes").list(
                new ListOptionsBuilder().withLimit(10L)
                        .withContinue(first.getMetadata().getContinue()).build());
        assertThat(second.getItems()).hasSize(3);
        assertThat(second.getMetadata().getContinue()).isNullOrEmpty();

        // The status subresource, as a kubelet written with fabric8 would report a pod running.
        CompletableFuture<Pod> running = CompletableFuture.supplyAsync(() -> client.pods().inNamespace(ns)
                .withName("u").waitUntilCondition(p -> p != null && "Running".equals(p.getStatus().getPhase()), 20,
                        TimeUnit.SECONDS));
        Pod current = client.pods().inNamespace(ns).withName("u").get();
        current.getStatus().setPhase("Running");
        Pod status = client.pods().inNamespace(ns).resource(current).updateStatus();
        assertThat(status.getStatus().getPhase()).isEqualTo("Running");
        assertThat(running.get(30, TimeUnit.SECONDS).getStatus().getPhase()).isEqualTo("Running");
        assertThat(client.pods().inNamespace(ns).withName("u").get().getMetadata().getLabels()).containsEntry("v", "4");

        // A watch from a resourceVersion sees only what came after it.
        String from = client.pods().inNamespace(ns).list().getMetadata().getResourceVersion();
        client.pods().inNamespace(ns).withName("page-0").edit(p -> {
            p.getMetadata().getLabels().put("after", "yes");
            return p;
        });
        List<String> events = new CopyOnWriteArrayList<>();
        try (Watch ignored = client.pods().inNamespace(ns).withResourceVersion(from).watch(new Watcher<Pod>() {
            @Override
            public void eventReceived(Action action, Pod resource) {
                events.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {}
        })) {
            await().atMost(WAIT).until(() -> !events.isEmpty());
            assertThat(events.get(0)).isEqualTo("MODIFIED page-0");
        }
    }

    @Test
    void nodesLeasesAndEvents() {
        String ns = namespace();
        String node = "f8-node-" + UUID.randomUUID().toString().substring(0, 6);
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node)
                .addToLabels("kubernetes.io/hostname", node).endMetadata().build()).create();
        assertThat(client.nodes().withLabel("kubernetes.io/hostname", node).list().getItems()).hasSize(1);
        client.leases().inNamespace(ns).resource(new LeaseBuilder()
                .withNewMetadata().withName(node).endMetadata().withNewSpec().withHolderIdentity(node)
                .withLeaseDurationSeconds(40).endSpec().build()).create();
        assertThat(client.leases().inNamespace(ns).withName(node).get().getSpec().getHolderIdentity()).isEqualTo(node);
        client.v1().events().inNamespace(ns).resource(new EventBuilder().withNewMetadata()
                .withName("e1").endMetadata().withNewInvolvedObject().withKind("Pod").withName("x").withNamespace(ns)
                .endInvolvedObject().withReason("Started").withMessage("started").withType("Normal").build()).create();
        assertThat(client.v1().events().inNamespace(ns).withField("involvedObject.name", "x").list().getItems())
                .extracting(e -> e.getReason()).containsExactly("Started");
        client.nodes().withName(node).delete();
        await().atMost(WAIT).until(() -> client.nodes().withName(node).get() == null);
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }
}
