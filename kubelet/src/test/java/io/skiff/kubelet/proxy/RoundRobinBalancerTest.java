package io.skiff.kubelet.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoundRobinBalancerTest {
    static final ServicePortName WEB = new ServicePortName("default", "web", "");
    static final InetSocketAddress A = InetSocketAddress.createUnresolved("172.17.0.2", 8080);
    static final InetSocketAddress B = InetSocketAddress.createUnresolved("172.17.0.3", 8080);
    static final InetSocketAddress C = InetSocketAddress.createUnresolved("172.17.0.4", 8080);

    @Test
    void takesTurnsAndKeepsItsPlaceWhenNothingChanged() {
        RoundRobinBalancer b = new RoundRobinBalancer();
        b.update(Map.of(WEB, List.of(A, B, C)));
        List<InetSocketAddress> picked = new ArrayList<>();
        picked.add(b.next(WEB).orElseThrow());
        b.update(Map.of(WEB, List.of(A, B, C))); // a resync with the same backends
        for (int i = 0; i < 5; i++) {
            picked.add(b.next(WEB).orElseThrow());
        }
        assertThat(picked).containsExactly(A, B, C, A, B, C);
    }

    @Test
    void aRemovedBackendGetsNoMoreConnectionsAndAnEmptyListNone() {
        RoundRobinBalancer b = new RoundRobinBalancer();
        b.update(Map.of(WEB, List.of(A, B)));
        b.update(Map.of(WEB, List.of(B)));
        assertThat(List.of(b.next(WEB).orElseThrow(), b.next(WEB).orElseThrow())).containsOnly(B);
        b.update(Map.of(WEB, List.of()));
        assertThat(b.next(WEB)).isEmpty();
        b.update(Map.of());
        assertThat(b.next(WEB)).isEmpty();
        assertThat(b.size(WEB)).isZero();
    }

    @Test
    void concurrentPicksSpreadExactlyEvenly() throws Exception {
        RoundRobinBalancer b = new RoundRobinBalancer();
        b.update(Map.of(WEB, List.of(A, B, C)));
        Map<InetSocketAddress, AtomicInteger> counts = new ConcurrentHashMap<>();
        int threads = 8;
        int perThread = 300;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    counts.computeIfAbsent(b.next(WEB).orElseThrow(), k -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        go.countDown();
        for (Thread t : all) {
            t.join();
        }
        assertThat(counts).hasSize(3);
        counts.values().forEach(c -> assertThat(c.get()).isEqualTo(threads * perThread / 3));
    }
}
