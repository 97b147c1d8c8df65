package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.coordination.Lease;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.api.validation.FieldValidation;
import io.skiff.api.validation.NameValidator;
import java.util.ArrayList;
import java.util.List;

/** Leases ({@code coordination.k8s.io/v1}): node heartbeats and leader election. */
public final class LeaseStrategy extends KindStrategy<Lease> {
    private static final FieldPath SPEC = FieldPath.root("spec");

    public LeaseStrategy(ResourceInfo resource) {
        super(resource, Lease.class, NameValidator.DNS_SUBDOMAIN);
    }

    @Override
    protected List<FieldError> validateKind(Lease lease) {
        List<FieldError> errs = new ArrayList<>();
        Lease.Spec spec = lease.spec();
        if (spec != null && spec.leaseDurationSeconds() != null && spec.leaseDurationSeconds() <= 0) {
            errs.add(FieldError.invalid(SPEC.child("leaseDurationSeconds"), spec.leaseDurationSeconds(),
                    "must be greater than 0"));
        }
        if (spec != null && spec.leaseTransitions() != null) {
            errs.addAll(FieldValidation.validateNonnegative(spec.leaseTransitions(), SPEC.child("leaseTransitions")));
        }
        return errs;
    }

    @Override
    public Object spec(Lease lease) {
        return lease.spec();
    }
}
