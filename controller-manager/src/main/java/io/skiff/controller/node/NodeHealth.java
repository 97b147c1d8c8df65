package io.skiff.controller.node;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus.NodeCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, node by node, whether a kubelet has gone silent and whether its pods must go, as
 * Kubernetes' node lifecycle controller does. Times are measured on this process's own clock
 * when it <em>observes</em> a heartbeat change (a new Ready {@code lastHeartbeatTime} or a new
 * Lease {@code renewTime}), never by comparing the kubelet's timestamps with our clock, so
 * clock skew between machines does not matter.
 * <ul>
 *   <li>no heartbeat observed for longer than the grace period: mark the node's conditions
 *       Unknown ({@link Decision#markUnknown});
 *   <li>Ready not True for longer than the eviction timeout (since we saw it stop being True):
 *       delete its pods ({@link Decision#evict}).
 * </ul>
 */
public final class NodeHealth {
    private final Duration gracePeriod;
    private final Duration evictionTimeout;
    private final Map<String, Observed> nodes = new HashMap<>();

    private static final class Observed {
        Instant heartbeat;
        Instant leaseRenew;
        Instant probeTime;
        String ready;
        Instant readyTransition;
    }

    /** What to do about one node now. */
    public record Decision(boolean markUnknown, boolean evict) {
        static final Decision NOTHING = new Decision(false, false);
    }

    public NodeHealth(Duration gracePeriod, Duration evictionTimeout) {
        this.gracePeriod = gracePeriod;
        this.evictionTimeout = evictionTimeout;
    }

    /** Looks at the node (and its Lease, or null) at {@code now}. */
    public synchronized Decision assess(Node node, Lease lease, Instant now) {
        NodeCondition ready = readyCondition(node);
        Instant heartbeat = ready == null ? null : ready.lastHeartbeatTime();
        Instant renew = lease == null || lease.spec() == null ? null : lease.spec().renewTime();
        String readyStatus = ready == null ? null : ready.status();

        Observed o = nodes.get(node.name());
        if (o == null) {
            o = new Observed();
            o.heartbeat = heartbeat;
            o.leaseRenew = renew;
            o.probeTime = now; // a node first seen gets a full grace period
            o.ready = readyStatus;
            o.readyTransition = now;
            nodes.put(node.name(), o);
        } else {
            if (!Objects.equals(o.heartbeat, heartbeat) || !Objects.equals(o.leaseRenew, renew)) {
                o.heartbeat = heartbeat;
                o.leaseRenew = renew;
                o.probeTime = now;
            }
            if (!Objects.equals(o.ready, readyStatus)) {
                o.ready = readyStatus;
                o.readyTransition = now;
            }
        }
        boolean silent = now.isAfter(o.probeTime.plus(gracePeriod));
        boolean markUnknown = silent && !hasAllUnknown(node);
        boolean notReady = !"True".equals(readyStatus);
        boolean evict = notReady && !now.isBefore(o.readyTransition.plus(evictionTimeout));
        return markUnknown || evict ? new Decision(markUnknown, evict) : Decision.NOTHING;
    }

    /** The node is gone: forget it. */
    public synchronized void forget(String nodeName) {
        nodes.remove(nodeName);
    }

    static NodeCondition readyCondition(Node node) {
        if (node.status() == null || node.status().conditions() == null) {
            return null;
        }
        for (NodeCondition c : node.status().conditions()) {
            if (NodeCondition.TYPE_READY.equals(c.type())) {
                return c;
            }
        }
        return null;
    }

    /** Ready (and every other condition) already Unknown: nothing to write. */
    private static boolean hasAllUnknown(Node node) {
        if (node.status() == null || node.status().conditions() == null || readyCondition(node) == null) {
            return false;
        }
        return node.status().conditions().stream().allMatch(c -> "Unknown".equals(c.status()));
    }
}
