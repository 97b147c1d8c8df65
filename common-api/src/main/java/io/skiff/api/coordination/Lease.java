package io.skiff.api.coordination;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.Rfc3339;
import java.time.Instant;

/** A lease for node heartbeats and leader election ({@code coordination.k8s.io/v1}). */
public record Lease(ObjectMeta metadata, Lease.Spec spec) implements KubeObject {
    public static final String KIND = "Lease";
    public static final String GROUP = "coordination.k8s.io";
    public static final String API_VERSION = "coordination.k8s.io/v1";
    /** The namespace of node heartbeat leases. */
    public static final String NODE_LEASE_NAMESPACE = "kube-node-lease";

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lease withMetadata(ObjectMeta metadata) {
        return new Lease(metadata, spec);
    }

    public Lease withSpec(Spec spec) {
        return new Lease(metadata, spec);
    }

    /** {@code LeaseSpec}; acquire and renew times are MicroTimes. */
    public record Spec(
            String holderIdentity,
            Integer leaseDurationSeconds,
            @JsonSerialize(using = Rfc3339.MicroTimeSerializer.class)
            @JsonDeserialize(using = Rfc3339.MicroTimeDeserializer.class)
            Instant acquireTime,
            @JsonSerialize(using = Rfc3339.MicroTimeSerializer.class)
            @JsonDeserialize(using = Rfc3339.MicroTimeDeserializer.class)
            Instant renewTime,
            Integer leaseTransitions) {}
}
