package io.skiff.client;

import static io.skiff.client.Objects.boundPod;
import static io.skiff.client.Objects.freshNamespace;
import static io.skiff.client.Objects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.skiff.api.autoscaling.Scale;
import io.skiff.api.core.Container;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.auth.Authenticator;
import io.skiff.apiserver.auth.UserInfo;
import io.skiff.apiserver.testing.TestApiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed client against a real apiserver on the embedded SQLite store. */
@Timeout(120)
class SkiffClientTest {
    @RegisterExtension
    static final TestApiServer api = TestApiServer.sqlite();

    private static SkiffClient client;

    @BeforeAll
    static void connect() {
        client = new SkiffClient(ClientConfig.forServer(api.url().toString()));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void createGetUpdateDeleteWithKubernetesErrors() {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);

        Pod created = pods.create(pod("web"));
        assertThat(created.metadata().uid()).isNotBlank();
        assertThat(created.namespace()).isEqualTo(ns);
        assertThat(pods.get("web")).isEqualTo(created);
        assertThatThrownBy(() -> pods.create(pod("web")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isAlreadyExists()).isTrue());

        Pod updated = pods.update(created.withMetadata(created.metadata().withLabels(Map.of("app", "v2"))));
        assertThat(updated.metadata().labels()).containsEntry("app", "v2");
        assertThat(updated.metadata().resourceVersion()).isNotEqualTo(created.metadata().resourceVersion());
        // A write from the stale copy is a compare-and-swap that fails: 409 Conflict, nothing overwritten.
        assertThatThrownBy(() -> pods.update(created))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.isConflict()).isTrue();
                    assertThat(e.code()).isEqualTo(409);
                });
        assertThat(pods.get("web").metadata().labels()).containsEntry("app", "v2");

        pods.delete("web");
        assertThat(pods.find("web")).isEmpty();
        assertThatThrownBy(() -> pods.get("web"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.status().message()).contains("web");
                });
        assertThatThrownBy(() -> pods.delete("web"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void anInvalidObjectIs422WithEveryCause() {
        String ns = freshNamespace(client);
        Pod bad = new Pod(ObjectMeta.named("Bad_Name"), PodSpec.of(List.of(Container.of("", ""))), null);
        assertThatThrownBy(() -> client.pods(ns).create(bad))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.isInvalid()).isTrue();
                    assertThat(e.causes()).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(e.causes()).anySatisfy(c -> assertThat(c.field()).isEqualTo("metadata.name"));
                });
    }

    @Test
    void deleteOptionsGraceAndPreconditions() {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        Pod bound = pods.create(boundPod("graceful", "node-x"));

        // A bound pod is deleted gracefully: it stays, marked, until its kubelet is done.
        Pod marked = pods.delete("graceful").orElseThrow();
        assertThat(marked.metadata().deletionTimestamp()).isNotNull();
        assertThat(pods.find("graceful")).isPresent();

        // A precondition on a uid the pod does not have refuses the delete.
        assertThatThrownBy(() -> pods.delete("graceful",
                new DeleteOptions(0L, new DeleteOptions.Preconditions("not-" + bound.metadata().uid(), null),
                        null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isConflict()).isTrue());

        // Grace 0 with the right uid: gone at once.
        pods.delete("graceful", new DeleteOptions(0L, new DeleteOptions.Preconditions(bound.metadata().uid(), null),
                null, DeleteOptions.PROPAGATION_BACKGROUND, null));
        assertThat(pods.find("graceful")).isEmpty();
    }

    @Test
    void labelAndFieldSelectorsAcrossNamespaces() {
        String ns1 = freshNamespace(client);
        String ns2 = freshNamespace(client);
        client.pods(ns1).create(pod("a", Map.of("app", "web", "tier", "front")));
        client.pods(ns1).create(pod("b", Map.of("app", "db")));
        client.pods(ns2).create(pod("c", Map.of("app", "web")));
        client.pods(ns2).create(boundPod("d", "node-7"));

        assertThat(names(client.pods(ns1).list(ListOptions.labelSelector("app=web")))).containsExactly("a");
        assertThat(names(client.pods(ns1).list(ListOptions.labelSelector("app in (web,db),!tier"))))
                .containsExactly("b");
        assertThat(names(client.pods(null).list(ListOptions.labelSelector("app=web")).items().stream()
                .filter(p -> p.namespace().equals(ns1) || p.namespace().equals(ns2)).toList()))
                .containsExactlyInAnyOrder("a", "c");
        assertThat(names(client.pods(null).list(ListOptions.fieldSelector("spec.nodeName=node-7"))))
                .containsExactly("d");
        assertThat(names(client.pods(ns2).list(ListOptions.fieldSelector("metadata.name=c")))).containsExactly("c");
        assertThatThrownBy(() -> client.pods(ns1).list(ListOptions.fieldSelector("spec.bogus=x")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void paginationWalksOneSnapshot() {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        for (int i = 0; i < 25; i++) {
            pods.create(pod(String.format("p%02d", i)));
        }
        KubeList<Pod> first = pods.list(ListOptions.NONE.withLimit(10L));
        assertThat(first.items()).hasSize(10);
        assertThat(first.metadata().continueToken()).isNotBlank();
        KubeList<Pod> second = pods.list(ListOptions.NONE.withLimit(10L).withContinue(first.metadata().continueToken()));
        assertThat(second.items()).hasSize(10);
        pods.create(pod("p99")); // after the snapshot: not in its later pages
        KubeList<Pod> third = pods.list(ListOptions.NONE.withLimit(10L).withContinue(second.metadata().continueToken()));
        assertThat(third.items()).hasSize(5);
        assertThat(third.metadata().continueToken()).isNull();
        Set<String> seen = new HashSet<>();
        for (KubeList<Pod> page : List.of(first, second, third)) {
            page.items().forEach(p -> assertThat(seen.add(p.name())).isTrue());
        }
        assertThat(seen).hasSize(25).doesNotContain("p99");

        KubeList<Pod> all = pods.listAll(ListOptions.NONE.withLimit(7L));
        assertThat(all.items()).hasSize(26);
        assertThat(all.metadata().resourceVersion()).isNotBlank();
    }

    @Test
    void watchDeliversTypedEventsFromAResourceVersionAndClosesPromptly() throws Exception {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        String rv = pods.list().metadata().resourceVersion();
        try (Watch<Pod> w = pods.watch(ListOptions.NONE.withResourceVersion(rv))) {
            Pod a = pods.create(pod("a"));
            Pod a2 = pods.update(a.withMetadata(a.metadata().withLabels(Map.of("v", "2"))));
            pods.delete("a");
            List<Watch.Event<Pod>> events = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                events.add(w.next());
            }
            assertThat(events).extracting(Watch.Event::type)
                    .containsExactly(Watch.EventType.ADDED, Watch.EventType.MODIFIED, Watch.EventType.DELETED);
            assertThat(events.get(0).object()).isEqualTo(a);
            assertThat(events.get(1).object()).isEqualTo(a2);
            assertThat(events.get(2).object().name()).isEqualTo("a");
            assertThat(Long.parseLong(events.get(2).resourceVersion()))
                    .isGreaterThan(Long.parseLong(a2.metadata().resourceVersion()));

            int watchers = api.server().registries().pods().cache().watcherCount();
            // A reader blocked in next() is released at once when another thread closes the watch.
            CompletableFuture<Watch.Event<Pod>> blocked = CompletableFuture.supplyAsync(w::next,
                    Executors.newVirtualThreadPerTaskExecutor());
            Thread.sleep(200);
            assertThat(blocked).isNotDone();
            long t0 = System.nanoTime();
            w.close();
            assertThat(blocked.get(2, TimeUnit.SECONDS)).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            assertThat(w.isClosed()).isTrue();
            // The connection is really gone (not kept for reuse, not left unread): the server's
            // writes to it fail (the first may still land in the socket buffer) and it lets its
            // watcher go.
            int[] nudges = {0};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                pods.create(pod("nudge-" + nudges[0]++));
                return api.server().registries().pods().cache().watcherCount() == watchers - 1;
            });
        }
    }

    @Test
    void watchWithSelectorsAndTimeoutEndsWhenTheServerSaysSo() {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        String rv = pods.list().metadata().resourceVersion();
        long t0 = System.nanoTime();
        try (Watch<Pod> w = pods.watch(ListOptions.labelSelector("app=web").withResourceVersion(rv)
                .withTimeoutSeconds(2L))) {
            pods.create(pod("other", Map.of("app", "db")));
            pods.create(pod("web", Map.of("app", "web")));
            Watch.Event<Pod> e = w.next();
            assertThat(e.type()).isEqualTo(Watch.EventType.ADDED);
            assertThat(e.object().name()).isEqualTo("web");
            assertThat(w.next()).as("the stream ends after timeoutSeconds").isNull();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(30));
    }

    /** The request timeout bounds the wait for a watch's headers only; an idle watch outlives it. */
    @Test
    void anIdleWatchOutlivesTheRequestTimeout() throws Exception {
        String ns = freshNamespace(client);
        try (SkiffClient impatient = new SkiffClient(ClientConfig.forServer(api.url().toString())
                .withRequestTimeout(Duration.ofSeconds(1)));
                Watch<Pod> w = impatient.pods(ns).watch(ListOptions.NONE.withResourceVersion("0"))) {
            CompletableFuture<Watch.Event<Pod>> next = CompletableFuture.supplyAsync(w::next,
                    Executors.newVirtualThreadPerTaskExecutor());
            Thread.sleep(2500);
            assertThat(next).isNotDone();
            Pod p = client.pods(ns).create(pod("late"));
            assertThat(next.get(10, TimeUnit.SECONDS).object()).isEqualTo(p);
        }
    }

    @Test
    void statusBindingAndScaleSubresources() {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        Pod p = pods.create(pod("s"));

        Pod withStatus = pods.updateStatus(p.withStatus(PodStatus.ofPhase(PodStatus.PHASE_RUNNING)));
        assertThat(withStatus.status().phase()).isEqualTo("Running");
        pods.bind("s", "node-1");
        assertThat(pods.get("s").spec().nodeName()).isEqualTo("node-1");
        assertThat(pods.get("s").status().phase()).isEqualTo("Running");

        ReplicationControllerClient rcs = client.replicationControllers(ns);
        Map<String, String> sel = Map.of("app", "rc");
        rcs.create(new ReplicationController(ObjectMeta.named("rc"), new ReplicationControllerSpec(1, null, sel,
                new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(sel),
                        PodSpec.of(List.of(Container.of("main", "busybox:latest"))))), null));
        assertThat(rcs.getScale("rc").spec().replicas()).isEqualTo(1);
        Scale scaled = rcs.scale("rc", 3);
        assertThat(scaled.spec().replicas()).isEqualTo(3);
        assertThat(rcs.get("rc").spec().replicas()).isEqualTo(3);
        Scale s = rcs.getScale("rc");
        rcs.updateScale("rc", s.withSpec(new Scale.Spec(5)));
        assertThat(rcs.get("rc").spec().replicas()).isEqualTo(5);

        Node node = client.nodes().create(new Node(ObjectMeta.named("n-" + ns), null, null));
        Node ready = client.nodes().updateStatus(node.withStatus(new NodeStatus(null, null,
                List.of(new NodeStatus.NodeCondition("Ready", "True", null, null, "KubeletReady", "ok")),
                null, null, null, null)));
        assertThat(ready.status().conditions()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo("True"));
        client.nodes().delete(node.name());
    }

    @Test
    void patchesOfAllThreeKinds() {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        pods.create(pod("p", Map.of("a", "1", "b", "2")));

        Pod merged = pods.patch("p", PatchType.MERGE, "{\"metadata\":{\"labels\":{\"a\":null,\"c\":\"3\"}}}");
        assertThat(merged.metadata().labels()).isEqualTo(Map.of("b", "2", "c", "3"));

        Pod json = pods.patch("p", PatchType.JSON, "[{\"op\":\"replace\",\"path\":\"/metadata/labels/b\",\"value\":\"9\"}]");
        assertThat(json.metadata().labels()).containsEntry("b", "9");

        Pod strategic = pods.patch("p", PatchType.STRATEGIC,
                "{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox:1.36\"}]}}");
        assertThat(strategic.spec().containers()).singleElement()
                .satisfies(c -> assertThat(c.image()).isEqualTo("busybox:1.36"));

        Pod status = pods.patchStatus("p", PatchType.MERGE, "{\"status\":{\"phase\":\"Running\"}}");
        assertThat(status.status().phase()).isEqualTo("Running");
    }

    /** 16 writers, 10 label additions each, on one pod: read-modify-write with retry loses none. */
    @Test
    void updateWithRetryFromSixteenThreadsLosesNoUpdate() throws Exception {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        long rv0 = Long.parseLong(pods.create(pod("hot", Map.of())).metadata().resourceVersion());
        int threads = 16;
        int each = 10;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String key = "w" + id + "-" + i;
                        pods.updateWithRetry("hot", p -> {
                            Map<String, String> labels = new HashMap<>(p.metadata().labels() == null
                                    ? Map.of() : p.metadata().labels());
                            labels.put(key, "x");
                            return p.withMetadata(p.metadata().withLabels(labels));
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(100, TimeUnit.SECONDS);
            }
        }
        Pod hot = pods.get("hot");
        assertThat(hot.metadata().labels()).hasSize(threads * each);
        assertThat(Long.parseLong(hot.metadata().resourceVersion()) - rv0).isGreaterThanOrEqualTo(threads * each);
        // A change that changes nothing writes nothing.
        Pod same = pods.updateWithRetry("hot", p -> p);
        assertThat(same.metadata().resourceVersion()).isEqualTo(hot.metadata().resourceVersion());
    }

    @Test
    void watchFromACompactedVersionIsGone() {
        try (TestApiServer small = TestApiServer.sqlite().config(c -> c.withWatchCacheWindow(3)).start();
                SkiffClient c = new SkiffClient(ClientConfig.forServer(small.url().toString()))) {
            String ns = freshNamespace(c);
            PodClient pods = c.pods(ns);
            String old = pods.create(pod("p0")).metadata().resourceVersion();
            for (int i = 1; i <= 10; i++) {
                pods.create(pod("p" + i));
            }
            assertThat(watchOutcome(pods, old)).isEqualTo("410");
            String recent = pods.list().metadata().resourceVersion();
            assertThat(watchOutcome(pods, recent)).isEqualTo("open");
        }
    }

    @Test
    void theBearerTokenGoesWithEveryRequestAndItsAbsenceIs401() {
        Authenticator tokens = headers -> ("Bearer s3cret".equals(headers.apply("Authorization")))
                ? Optional.of(new UserInfo("alice", "1", List.of(UserInfo.GROUP_MASTERS)))
                : Optional.empty();
        try (TestApiServer secured = TestApiServer.sqlite().builder(b -> b.authenticator(tokens)).start();
                SkiffClient anonymous = new SkiffClient(ClientConfig.forServer(secured.url().toString()));
                SkiffClient alice = new SkiffClient(ClientConfig.forServer(secured.url().toString())
                        .withBearerToken("s3cret"))) {
            assertThatThrownBy(() -> anonymous.pods("default").list())
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(401);
                        assertThat(e.reason()).isEqualTo("Unauthorized");
                    });
            assertThatThrownBy(() -> anonymous.pods("default").watch(ListOptions.NONE))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(401));
            Pod p = alice.pods("default").create(pod("mine"));
            try (Watch<Pod> w = alice.pods("default").watch(ListOptions.NONE.withResourceVersion("0"))) {
                Watch.Event<Pod> e = w.next();
                assertThat(e.type()).isEqualTo(Watch.EventType.ADDED);
                assertThat(e.object()).isEqualTo(p);
            }
        }
    }

    @Test
    void bookmarksCarryTheResourceVersionAWatchHasReached() {
        try (TestApiServer marked = TestApiServer.sqlite().config(c -> c.withBookmarkInterval(Duration.ofMillis(200)))
                .start();
                SkiffClient c = new SkiffClient(ClientConfig.forServer(marked.url().toString()))) {
            String ns = freshNamespace(c);
            Pod p = c.pods(ns).create(pod("p"));
            try (Watch<Pod> w = c.pods(ns).watch(ListOptions.NONE.withResourceVersion(p.metadata().resourceVersion())
                    .withAllowWatchBookmarks(true).withTimeoutSeconds(10L))) {
                Watch.Event<Pod> e = w.next();
                assertThat(e.type()).isEqualTo(Watch.EventType.BOOKMARK);
                assertThat(Long.parseLong(e.resourceVersion()))
                        .isGreaterThanOrEqualTo(Long.parseLong(p.metadata().resourceVersion()));
                assertThat(e.object().spec()).isNull();
            }
        }
    }

    /** 410 refused at open or as a first ERROR event (Kubernetes does both), or "open". */
    private static String watchOutcome(PodClient pods, String rv) {
        try (Watch<Pod> w = pods.watch(ListOptions.NONE.withResourceVersion(rv).withTimeoutSeconds(1L))) {
            Watch.Event<Pod> e = w.next();
            if (e != null && e.type() == Watch.EventType.ERROR) {
                return new ApiException(e.status()).isGone() ? "410" : "error " + e.status();
            }
            return "open";
        } catch (ApiException e) {
            return e.isGone() ? "410" : "error " + e.getMessage();
        }
    }

    private static List<String> names(KubeList<Pod> list) {
        return names(list.items());
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(Pod::name).toList();
    }
}
