package io.skiff.controller.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.coordination.Lease;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.ClientConfig;
import io.skiff.client.SkiffClient;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.ControllerManagerConfig;
import io.skiff.controller.testing.Cluster;
import io.skiff.controller.testing.TcpProxy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two controller-managers with leader election on one apiserver (lease 3 s, renew deadline 2 s,
 * retry 0.5 s). A sampler checks every 5 ms that they never both run their controllers.
 */
class LeaderElectionIntegrationTest {
    @RegisterExtension
    static final TestApiServer API = TestApiServer.sqlite();

    static final Duration LEASE = Duration.ofSeconds(3);

    @Test
    void aPartitionedLeaderStopsActingAndTheOtherTakesOverWithinTheLease() throws Exception {
        try (SkiffClient client = Cluster.client(API);
                TcpProxy proxyA = new TcpProxy(API.url().getPort());
                ControllerManager a = manager(proxyA.url(), "cm-a", "skiff-cm-partition").start();
                Sampler sampler = new Sampler(a, null)) {
            await().atMost(Duration.ofSeconds(20)).until(a::isLeading);
            try (ControllerManager b = manager(API.url().toString(), "cm-b", "skiff-cm-partition").start()) {
                sampler.add(b);
                Thread.sleep(LEASE.toMillis() + 1000); // b sees a renewing: it waits
                assertThat(a.isLeading()).isTrue();
                assertThat(b.isLeading()).isFalse();
                assertThat(holder(client, "skiff-cm-partition")).isEqualTo("cm-a");

                proxyA.cut(); // a can no longer reach the apiserver: as good as dead to the cluster
                long cutAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(10)).until(() -> !a.isLeading());
                long aStopped = ms(cutAt);
                await().atMost(Duration.ofSeconds(15)).until(b::isLeading);
                long bLeads = ms(cutAt);
                assertThat(aStopped).as("a stops within its renew deadline (+ one retry)").isLessThan(2_000 + 1_500);
                assertThat(bLeads).as("b leads within the lease (+ retries)").isLessThan(LEASE.toMillis() + 3_000);
                assertThat(holder(client, "skiff-cm-partition")).isEqualTo("cm-b");

                proxyA.heal(); // a comes back: it finds b holding the lease and does not act
                Thread.sleep(LEASE.toMillis());
                assertThat(a.isLeading()).isFalse();
                assertThat(b.isLeading()).isTrue();
                assertThat(sampler.overlaps()).as("samples with both leading").isZero();
                assertThat(sampler.samples()).isGreaterThan(100);
                System.out.printf("partitioned leader stopped after %d ms, the other led after %d ms%n",
                        aStopped, bLeads);
            }
        }
    }

    @Test
    void aLeaderThatStopsReleasesTheLeaseAndTheOtherTakesOverAtOnce() throws Exception {
        try (SkiffClient client = Cluster.client(API);
                ControllerManager b = manager(API.url().toString(), "cm-d", "skiff-cm-release")) {
            ControllerManager a = manager(API.url().toString(), "cm-c", "skiff-cm-release").start();
            try (Sampler sampler = new Sampler(a, b)) {
                await().atMost(Duration.ofSeconds(20)).until(a::isLeading);
                b.start();
                Thread.sleep(1000);
                assertThat(b.isLeading()).isFalse();
                long closing = System.nanoTime();
                a.close();
                await().atMost(Duration.ofSeconds(10)).until(b::isLeading);
                // released, so no need to wait for the lease to expire
                assertThat(ms(closing)).isLessThan(LEASE.toMillis());
                assertThat(holder(client, "skiff-cm-release")).isEqualTo("cm-d");
                assertThat(sampler.overlaps()).isZero();
            }
        }
    }

    @Test
    void killingTheLeaderLetsTheOtherTakeOverWithinTheLease() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                ChildControllerManager.class.getName(), API.url().toString(), "cm-child", "skiff-cm-kill",
                String.valueOf(LEASE.toMillis()), "2000", "500")
                .redirectErrorStream(true).start();
        try (SkiffClient client = Cluster.client(API);
                ControllerManager b = manager(API.url().toString(), "cm-survivor", "skiff-cm-kill")) {
            var out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            CompletableFuture<Boolean> leading = CompletableFuture.supplyAsync(
                    () -> out.lines().anyMatch("leading"::equals));
            assertThat(leading.get(60, TimeUnit.SECONDS)).isTrue();
            Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep draining its log
            b.start();
            Thread.sleep(LEASE.toMillis() + 500);
            assertThat(b.isLeading()).isFalse();
            assertThat(holder(client, "skiff-cm-kill")).isEqualTo("cm-child");

            child.destroyForcibly(); // SIGKILL: no release, no goodbye
            long killedAt = System.nanoTime();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(15)).until(b::isLeading);
            long took = ms(killedAt);
            assertThat(took).as("ms until the survivor leads").isLessThan(LEASE.toMillis() + 2_000);
            assertThat(holder(client, "skiff-cm-kill")).isEqualTo("cm-survivor");
            System.out.printf("leader killed: the other led after %d ms%n", took);
        } finally {
            child.destroyForcibly();
        }
    }

    private static ControllerManager manager(String server, String identity, String lease) {
        ControllerManagerConfig config = ControllerManagerConfig.defaults(ClientConfig.forServer(server)
                        .withRequestTimeout(Duration.ofSeconds(5)).withConnectTimeout(Duration.ofSeconds(1)))
                .withControllers(Set.of("replication"))
                .withPort("127.0.0.1", -1)
                .withLeaderElection(new LeaderElectionConfig("kube-system", lease, identity, LEASE,
                        Duration.ofSeconds(2), Duration.ofMillis(500)));
        return new ControllerManager(config);
    }

    private static String holder(SkiffClient client, String lease) {
        Lease l = client.leases("kube-system").get(lease);
        return l.spec().holderIdentity();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Polls both managers every 5 ms and counts the samples where both ran their controllers. */
    static final class Sampler implements AutoCloseable {
        private volatile ControllerManager first;
        private volatile ControllerManager second;
        private final AtomicInteger samples = new AtomicInteger();
        private final AtomicInteger overlaps = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Sampler(ControllerManager first, ControllerManager second) {
            this.first = first;
            this.second = second;
            this.thread = Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    ControllerManager x = this.first;
                    ControllerManager y = this.second;
                    if (x != null && y != null && x.isLeading() && y.isLeading()) {
                        overlaps.incrementAndGet();
                    }
                    samples.incrementAndGet();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void add(ControllerManager m) {
            second = m;
        }

        int overlaps() {
            return overlaps.get();
        }

        int samples() {
            return samples.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(1000);
        }
    }
}
