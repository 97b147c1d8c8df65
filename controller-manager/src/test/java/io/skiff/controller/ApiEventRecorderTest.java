package io.skiff.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.core.Event;
import io.skiff.api.core.ReplicationController;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.SkiffClient;
import io.skiff.controller.testing.Cluster;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events through the real Event API: repeats folded into a count, and a per-object burst limit. */
class ApiEventRecorderTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    @Test
    void foldsRepeatsAndLimitsEachObjectToItsBurst() {
        try (SkiffClient client = Cluster.client(API);
                ApiEventRecorder recorder = new ApiEventRecorder(client, "replication-controller", "cm-1",
                        Clock.systemUTC())) {
            String ns = Cluster.namespace(client, "events");
            ReplicationController rc = client.replicationControllers(ns).create(Cluster.rc(ns, "web", 0));
            ReplicationController other = client.replicationControllers(ns).create(Cluster.rc(ns, "other", 0));
            for (int i = 0; i < 3; i++) {
                recorder.warning(other, "FailedCreate", "Error creating: quota exceeded");
            }
            for (int i = 0; i < 30; i++) {
                recorder.normal(rc, "SuccessfulCreate", "Created pod: web-" + i);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<Event> events = client.events(ns).list().items();
                List<Event> ofRc = events.stream().filter(e -> e.involvedObject().name().equals("web")).toList();
                assertThat(ofRc).hasSize(ApiEventRecorder.BURST).allSatisfy(e -> {
                    assertThat(e.reason()).isEqualTo("SuccessfulCreate");
                    assertThat(e.type()).isEqualTo("Normal");
                    assertThat(e.source().component()).isEqualTo("replication-controller");
                    assertThat(e.involvedObject().uid()).isEqualTo(rc.metadata().uid());
                    assertThat(e.involvedObject().kind()).isEqualTo("ReplicationController");
                });
                assertThat(events.stream().filter(e -> e.involvedObject().name().equals("other")))
                        .singleElement().satisfies(e -> {
                            assertThat(e.count()).isEqualTo(3);
                            assertThat(e.type()).isEqualTo("Warning");
                            assertThat(e.message()).isEqualTo("Error creating: quota exceeded");
                        });
            });
            assertThat(recorder.filtered()).isEqualTo(30 - ApiEventRecorder.BURST);
        }
    }
}
