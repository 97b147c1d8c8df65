package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.METADATA;
import static io.skiff.api.validation.ObjectMetaValidation.str;

import io.skiff.api.core.Namespace;
import java.util.List;

/**
 * Namespaces, as Kubernetes' {@code ValidateNamespace} and its update forms: a DNS-label name,
 * valid finalizers, and a phase that says whether deletion started.
 */
public final class NamespaceValidation {

    private NamespaceValidation() {
    }

    public static List<FieldError> validate(Namespace ns) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validate(ns.metadata(), false, NameValidator.DNS_LABEL, METADATA));
        if (ns.spec() != null && ns.spec().finalizers() != null) {
            // Kubernetes reports these at spec.finalizers, unindexed, on create.
            for (String f : ns.spec().finalizers()) {
                ObjectMetaValidation.validateFinalizerName(str(f), FieldPath.root("spec", "finalizers"), errs);
            }
        }
        return errs.toList();
    }

    public static List<FieldError> validateUpdate(Namespace newNs, Namespace oldNs) {
        return ObjectMetaValidation.validateUpdate(newNs.metadata(), oldNs.metadata(), METADATA);
    }

    /** Active until deletion starts, Terminating after; Kubernetes spells the path status.Phase. */
    public static List<FieldError> validateStatusUpdate(Namespace newNs, Namespace oldNs) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newNs.metadata(), oldNs.metadata(), METADATA));
        String phase = newNs.status() == null ? "" : str(newNs.status().phase());
        FieldPath path = FieldPath.root("status", "Phase");
        boolean deleting = newNs.metadata() != null && newNs.metadata().deletionTimestamp() != null;
        if (!deleting && !phase.equals(Namespace.PHASE_ACTIVE)) {
            errs.add(FieldError.invalid(path, phase, "may only be 'Active' if `deletionTimestamp` is empty"));
        } else if (deleting && !phase.equals(Namespace.PHASE_TERMINATING)) {
            errs.add(FieldError.invalid(path, phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"));
        }
        return errs.toList();
    }
}
