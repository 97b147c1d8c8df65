package io.skiff.controller.scheduler;

import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.client.informer.Indexer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's view of the cluster: nodes and the pods bound to them, including pods it has
 * just decided to bind ("assumed") whose binding the watch has not shown yet. Without
 * assumptions, a burst of pods would all be placed on the same emptiest node, since the
 * informer still shows it empty. An assumption ends when the pod is seen bound, when the
 * binding fails ({@link #forget}), or after {@code assumeTtl} if neither happens.
 */
public final class SchedulerCache {
    private record Assumed(String nodeName, Instant expires) {}

    private final Clock clock;
    private final Duration assumeTtl;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Map<String, Pod>> podsByNode = new HashMap<>();
    private final Map<String, String> nodeOfPod = new HashMap<>();
    private final Map<String, Assumed> assumed = new HashMap<>();
    /**
     * NodeInfo per node, kept current pod by pod (built from scratch only for a node seen for the
     * first time): every decision takes a snapshot, and rebuilding the chosen node's info from all
     * its pods after each assumption made a burst of N pods cost O(N x pods per node).
     */
    private final Map<String, NodeInfo> infos = new HashMap<>();

    public SchedulerCache(Clock clock, Duration assumeTtl) {
        this.clock = clock;
        this.assumeTtl = assumeTtl;
    }

    public synchronized void putNode(Node node) {
        nodes.put(node.name(), node);
        infos.computeIfPresent(node.name(), (name, info) -> info.withNode(node));
    }

    public synchronized void removeNode(String name) {
        nodes.remove(name);
        infos.remove(name);
    }

    /** A pod seen bound to a node (confirms an assumption); an unbound or finished one is removed. */
    public synchronized void putPod(Pod pod) {
        String key = Indexer.keyOf(pod);
        String node = pod.spec() == null ? null : pod.spec().nodeName();
        boolean bound = node != null && !node.isEmpty();
        if (!bound && !finished(pod) && assumed.containsKey(key)) {
            return; // an update from before our binding landed: the assumption still holds
        }
        assumed.remove(key);
        if (!bound || finished(pod)) {
            removeLocked(key);
            return;
        }
        String previous = nodeOfPod.put(key, node);
        if (previous != null && !previous.equals(node)) {
            podsOf(previous).remove(key);
            infos.computeIfPresent(previous, (name, info) -> info.withoutPod(key));
        }
        podsOf(node).put(key, pod);
        infos.computeIfPresent(node, (name, info) -> info.withPod(pod));
    }

    public synchronized void removePod(String key) {
        assumed.remove(key);
        removeLocked(key);
    }

    /** Counts the pod on {@code nodeName} until it is seen bound or forgotten. */
    public synchronized void assume(Pod pod, String nodeName) {
        String key = Indexer.keyOf(pod);
        assumed.put(key, new Assumed(nodeName, clock.instant().plus(assumeTtl)));
        nodeOfPod.put(key, nodeName);
        Pod placed = pod.withSpec(pod.spec().withNodeName(nodeName));
        podsOf(nodeName).put(key, placed);
        infos.computeIfPresent(nodeName, (name, info) -> info.withPod(placed));
    }

    /** The binding failed: the pod no longer counts anywhere. */
    public synchronized void forget(String key) {
        if (assumed.remove(key) != null) {
            removeLocked(key);
        }
    }

    public synchronized boolean isAssumed(String key) {
        return assumed.containsKey(key);
    }

    /** Every known node with its pods, expiring stale assumptions first. */
    public synchronized List<NodeInfo> snapshot() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Assumed>> it = assumed.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Assumed> e = it.next();
            if (now.isAfter(e.getValue().expires())) {
                it.remove();
                removeLocked(e.getKey());
            }
        }
        List<NodeInfo> out = new ArrayList<>(nodes.size());
        for (Node n : nodes.values()) {
            out.add(infos.computeIfAbsent(n.name(), name -> NodeInfo.of(n, podsOf(name).values())));
        }
        return out;
    }

    public synchronized int nodeCount() {
        return nodes.size();
    }

    private void removeLocked(String key) {
        String node = nodeOfPod.remove(key);
        if (node != null) {
            podsOf(node).remove(key);
            infos.computeIfPresent(node, (name, info) -> info.withoutPod(key));
        }
    }

    private Map<String, Pod> podsOf(String node) {
        return podsByNode.computeIfAbsent(node, n -> new LinkedHashMap<>());
    }

    private static boolean finished(Pod pod) {
        String phase = pod.status() == null ? null : pod.status().phase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }
}
