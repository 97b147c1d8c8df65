package io.skiff.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.resource.Quantity;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.testing.TestKubelet;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Node registration, status and the heartbeat lease, against the real apiserver and Docker. */
class NodeTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    @Test
    void registersTheNodeWithCapacityAddressesAndRuntimeAndKeepsItsLeaseFresh() {
        try (TestKubelet k = TestKubelet.start(api)) {
            Node node = k.client().nodes().get(k.nodeName());
            NodeStatus st = node.status();
            assertThat(st.capacity().get("pods")).isEqualTo(Quantity.of(110));
            assertThat(st.capacity().get("cpu")).isEqualTo(Quantity.of(Runtime.getRuntime().availableProcessors()));
            assertThat(st.capacity().get("memory").value()).isGreaterThan(100L * 1024 * 1024);
            assertThat(st.allocatable()).isEqualTo(st.capacity());
            assertThat(st.addresses()).contains(new NodeStatus.NodeAddress("InternalIP", "127.0.0.1"),
                    new NodeStatus.NodeAddress("Hostname", k.nodeName()));
            assertThat(st.daemonEndpoints().kubeletEndpoint().port()).isEqualTo(k.kubelet().port());
            assertThat(st.nodeInfo().containerRuntimeVersion()).startsWith("docker://").hasSizeGreaterThan("docker://".length());
            assertThat(st.nodeInfo().operatingSystem()).isEqualTo("linux");
            assertThat(st.nodeInfo().kubeletVersion()).isNotBlank();
            NodeStatus.NodeCondition ready = st.conditions().stream().filter(c -> c.type().equals("Ready")).findFirst()
                    .orElseThrow();
            assertThat(ready.status()).isEqualTo("True");
            assertThat(ready.reason()).isEqualTo("KubeletReady");
            assertThat(node.metadata().labels()).containsEntry("kubernetes.io/hostname", k.nodeName());

            // The heartbeats move: the lease every second (test config), the Ready condition's every 2 s.
            Lease first = Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> k.client().leases("kube-node-lease").get(k.nodeName()), l -> l != null);
            assertThat(first.spec().holderIdentity()).isEqualTo(k.nodeName());
            assertThat(first.spec().leaseDurationSeconds()).isEqualTo(40);
            assertThat(first.metadata().ownerReferences()).singleElement()
                    .satisfies(o -> assertThat(o.uid()).isEqualTo(node.metadata().uid()));
            Instant renewed = first.spec().renewTime();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    k.client().leases("kube-node-lease").get(k.nodeName()).spec().renewTime().isAfter(renewed));
            Instant beat = ready.lastHeartbeatTime();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> k.client().nodes().get(k.nodeName())
                    .status().conditions().stream().filter(c -> c.type().equals("Ready")).findFirst().orElseThrow()
                    .lastHeartbeatTime().isAfter(beat));
            Node later = k.client().nodes().get(k.nodeName());
            assertThat(later.status().conditions().stream().filter(c -> c.type().equals("Ready")).findFirst()
                    .orElseThrow().lastTransitionTime()).as("no transition, only heartbeats")
                    .isEqualTo(ready.lastTransitionTime());
        }
    }
}
