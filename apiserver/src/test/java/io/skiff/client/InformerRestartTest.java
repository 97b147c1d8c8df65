package io.skiff.client;

import static io.skiff.client.Objects.freshNamespace;
import static io.skiff.client.Objects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Pod;
import io.skiff.client.informer.InformerOptions;
import io.skiff.client.informer.ListerWatcher;
import io.skiff.client.informer.SharedInformer;
import io.skiff.testing.RecordingHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The apiserver stops mid-watch; while it is down another apiserver on the same store deletes,
 * changes, replaces and creates pods; then it comes back on the same port. The informer must
 * end with the server's list and tell its handlers exactly what changed, the delete included.
 */
@Timeout(180)
class InformerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anApiserverRestartMidWatchEndsWithTheServersListAndDeliversTheMissedDelete() throws Exception {
        try (RestartableApiServer server = new RestartableApiServer()) {
            String url = server.start().toString();
            try (SkiffClient client = new SkiffClient(ClientConfig.forServer(url)
                    .withConnectTimeout(Duration.ofSeconds(2)))) {
                String ns = freshNamespace(client);
                PodClient pods = client.pods(ns);
                Pod gone = pods.create(pod("gone"));
                Pod changed = pods.create(pod("changed"));
                Pod same = pods.create(pod("same"));
                Pod replaced = pods.create(pod("replaced"));

                RecordingHandler<Pod> h = new RecordingHandler<>();
                SharedInformer<Pod> inf = new SharedInformer<>("pods-restart", ListerWatcher.of(pods, ListOptions.NONE),
                        InformerOptions.DEFAULTS.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
                inf.addEventHandler(h);
                inf.start();
                try {
                    assertThat(inf.waitForSync(WAIT)).isTrue();
                    await().atMost(WAIT).until(() -> h.events().size() == 4);
                    h.clear();

                    server.stop();
                    assertThatThrownBy(() -> pods.get("same")).isInstanceOf(ServerConnectionException.class)
                            .hasMessageContaining(url);

                    AtomicReference<Pod> changed2 = new AtomicReference<>();
                    AtomicReference<Pod> replaced2 = new AtomicReference<>();
                    AtomicReference<Pod> fresh = new AtomicReference<>();
                    server.withOtherServer(other -> {
                        PodClient o = other.pods(ns);
                        o.delete("gone");
                        changed2.set(o.update(o.get("changed").withMetadata(
                                o.get("changed").metadata().withLabels(Map.of("v", "2")))));
                        o.delete("replaced");
                        replaced2.set(o.create(pod("replaced")));
                        fresh.set(o.create(pod("fresh")));
                    });

                    server.start();
                    Pod after = pods.create(pod("after")); // right after the restart
                    Map<String, String> expected = InformerTest.versions(pods.list().items());
                    await().atMost(WAIT).until(() -> InformerTest.versions(inf.getIndexer().list()).equals(expected)
                            && h.view().equals(expected));

                    assertThat(h.events()).contains(
                            "delete? " + ns + "/gone@" + rv(gone),
                            "update " + ns + "/changed@" + rv(changed) + "->" + rv(changed2.get()),
                            "delete? " + ns + "/replaced@" + rv(replaced),
                            "add " + ns + "/replaced@" + rv(replaced2.get()),
                            "add " + ns + "/fresh@" + rv(fresh.get()),
                            "add " + ns + "/after@" + rv(after));
                    assertThat(h.events()).noneMatch(e -> e.contains("/same@"));
                    assertThat(h.events()).noneMatch(e -> e.startsWith("UNKNOWN") || e.startsWith("DUPLICATE"));
                    assertThat(h.events()).hasSize(6);
                    assertThat(inf.listCount()).isGreaterThanOrEqualTo(2);
                    assertThat(inf.getIndexer().get(ns, "same")).contains(same);
                } finally {
                    inf.stop();
                }
            }
        }
    }

    private static String rv(Pod p) {
        return p.metadata().resourceVersion();
    }
}
