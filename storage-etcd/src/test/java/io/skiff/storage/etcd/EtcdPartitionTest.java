package io.skiff.storage.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import io.skiff.storage.KeyValue;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageOptions;
import io.skiff.testing.TestEnvironment;

import java.nio.charset.StandardCharsets;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * A three-member etcd in containers on a Docker network of the test's own; the leader, which the
 * client talks to (it balances over every member), is cut off with a network disconnect while a
 * writer keeps writing. The client fails over, every acknowledged write survives, and once the
 * partition heals the cut-off member itself serves the same data.
 */
class EtcdPartitionTest {
    private static final Logger log = LoggerFactory.getLogger(EtcdPartitionTest.class);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aPartitionedMemberLosesNoAcknowledgedWriteAndCatchesUpWhenHealed() throws Exception {
        TestEnvironment.docker();
        String run = "skiff-partition-" + UUID.randomUUID().toString().substring(0, 8);
        DockerClient docker = DockerClientFactory.instance().client();
        List<GenericContainer<?>> members = new ArrayList<>();
        List<String> aliases = List.of(run + "-etcd0", run + "-etcd1", run + "-etcd2");
        String initialCluster = aliases.stream().map(a -> a + "=http://" + a + ":2380").collect(Collectors.joining(","));
        Storage storage = null;
        try (Network network = Network.newNetwork()) {
            for (String alias : aliases) {
                GenericContainer<?> member = new GenericContainer<>(DockerImageName.parse(TestEnvironment.etcdImage()))
                        .withNetwork(network)
                        .withNetworkAliases(alias)
                        .withLabel("io.skiff.test", run)
                        .withCommand("--name", alias, "--data-dir", "/tmp/etcd",
                                "--listen-client-urls", "http://0.0.0.0:2379",
                                "--advertise-client-urls", "http://" + alias + ":2379",
                                "--listen-peer-urls", "http://0.0.0.0:2380",
                                "--initial-advertise-peer-urls", "http://" + alias + ":2380",
                                "--initial-cluster", initialCluster, "--initial-cluster-state", "new",
                                "--initial-cluster-token", run)
                        .withExposedPorts(2379)
                        // client port on loopback only
                        .withCreateContainerCmdModifier(cmd -> cmd.withName(alias).getHostConfig().withPortBindings(
                                new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(2379))))
                        .waitingFor(Wait.forLogMessage(".*ready to serve client requests.*", 1)
                                .withStartupTimeout(Duration.ofSeconds(90)));
                members.add(member);
            }
            Startables.deepStart(members).get(120, TimeUnit.SECONDS); // members wait for each other
            List<String> endpoints = members.stream().map(m -> "http://127.0.0.1:" + m.getMappedPort(2379)).toList();
            storage = EtcdStorage.open(StorageOptions.etcd(String.join(",", endpoints))
                    .withRequestTimeout(Duration.ofSeconds(5)).withCompactionRetention(Duration.ZERO));

            String dir = "/skiff-test/partition/" + run + "/";
            ClusterWriter writer = new ClusterWriter(storage, dir);
            int i = 0;
            for (; i < 100; i++) {
                assertThat(writer.write(i, 30_000)).isTrue();
            }
            int victim = leaderIndex(endpoints);
            GenericContainer<?> cutOff = members.get(victim);
            log.info("cutting off {} (the leader) from the network", aliases.get(victim));
            docker.disconnectFromNetworkCmd().withNetworkId(network.getId()).withContainerId(cutOff.getContainerId())
                    .withForce(true).exec();
            for (; i < 250; i++) {
                assertThat(writer.write(i, 60_000)).as("write %d during the partition", i).isTrue();
            }
            assertThat(storage.list(dir).items()).hasSize(250);

            log.info("healing the partition");
            docker.connectToNetworkCmd().withNetworkId(network.getId()).withContainerId(cutOff.getContainerId())
                    .withContainerNetwork(new ContainerNetwork().withAliases(aliases.get(victim))).exec();
            for (; i < 300; i++) {
                assertThat(writer.write(i, 60_000)).as("write %d after the partition", i).isTrue();
            }

            Map<String, Long> acknowledged = new HashMap<>(writer.acknowledged);
            assertThat(acknowledged).hasSize(300);
            Map<String, Long> stored = storage.list(dir).items().stream()
                    .collect(Collectors.toMap(KeyValue::key, KeyValue::modRevision));
            assertThat(stored).isEqualTo(acknowledged);
            log.info("{} writes needed a retry during the partition", writer.failedAttempts.get());

            // the healed member, asked alone and answering from its own copy (a serializable read)
            String healed = "http://127.0.0.1:" + publishedPort(docker, cutOff);
            await("the healed member serves every acknowledged write").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> localCopy(healed, dir).equals(acknowledged));
        } finally {
            if (storage != null) {
                storage.close();
            }
            members.forEach(GenericContainer::stop); // removes them; the network goes with its try
        }
    }

    /** The index of the member that is leader, asked of each endpoint until one answers. */
    private static int leaderIndex(List<String> endpoints) throws Exception {
        try (Client client = Client.builder().endpoints(endpoints.toArray(String[]::new)).build()) {
            for (int i = 0; i < endpoints.size(); i++) {
                var status = client.getMaintenanceClient().statusMember(endpoints.get(i)).get(10, TimeUnit.SECONDS);
                if (status.getLeader() == status.getHeader().getMemberId()) {
                    return i;
                }
            }
        }
        throw new AssertionError("no member says it is the leader");
    }

    /** Docker may give the reconnected container its port again; read where it is now. */
    private static int publishedPort(DockerClient docker, GenericContainer<?> container) {
        var bindings = docker.inspectContainerCmd(container.getContainerId()).exec().getNetworkSettings().getPorts()
                .getBindings().get(ExposedPort.tcp(2379));
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    private static Map<String, Long> localCopy(String endpoint, String dir) throws Exception {
        try (Client client = Client.builder().endpoints(endpoint).build()) {
            ByteSequence prefix = ByteSequence.from(dir, StandardCharsets.UTF_8);
            return client.getKVClient().get(prefix, GetOption.builder().isPrefix(true).withSerializable(true).build())
                    .get(5, TimeUnit.SECONDS).getKvs().stream()
                    .collect(Collectors.toMap(kv -> kv.getKey().toString(StandardCharsets.UTF_8),
                            io.etcd.jetcd.KeyValue::getModRevision));
        }
    }
}
