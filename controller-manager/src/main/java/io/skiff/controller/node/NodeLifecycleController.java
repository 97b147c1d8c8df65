package io.skiff.controller.node;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.NodeStatus.NodeCondition;
import io.skiff.api.core.Pod;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.client.ApiException;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.Indexers;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.controller.Controller;
import io.skiff.controller.EventRecorder;
import io.skiff.controller.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches node heartbeats (the Ready condition's {@code lastHeartbeatTime} and the node's Lease
 * in {@code kube-node-lease}) every {@code monitorPeriod}: a node silent for longer than
 * {@code --node-monitor-grace-period} gets its conditions set to Unknown; a node not Ready for
 * longer than {@code --pod-eviction-timeout} has its pods deleted so that their replication
 * controllers replace them on other nodes. Pods already terminating there past their grace
 * period are deleted at once (grace 0): their kubelet is unreachable and cannot finish them.
 * A node that comes back posts Ready itself; this controller then leaves it alone.
 */
public final class NodeLifecycleController implements Controller {
    private static final Logger log = LoggerFactory.getLogger(NodeLifecycleController.class);
    public static final String NAME = "node-lifecycle";

    private final SharedInformer<Node> nodes;
    private final SharedInformer<Lease> leases;
    private final SharedInformer<Pod> pods;
    private final SkiffClient client;
    private final EventRecorder events;
    private final NodeHealth health;
    private final Duration monitorPeriod;
    private final Clock clock;
    private final LongAdder markedUnknown;
    private final LongAdder evictions;
    private final LongAdder passes;
    private volatile boolean stopped;
    private Thread monitor;

    public NodeLifecycleController(SharedInformer<Node> nodes, SharedInformer<Lease> leases, SharedInformer<Pod> pods,
            SkiffClient client, EventRecorder events, NodeHealth health, Duration monitorPeriod, Clock clock,
            Metrics metrics) {
        this.nodes = nodes;
        this.leases = leases;
        this.pods = pods;
        this.client = client;
        this.events = events;
        this.health = health;
        this.monitorPeriod = monitorPeriod;
        this.clock = clock;
        this.markedUnknown = metrics.counter("skiff_node_lifecycle_marked_unknown_total",
                "Times a silent node's conditions were set to Unknown.");
        this.evictions = metrics.counter("skiff_node_lifecycle_pod_evictions_total",
                "Pods deleted from nodes that stayed not Ready past the eviction timeout.");
        this.passes = metrics.counter("skiff_controller_syncs_total", "Keys synced by each controller.",
                "controller", NAME);
        nodes.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onDelete(Node node, boolean finalStateUnknown) {
                health.forget(node.name());
            }
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() {
        monitor = Thread.ofVirtual().name(NAME).start(this::run);
        log.info("controller {} started: monitoring every {}", NAME, monitorPeriod);
    }

    @Override
    public void stop(Duration timeout) {
        stopped = true;
        Thread t;
        synchronized (this) {
            t = monitor;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!stopped) {
            try {
                monitorOnce();
            } catch (RuntimeException e) {
                log.warn("node monitor pass failed: {}", e.toString());
            }
            try {
                Thread.sleep(monitorPeriod);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One pass over every node. */
    void monitorOnce() {
        passes.increment();
        Instant now = clock.instant();
        for (Node node : nodes.getIndexer().list()) {
            if (stopped) {
                return;
            }
            Lease lease = leases.getIndexer().get(Lease.NODE_LEASE_NAMESPACE, node.name()).orElse(null);
            NodeHealth.Decision d = health.assess(node, lease, now);
            try {
                if (d.markUnknown()) {
                    markUnknown(node, now);
                }
                if (d.evict()) {
                    evictPods(node, now);
                }
            } catch (ApiException e) {
                log.warn("node {}: {}", node.name(), e.getMessage());
            }
        }
    }

    private void markUnknown(Node node, Instant now) {
        client.nodes().updateStatusWithRetry(node.name(), fresh -> {
            NodeStatus status = fresh.status();
            if (status == null) {
                return null;
            }
            List<NodeCondition> conditions = new ArrayList<>();
            boolean hasReady = false;
            if (status.conditions() != null) {
                for (NodeCondition c : status.conditions()) {
                    hasReady |= NodeCondition.TYPE_READY.equals(c.type());
                    conditions.add("Unknown".equals(c.status()) ? c : new NodeCondition(c.type(), "Unknown",
                            c.lastHeartbeatTime(), now, "NodeStatusUnknown", "Kubelet stopped posting node status."));
                }
            }
            if (!hasReady) {
                conditions.add(new NodeCondition(NodeCondition.TYPE_READY, "Unknown", null, now,
                        "NodeStatusNeverUpdated", "Kubelet never posted node status."));
            }
            return fresh.withStatus(status.withConditions(conditions));
        });
        markedUnknown.increment();
        log.info("node {} stopped posting status: Ready=Unknown", node.name());
        events.normal(node, "NodeNotReady", "Node " + node.name() + " status is now: NodeNotReady");
    }

    private void evictPods(Node node, Instant now) {
        for (Pod pod : pods.getIndexer().byIndex(Indexers.NODE_NAME, node.name())) {
            Instant deleting = pod.metadata().deletionTimestamp();
            try {
                if (deleting == null) {
                    client.pods(pod.namespace()).delete(pod.name(), new DeleteOptions(null,
                            new DeleteOptions.Preconditions(pod.metadata().uid(), null), null, null, null));
                    evictions.increment();
                    log.info("node {} not ready past the eviction timeout: deleting pod {}", node.name(),
                            Indexer.keyOf(pod));
                    events.normal(pod, "NodeControllerEviction",
                            "Marking for deletion Pod " + pod.name() + " from Node " + node.name());
                } else if (now.isAfter(deleting)) {
                    client.pods(pod.namespace()).delete(pod.name(), new DeleteOptions(0L,
                            new DeleteOptions.Preconditions(pod.metadata().uid(), null), null, null, null));
                    log.info("pod {} on unreachable node {} past its grace period: deleted", Indexer.keyOf(pod),
                            node.name());
                }
            } catch (ApiException e) {
                if (!e.isNotFound() && !e.isConflict()) {
                    log.warn("evicting pod {} from {}: {}", Indexer.keyOf(pod), node.name(), e.getMessage());
                }
            }
        }
    }
}
