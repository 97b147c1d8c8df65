package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.coordination.Lease;
import io.skiff.api.validation.FieldPath;

/** Leases ({@code coordination.k8s.io/v1}): node heartbeats and leader election. */
public final class LeaseStrategy extends KindStrategy<Lease> {
    private static final FieldPath SPEC = FieldPath.root("spec");

    public LeaseStrategy(ResourceInfo resource) {
        super(resource, Lease.class);
    }

    @Override
    public Object spec(Lease lease) {
        return lease.spec();
    }
}
