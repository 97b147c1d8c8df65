package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.METADATA;

import io.skiff.api.coordination.Lease;
import java.util.List;

/**
 * Leases ({@code coordination.k8s.io/v1}), as Kubernetes' {@code ValidateLease}: a positive
 * duration and a transition count that is not negative. Kubernetes puts no bound on the holder.
 */
public final class LeaseValidation {

    private LeaseValidation() {
    }

    public static List<FieldError> validate(Lease lease) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validate(lease.metadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        spec(lease.spec(), errs);
        return errs.toList();
    }

    public static List<FieldError> validateUpdate(Lease newLease, Lease oldLease) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newLease.metadata(), oldLease.metadata(), METADATA));
        spec(newLease.spec(), errs);
        return errs.toList();
    }

    private static void spec(Lease.Spec spec, ErrorList errs) {
        if (spec == null) {
            return;
        }
        FieldPath path = FieldPath.root("spec");
        if (spec.leaseDurationSeconds() != null && spec.leaseDurationSeconds() <= 0) {
            errs.add(FieldError.invalid(path.child("leaseDurationSeconds"), spec.leaseDurationSeconds(), "must be greater than 0"));
        }
        if (spec.leaseTransitions() != null && spec.leaseTransitions() < 0) {
            errs.add(FieldError.invalid(path.child("leaseTransitions"), spec.leaseTransitions(),
                    "must be greater than or equal to 0"));
        }
    }
}
