package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.METADATA;
import static io.skiff.api.validation.ObjectMetaValidation.orZero;

import io.skiff.api.autoscaling.Scale;
import java.util.List;

/** The {@code /scale} subresource ({@code autoscaling/v1}), as Kubernetes' {@code ValidateScale}. */
public final class ScaleValidation {

    private ScaleValidation() {
    }

    /** The same rules for a GET-modify-PUT and for a merge patch of spec.replicas. */
    public static List<FieldError> validate(Scale scale) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validate(scale.metadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        long replicas = scale.spec() == null ? 0 : orZero(scale.spec().replicas());
        if (replicas < 0) {
            errs.add(FieldError.invalid(FieldPath.root("spec", "replicas"), replicas, "must be greater than or equal to 0"));
        }
        return errs.toList();
    }
}
