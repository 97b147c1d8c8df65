package io.skiff.storage.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.storage.EtcdProcess;
import io.skiff.storage.EventCollector;
import io.skiff.storage.KeyValue;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageOptions;
import io.skiff.storage.Watch;
import io.skiff.storage.WatchEvent;

import io.etcd.jetcd.Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A three-member etcd on loopback loses its leader by kill -9 while a writer and watches are
 * running. The client balances calls and watch streams over all members (round robin), so it was
 * talking to the killed one: writes go on through the others once a new leader is elected, and
 * each of three watches (one stream per member, as round robin places them) delivers every write
 * exactly once.
 */
class EtcdMemberLossTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void losingAMemberLosesNoWriteAndNoEvent() throws Exception {
        try (EtcdProcess cluster = EtcdProcess.start(3);
             Storage storage = EtcdStorage.open(StorageOptions.etcd(cluster.clientUrls())
                     .withRequestTimeout(Duration.ofSeconds(5)).withCompactionRetention(Duration.ZERO))) {
            String dir = "/skiff-test/member-loss/" + UUID.randomUUID() + "/";
            long start = storage.currentRevision() + 1;
            List<EventCollector> watchers = List.of(new EventCollector(), new EventCollector(), new EventCollector());
            List<Watch> watches = new ArrayList<>();
            for (EventCollector collector : watchers) {
                watches.add(storage.watch(dir, start, collector));
            }
            try {
                ClusterWriter writer = new ClusterWriter(storage, dir);
                int total = 400;
                EtcdProcess.Member leader = null;
                for (int i = 0; i < total; i++) {
                    if (i == total / 3) {
                        leader = leaderOf(cluster);
                        cluster.kill(leader);
                    }
                    assertThat(writer.write(i, 30_000)).as("write %d got through within 30 s", i).isTrue();
                }
                assertThat(leader.isAlive()).isFalse();

                Map<String, Long> acknowledged = writer.acknowledged;
                assertThat(acknowledged).hasSize(total);
                Map<String, Long> stored = storage.list(dir).items().stream()
                        .collect(Collectors.toMap(KeyValue::key, KeyValue::modRevision));
                assertThat(stored).isEqualTo(acknowledged);

                for (EventCollector events : watchers) {
                    events.awaitEvents(total, Duration.ofSeconds(60));
                }
                // give a duplicate the chance to show up before counting
                await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
                for (EventCollector events : watchers) {
                    List<WatchEvent> seen = events.events();
                    assertThat(seen).hasSize(total);
                    assertThat(seen).extracting(WatchEvent::revision).isSorted().doesNotHaveDuplicates();
                    assertThat(seen).allMatch(WatchEvent::isCreate);
                    assertThat(seen.stream().collect(Collectors.toMap(WatchEvent::key, WatchEvent::revision)))
                            .isEqualTo(acknowledged);
                    assertThat(events.error()).isNull();
                }
            } finally {
                watches.forEach(Watch::close);
            }
        }
    }

    /** The member that is leader now, asked of each member in turn with a client of the test's own. */
    static EtcdProcess.Member leaderOf(EtcdProcess cluster) throws Exception {
        try (Client client = Client.builder().endpoints(cluster.clientUrls().split(",")).build()) {
            Map<Long, String> names = new HashMap<>();
            client.getClusterClient().listMember().get(10, TimeUnit.SECONDS).getMembers()
                    .forEach(m -> names.put(m.getId(), m.getName()));
            long leaderId = client.getMaintenanceClient().statusMember(cluster.members().getFirst().clientUrl())
                    .get(10, TimeUnit.SECONDS).getLeader();
            return cluster.members().stream().filter(m -> m.name().equals(names.get(leaderId))).findFirst()
                    .orElseThrow();
        }
    }
}
