package io.skiff.kubelet;

import static io.skiff.kubelet.testing.TestPods.isRunning;
import static io.skiff.kubelet.testing.TestPods.pod;
import static io.skiff.kubelet.testing.TestPods.restartCount;
import static io.skiff.kubelet.testing.TestPods.shell;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.kubelet.runtime.simulated.SimulatedRuntime;
import io.skiff.kubelet.testing.TestKubelet;
import io.skiff.testing.TestEnvironment;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A hollow node: the same kubelet on the simulated runtime, for control-plane scale tests. */
class SimulatedNodeTest {
    @RegisterExtension
    static TestApiServer api = TestApiServer.sqlite();

    @Test
    void aHollowNodeRunsPodsWithTheSameStatusFlow() {
        SimulatedRuntime runtime = new SimulatedRuntime(SimulatedRuntime.Options.defaults()
                .withImages(Set.of(TestEnvironment.busyboxImage())).withPodSubnet("10.77"));
        try (TestKubelet k = TestKubelet.start(api, runtime)) {
            assertThat(k.client().nodes().get(k.nodeName()).status().nodeInfo().containerRuntimeVersion())
                    .startsWith("simulated://");
            k.create(pod("server", shell("c", "exec httpd -f -p 80")));
            k.create(pod("crasher", shell("c", "sleep 0.2; exit 2")));
            Pod server = k.await("server", Duration.ofSeconds(20), p -> isRunning(p));
            assertThat(server.status().podIP()).startsWith("10.77.");
            assertThat(server.status().containerStatuses().get(0).containerID()).startsWith("simulated://");
            k.await("crasher", Duration.ofSeconds(20), p -> restartCount(p, "c") >= 2);

            k.client().pods("default").delete("server", null);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> k.client().pods("default").find("server").isEmpty());
            assertThat(k.containers(server)).isEmpty();
        }
    }
}
