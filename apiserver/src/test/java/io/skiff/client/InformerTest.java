package io.skiff.client;

import static io.skiff.client.Objects.boundPod;
import static io.skiff.client.Objects.freshNamespace;
import static io.skiff.client.Objects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodStatus;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.Indexers;
import io.skiff.client.informer.InformerOptions;
import io.skiff.client.informer.ListerWatcher;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.client.informer.SharedInformerFactory;
import io.skiff.testing.RecordingHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shared informers against a real apiserver on the embedded SQLite store. */
@Timeout(180)
class InformerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final TestApiServer api = TestApiServer.sqlite();

    private static SkiffClient client;
    private final List<SharedInformer<?>> started = new ArrayList<>();

    @BeforeAll
    static void connect() {
        client = new SkiffClient(ClientConfig.forServer(api.url().toString()));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @AfterEach
    void stopInformers() {
        started.forEach(SharedInformer::stop);
    }

    private SharedInformer<Pod> informer(ListerWatcher<Pod> lw, InformerOptions options, RecordingHandler<Pod> h)
            throws InterruptedException {
        SharedInformer<Pod> inf = new SharedInformer<>("pods-test", lw, options);
        inf.addEventHandler(h);
        started.add(inf);
        inf.start();
        assertThat(inf.waitForSync(WAIT)).isTrue();
        return inf;
    }

    static Map<String, String> versions(List<Pod> pods) {
        return pods.stream().collect(Collectors.toMap(Indexer::keyOf, p -> p.metadata().resourceVersion()));
    }

    @Test
    void seesCreatesUpdatesAndDeletesInOrder() throws Exception {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        Pod pre = pods.create(pod("pre"));
        RecordingHandler<Pod> h = new RecordingHandler<>();
        SharedInformer<Pod> inf = informer(ListerWatcher.of(pods, ListOptions.NONE), InformerOptions.DEFAULTS, h);

        Pod a = pods.create(pod("a"));
        Pod a2 = pods.update(a.withMetadata(a.metadata().withLabels(Map.of("v", "2"))));
        Pod b = pods.create(pod("b"));
        pods.delete("a");
        Pod b2 = pods.updateStatus(b.withStatus(PodStatus.ofPhase(PodStatus.PHASE_RUNNING)));
        pods.delete("pre");
        Map<String, String> server = versions(pods.list().items());

        await().atMost(WAIT).until(() -> h.events().size() == 7);
        List<String> ev = h.events();
        assertThat(ev.subList(0, 6)).containsExactly(
                "add " + ns + "/pre@" + rv(pre),
                "add " + ns + "/a@" + rv(a),
                "update " + ns + "/a@" + rv(a) + "->" + rv(a2),
                "add " + ns + "/b@" + rv(b),
                ev.get(4), // the delete of a, at its deletion's version
                "update " + ns + "/b@" + rv(b) + "->" + rv(b2));
        assertThat(ev.get(4)).startsWith("delete " + ns + "/a@");
        assertThat(ev.get(6)).startsWith("delete " + ns + "/pre@");
        assertThat(versions(inf.getIndexer().list())).isEqualTo(server);
        assertThat(h.view()).isEqualTo(server);
        assertThat(inf.listCount()).isEqualTo(1);
    }

    /** 8 writers on 10 pods: every handler sees each pod's versions strictly increasing, and ends equal to the server. */
    @Test
    void concurrentWritersAreSeenInOrderPerObject() throws Exception {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        for (int i = 0; i < 10; i++) {
            pods.create(pod("p" + i, Map.of()));
        }
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        RecordingHandler<Pod> h = new RecordingHandler<>();
        SharedInformer<Pod> inf = informer(ListerWatcher.of(pods, ListOptions.NONE), InformerOptions.DEFAULTS, h);
        inf.addEventHandler(ResourceEventHandler.onAnyChange(p -> seen.computeIfAbsent(Indexer.keyOf(p),
                k -> new ArrayList<>()).add(Long.parseLong(p.metadata().resourceVersion()))));
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String name = "p" + ThreadLocalRandom.current().nextInt(10);
                        String key = "w" + id + "-" + i;
                        pods.updateWithRetry(name, p -> {
                            Map<String, String> l = new HashMap<>(p.metadata().labels() == null ? Map.of()
                                    : p.metadata().labels());
                            l.put(key, "x");
                            return p.withMetadata(p.metadata().withLabels(l));
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(120, TimeUnit.SECONDS);
            }
        }
        Map<String, String> server = versions(pods.list().items());
        await().atMost(WAIT).until(() -> h.view().equals(server));
        assertThat(versions(inf.getIndexer().list())).isEqualTo(server);
        assertThat(h.events()).noneMatch(e -> e.startsWith("UNKNOWN") || e.startsWith("DUPLICATE"));
        seen.forEach((key, rvs) -> assertThat(rvs).as(key).isSorted().doesNotHaveDuplicates());
        assertThat(h.events().stream().filter(e -> e.startsWith("update"))).hasSize(200);
    }

    @Test
    void resyncRedeliversTheCache() throws Exception {
        String ns = freshNamespace(client);
        PodClient pods = client.pods(ns);
        Pod a = pods.create(pod("a"));
        RecordingHandler<Pod> h = new RecordingHandler<>();
        informer(ListerWatcher.of(pods, ListOptions.NONE), InformerOptions.withResync(Duration.ofMillis(300)), h);
        await().atMost(WAIT).until(() -> h.events().stream().filter(e -> e.startsWith("resync")).count() >= 3);
        assertThat(h.eventsWithout("resync")).containsExactly("add " + ns + "/a@" + rv(a));
        assertThat(h.events()).contains("resync " + ns + "/a@" + rv(a));
    }

    @Test
    void theFactorySharesInformersAndTheKubeletsNodeInformerSeesOnlyItsPods() throws Exception {
        String ns = freshNamespace(client);
        String node = "node-" + ns;
        PodClient pods = client.pods(ns);
        try (SharedInformerFactory factory = new SharedInformerFactory(client, Duration.ZERO)) {
            SharedInformer<Pod> all = factory.pods();
            assertThat(factory.informerFor(Pod.class)).isSameAs(all);
            SharedInformer<Pod> mine = factory.informerFor(Pod.class, null,
                    ListOptions.fieldSelector("spec.nodeName=" + node));
            assertThat(factory.informerFor(Pod.class, null, ListOptions.fieldSelector("spec.nodeName=" + node)))
                    .isSameAs(mine).isNotSameAs(all);
            RecordingHandler<Pod> h = new RecordingHandler<>();
            mine.addEventHandler(h);
            pods.create(boundPod("bound", node));
            pods.create(boundPod("elsewhere", "other-" + node));
            factory.start();
            assertThat(factory.waitForCacheSync(WAIT)).isTrue();

            pods.create(pod("later"));
            pods.bind("later", node); // enters the selection: ADDED to this informer
            await().atMost(WAIT).until(() -> h.view().keySet().equals(java.util.Set.of(ns + "/bound", ns + "/later")));
            await().atMost(WAIT).until(() -> all.getIndexer().byIndex(Indexers.NAMESPACE, ns).size() == 3);
            assertThat(all.getIndexer().byIndex(Indexers.NODE_NAME, node)).extracting(Pod::name)
                    .containsExactlyInAnyOrder("bound", "later");
            assertThat(mine.getIndexer().keys()).containsExactlyInAnyOrder(ns + "/bound", ns + "/later");

            pods.delete("bound", new io.skiff.api.meta.DeleteOptions(0L, null, null, null, null));
            await().atMost(WAIT).until(() -> h.view().keySet().equals(java.util.Set.of(ns + "/later")));
            assertThat(h.events()).anyMatch(e -> e.startsWith("delete " + ns + "/bound@"));
        }
    }

    /**
     * A forced 410: the informer's watch ends (the server's timeout), and before it can watch
     * again the server moves past its watch-cache window; the re-watch is refused with 410, the
     * informer relists, and the delete it missed is delivered.
     */
    @Test
    void a410ExpiredRelistsAndEndsEqualToTheServer() throws Exception {
        try (TestApiServer small = TestApiServer.sqlite().config(c -> c.withWatchCacheWindow(5)).start();
                SkiffClient c = new SkiffClient(ClientConfig.forServer(small.url().toString()))) {
            String ns = freshNamespace(c);
            PodClient pods = c.pods(ns);
            Pod doomed = pods.create(pod("doomed"));
            Pod kept = pods.create(pod("kept"));
            GatedListerWatcher<Pod> gate = new GatedListerWatcher<>(ListerWatcher.of(pods, ListOptions.NONE));
            RecordingHandler<Pod> h = new RecordingHandler<>();
            SharedInformer<Pod> inf = informer(gate,
                    InformerOptions.DEFAULTS.withMinWatchTimeout(Duration.ofSeconds(1)), h);
            await().atMost(WAIT).until(() -> h.events().size() == 2);

            gate.close();
            await().atMost(WAIT).until(() -> gate.waiting() == 1); // its watch timed out; it wants another
            pods.delete("doomed");
            Pod kept2 = pods.update(kept.withMetadata(kept.metadata().withLabels(Map.of("v", "2"))));
            for (int i = 0; i < 8; i++) {
                pods.create(pod("new" + i));
            }
            gate.open();

            Map<String, String> server = versions(pods.list().items());
            await().atMost(WAIT).until(() -> versions(inf.getIndexer().list()).equals(server)
                    && h.view().equals(server));
            assertThat(inf.listCount()).as("relisted after the 410").isEqualTo(2);
            assertThat(h.events()).contains(
                    "delete? " + ns + "/doomed@" + rv(doomed),
                    "update " + ns + "/kept@" + rv(kept) + "->" + rv(kept2));
            assertThat(h.events()).noneMatch(e -> e.startsWith("UNKNOWN") || e.startsWith("DUPLICATE"));
            inf.stop(); // before its server goes
        }
    }

    private static String rv(Pod p) {
        return p.metadata().resourceVersion();
    }
}
