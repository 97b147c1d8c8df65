package io.skiff.kubelet.node;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Node;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.OwnerReference;
import io.skiff.client.ApiException;
import io.skiff.client.ResourceClient;
import io.skiff.client.SkiffClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's heartbeat: a {@code Lease} named after the node in {@code kube-node-lease}, its
 * {@code renewTime} moved forward on every renewal. Cheap for the apiserver (a tiny object),
 * which is why Kubernetes moved heartbeats off the Node status. Owned by the Node, so it goes
 * when the Node does.
 */
public final class NodeLease {
    private static final Logger log = LoggerFactory.getLogger(NodeLease.class);

    private final ResourceClient<Lease> leases;
    private final String nodeName;
    private final Duration duration;
    private final InstantSource clock;
    private final Supplier<String> nodeUid;
    private volatile Lease last;

    public NodeLease(SkiffClient client, String nodeName, Duration duration, InstantSource clock,
                     Supplier<String> nodeUid) {
        this.leases = client.leases(Lease.NODE_LEASE_NAMESPACE);
        this.nodeName = nodeName;
        this.duration = duration;
        this.clock = clock;
        this.nodeUid = nodeUid;
    }

    /** Renews (or creates) the lease: a compare-and-swap on the copy from the last renewal, a fresh read after a conflict. */
    public void renew() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Lease current = last;
        try {
            if (current == null) {
                current = leases.find(nodeName).orElse(null);
            }
            if (current == null) {
                last = leases.create(new Lease(meta(), spec(null, now)));
                log.info("Created node lease {}/{}", Lease.NODE_LEASE_NAMESPACE, nodeName);
                return;
            }
            last = leases.update(current.withSpec(spec(current.spec(), now)));
        } catch (ApiException e) {
            last = null; // read afresh next time
            if (e.isConflict() || e.isAlreadyExists() || e.isNotFound()) {
                log.debug("Node lease renewal raced ({}), retrying next period", e.reason());
                return;
            }
            throw e;
        }
    }

    private ObjectMeta meta() {
        ObjectMeta m = ObjectMeta.of(Lease.NODE_LEASE_NAMESPACE, nodeName);
        String uid = nodeUid.get();
        return uid == null ? m
                : m.withOwnerReferences(List.of(new OwnerReference("v1", Node.KIND, nodeName, uid, null, null)));
    }

    private Lease.Spec spec(Lease.Spec old, Instant now) {
        return new Lease.Spec(nodeName, Math.toIntExact(duration.toSeconds()),
                old == null || old.acquireTime() == null ? now : old.acquireTime(), now,
                old == null ? null : old.leaseTransitions());
    }
}
