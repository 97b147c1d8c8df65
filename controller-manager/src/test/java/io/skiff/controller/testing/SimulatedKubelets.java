package io.skiff.controller.testing;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.NodeStatus.NodeCondition;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.resource.Quantity;
import io.skiff.client.ApiException;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.client.informer.SharedInformerFactory;
import io.skiff.client.workqueue.WorkQueue;
import io.skiff.controller.Metrics;
import io.skiff.controller.QueueWorkers;
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
 * Kubelets simulated in the test (the real kubelet is another module): each registers a Node
 * with a Ready condition and capacity, renews its Lease in {@code kube-node-lease} and posts
 * Ready every {@code heartbeat}; pods bound to it are marked Running and Ready (with a pod IP)
 * through {@code /status}, and pods being deleted are finished (deleted with grace 0), as a
 * kubelet does once the containers stopped. {@link #stop(String)} silences one kubelet: no more
 * heartbeats, its pods are left as they are.
 */
public final class SimulatedKubelets implements AutoCloseable {
    private static final AtomicInteger IPS = new AtomicInteger(1);

    private final SkiffClient client;
    private final Duration heartbeat;
    private final Set<String> alive = ConcurrentHashMap.newKeySet();
    private final Map<String, String> podIps = new ConcurrentHashMap<>();
    private final SharedInformerFactory informers;
    private final SharedInformer<Pod> pods;
    private final WorkQueue<String> queue = new WorkQueue<>("simulated-kubelets");
    private final QueueWorkers workers = new QueueWorkers("simulated-kubelets", queue, 4, this::sync, new Metrics());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;
    /** Pods stay Running but not Ready while false (to test notReadyAddresses). */
    private volatile boolean podsBecomeReady = true;

    public SimulatedKubelets(SkiffClient client, Duration heartbeat) {
        this.client = client;
        this.heartbeat = heartbeat;
        this.informers = new SharedInformerFactory(client, Duration.ZERO);
        this.pods = informers.pods();
        pods.addEventHandler(ResourceEventHandler.onAnyChange(p -> {
            if (p.spec() != null && p.spec().nodeName() != null && alive.contains(p.spec().nodeName())) {
                queue.add(Indexer.keyOf(p));
            }
        }));
        informers.start();
        workers.start();
    }

    /** Registers a Ready node with this capacity (and labels), and starts heartbeating for it. */
    public Node addNode(String name, String cpu, String memory, int podCapacity, Map<String, String> labels) {
        Map<String, Quantity> capacity = Map.of(ResourceRequirements.CPU, Quantity.parse(cpu),
                ResourceRequirements.MEMORY, Quantity.parse(memory), ResourceRequirements.PODS, Quantity.of(podCapacity));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Node node = new Node(ObjectMeta.named(name).withLabels(labels), new NodeSpec(null, null, null, null, null),
                new NodeStatus(capacity, capacity, List.of(ready(now)), List.of(new NodeStatus.NodeAddress(
                        NodeStatus.NodeAddress.TYPE_INTERNAL_IP, "127.0.0.1")), null, null, null));
        Node created = client.nodes().create(node);
        if (created.status() == null || created.status().conditions() == null) {
            created = client.nodes().updateStatusWithRetry(name, n -> n.withStatus(node.status()));
        }
        alive.add(name);
        renewLease(name);
        startHeartbeat(name);
        return created;
    }

    public Node addNode(String name) {
        return addNode(name, "4", "8Gi", 110, Map.of());
    }

    /** The kubelet of {@code node} dies: no heartbeats, its pods are no longer looked after. */
    public void stop(String node) {
        alive.remove(node);
    }

    /** The kubelet of {@code node} comes back: heartbeats again (and posts Ready). */
    public void restart(String node) {
        alive.add(node);
        postReady(node);
        renewLease(node);
        startHeartbeat(node);
    }

    public void setPodsBecomeReady(boolean ready) {
        this.podsBecomeReady = ready;
    }

    /** Deletes the nodes this simulation registered (their pods stay). */
    public void deleteNodes(Set<String> names) {
        for (String n : names) {
            alive.remove(n);
            try {
                client.nodes().delete(n);
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.stop(Duration.ZERO); // shuts the queue down and interrupts the workers at once
        threads.forEach(Thread::interrupt);
        informers.stop();
    }

    /** One heartbeat thread per node, as each kubelet beats on its own; ends when the node is stopped. */
    private synchronized void startHeartbeat(String node) {
        threads.add(Thread.ofVirtual().name("kubelet-heartbeat-" + node).start(() -> {
            while (!closed && alive.contains(node)) {
                try {
                    Thread.sleep(heartbeat);
                } catch (InterruptedException e) {
                    return;
                }
                if (!alive.contains(node)) {
                    return;
                }
                try {
                    renewLease(node);
                    postReady(node);
                } catch (RuntimeException e) {
                    // the next beat tries again
                }
            }
        }));
    }

    private void postReady(String node) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        client.nodes().updateStatusWithRetry(node, n -> {
            List<NodeCondition> cs = List.of(ready(now));
            return n.withStatus(n.status().withConditions(cs));
        });
    }

    private static NodeCondition ready(Instant now) {
        return new NodeCondition(NodeCondition.TYPE_READY, PodCondition.TRUE, now, now, "KubeletReady",
                "kubelet is posting ready status");
    }

    private void renewLease(String node) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var leases = client.leases(Lease.NODE_LEASE_NAMESPACE);
        try {
            leases.updateWithRetry(node, l -> l.withSpec(new Lease.Spec(node, 40, l.spec().acquireTime(), now, 0)));
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            leases.create(new Lease(ObjectMeta.of(Lease.NODE_LEASE_NAMESPACE, node),
                    new Lease.Spec(node, 40, now, now, 0)));
        }
    }

    private void sync(String key) {
        Pod pod = pods.getIndexer().get(key).orElse(null);
        if (pod == null || pod.spec().nodeName() == null || !alive.contains(pod.spec().nodeName())) {
            return;
        }
        var api = client.pods(pod.namespace());
        if (pod.metadata().deletionTimestamp() != null) {
            try {
                api.delete(pod.name(), new DeleteOptions(0L, new DeleteOptions.Preconditions(pod.metadata().uid(), null),
                        null, null, null));
            } catch (ApiException e) {
                if (!e.isNotFound() && !e.isConflict()) {
                    throw e;
                }
            }
            return;
        }
        boolean ready = podsBecomeReady;
        String phase = pod.status() == null ? null : pod.status().phase();
        boolean isReady = pod.status() != null && pod.status().conditions() != null && pod.status().conditions()
                .stream().anyMatch(c -> c.type().equals(PodCondition.TYPE_READY) && c.status().equals("True"));
        if (PodStatus.PHASE_RUNNING.equals(phase) && isReady == ready) {
            return;
        }
        String ip = podIps.computeIfAbsent(pod.metadata().uid(), u -> {
            int n = IPS.getAndIncrement();
            return "10.244." + (n / 250) + "." + (n % 250 + 1);
        });
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        PodCondition readyCond = new PodCondition(PodCondition.TYPE_READY, ready ? "True" : "False", null, now, null,
                null);
        try {
            api.updateStatusWithRetry(pod.name(), p -> p.metadata().uid().equals(pod.metadata().uid())
                    ? p.withStatus(new PodStatus(PodStatus.PHASE_RUNNING, List.of(readyCond), null, null, "127.0.0.1",
                            ip, List.of(new PodStatus.PodIP(ip)), now, null, null))
                    : null);
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }
}
