package io.skiff.bench.controller;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.NodeStatus.NodeCondition;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodStatus;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.resource.Quantity;
import io.skiff.client.ApiException;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.client.informer.SharedInformerFactory;
import io.skiff.client.workqueue.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hollow nodes for the benchmark: Node objects with a Ready condition and a Lease each, and a
 * stand-in kubelet that reports every pod bound to one of them Running and Ready at once (one
 * {@code /status} write per pod, compare-and-swap on the cached object). No containers: what is
 * measured is the control plane. (The kubelet module's simulated runtime does the same through
 * the real kubelet; this stays independent of it.)
 */
final class HollowNodes implements AutoCloseable {
    private final SkiffClient client;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final SharedInformerFactory informers;
    private final SharedInformer<Pod> pods;
    private final WorkQueue<String> queue = new WorkQueue<>("hollow-kubelets");
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger ips = new AtomicInteger();
    private volatile boolean closed;

    /** @param ignoredNamespace pods there are left Pending (so a measurement sees the scheduler alone) */
    HollowNodes(SkiffClient client, int count, int workers, String ignoredNamespace) {
        this.client = client;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Quantity> capacity = Map.of("cpu", Quantity.parse("64"), "memory", Quantity.parse("256Gi"),
                "pods", Quantity.of(250));
        for (int i = 0; i < count; i++) {
            String name = "hollow-" + i;
            client.nodes().create(new Node(ObjectMeta.named(name).withLabels(Map.of("skiff.io/hollow", "true")),
                    new NodeSpec(null, null, null, null, null), new NodeStatus(capacity, capacity,
                            List.of(ready(now)), null, null, null, null)));
            client.leases(Lease.NODE_LEASE_NAMESPACE).create(new Lease(ObjectMeta.of(Lease.NODE_LEASE_NAMESPACE, name),
                    new Lease.Spec(name, 40, now, now.truncatedTo(ChronoUnit.MICROS), 0)));
            names.add(name);
        }
        informers = new SharedInformerFactory(client, Duration.ZERO);
        pods = informers.pods();
        pods.addEventHandler(ResourceEventHandler.onAnyChange(p -> {
            if (p.spec() != null && p.spec().nodeName() != null && names.contains(p.spec().nodeName())
                    && !running(p) && !p.namespace().equals(ignoredNamespace)) {
                queue.add(Indexer.keyOf(p));
            }
        }));
        informers.start();
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name("hollow-kubelet-" + i).start(this::work));
        }
        threads.add(Thread.ofVirtual().name("hollow-heartbeat").start(this::heartbeat));
    }

    private static NodeCondition ready(Instant now) {
        return new NodeCondition("Ready", "True", now, now, "KubeletReady", "kubelet is posting ready status");
    }

    private static boolean running(Pod p) {
        return p.status() != null && PodStatus.PHASE_RUNNING.equals(p.status().phase());
    }

    private void heartbeat() {
        while (!closed) {
            try {
                Thread.sleep(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                return;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (String n : names) {
                try {
                    client.leases(Lease.NODE_LEASE_NAMESPACE).updateWithRetry(n,
                            l -> l.withSpec(new Lease.Spec(n, 40, l.spec().acquireTime(), now, 0)));
                } catch (RuntimeException e) {
                    // next beat
                }
            }
        }
    }

    private void work() {
        while (true) {
            String key;
            try {
                key = queue.get();
            } catch (InterruptedException e) {
                return;
            }
            if (key == null) {
                return;
            }
            try {
                pods.getIndexer().get(key).filter(p -> !running(p) && p.metadata().deletionTimestamp() == null)
                        .ifPresent(this::markRunning);
                queue.forget(key);
            } catch (RuntimeException e) {
                if (!closed) {
                    queue.addRateLimited(key);
                }
            } finally {
                queue.done(key);
            }
        }
    }

    private void markRunning(Pod pod) {
        int n = ips.incrementAndGet();
        String ip = "10.96." + (n / 250) + "." + (n % 250 + 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        PodStatus status = new PodStatus(PodStatus.PHASE_RUNNING,
                List.of(new PodCondition("Ready", "True", null, now, null, null)), null, null, "127.0.0.1", ip,
                List.of(new PodStatus.PodIP(ip)), now, null, null);
        try {
            client.pods(pod.namespace()).updateStatus(pod.withStatus(status));
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return;
            }
            if (!e.isConflict()) {
                throw e;
            }
            client.pods(pod.namespace()).updateStatusWithRetry(pod.name(), p -> running(p) ? null : p.withStatus(status));
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.shutDown();
        threads.forEach(Thread::interrupt);
        informers.stop();
    }
}
