package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.METADATA;
import static io.skiff.api.validation.ObjectMetaValidation.orZero;

import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.meta.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * Replication controllers, as Kubernetes' {@code ValidateReplicationController} (and its update
 * and status forms) check them. The selector may change on update, as Kubernetes allows: the spec
 * is validated afresh, nothing in it is immutable.
 */
public final class ReplicationControllerValidation {

    static final FieldPath SPEC = FieldPath.root("spec");
    private static final Object NIL_LABELS = GoFormat.literal("map[string]string(nil)");

    private ReplicationControllerValidation() {
    }

    public static List<FieldError> validate(ReplicationController rc) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validate(rc.metadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        spec(rc.spec(), errs);
        return errs.toList();
    }

    public static List<FieldError> validateUpdate(ReplicationController newRc, ReplicationController oldRc) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newRc.metadata(), oldRc.metadata(), METADATA));
        spec(newRc.spec(), errs);
        return errs.toList();
    }

    /** Status counts are not negative, and none exceeds the replicas it is a part of. */
    public static List<FieldError> validateStatusUpdate(ReplicationController newRc, ReplicationController oldRc) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newRc.metadata(), oldRc.metadata(), METADATA));
        ReplicationControllerStatus s = newRc.status() == null
                ? new ReplicationControllerStatus(null, null, null, null, null, null) : newRc.status();
        FieldPath path = FieldPath.root("status");
        long replicas = orZero(s.replicas());
        long fullyLabeled = orZero(s.fullyLabeledReplicas());
        long ready = orZero(s.readyReplicas());
        long available = orZero(s.availableReplicas());
        errs.addAll(FieldValidation.validateNonnegative(replicas, path.child("replicas")));
        errs.addAll(FieldValidation.validateNonnegative(fullyLabeled, path.child("fullyLabeledReplicas")));
        errs.addAll(FieldValidation.validateNonnegative(ready, path.child("readyReplicas")));
        errs.addAll(FieldValidation.validateNonnegative(available, path.child("availableReplicas")));
        errs.addAll(FieldValidation.validateNonnegative(orZero(s.observedGeneration()), path.child("observedGeneration")));
        String msg = "cannot be greater than status.replicas";
        if (fullyLabeled > replicas) {
            errs.add(FieldError.invalid(path.child("fullyLabeledReplicas"), fullyLabeled, msg));
        }
        if (ready > replicas) {
            errs.add(FieldError.invalid(path.child("readyReplicas"), ready, msg));
        }
        if (available > replicas) {
            errs.add(FieldError.invalid(path.child("availableReplicas"), available, msg));
        }
        if (available > ready) {
            errs.add(FieldError.invalid(path.child("availableReplicas"), available, "cannot be greater than readyReplicas"));
        }
        return errs.toList();
    }

    /** ValidateReplicationControllerSpec. */
    private static void spec(ReplicationControllerSpec spec, ErrorList errs) {
        ReplicationControllerSpec s = spec == null ? new ReplicationControllerSpec(null, null, null, null) : spec;
        errs.addAll(FieldValidation.validateNonnegative(orZero(s.minReadySeconds()), SPEC.child("minReadySeconds")));
        Map<String, String> selector = s.selector() == null ? Map.of() : s.selector();
        if (selector.isEmpty()) {
            errs.add(FieldError.required(SPEC.child("selector"), ""));
        }
        errs.addAll(FieldValidation.validateNonnegative(orZero(s.replicas()), SPEC.child("replicas")));
        template(s.template(), selector, SPEC.child("template"), errs);
    }

    /** ValidatePodTemplateSpecForRC: labels the selector matches, a valid pod spec that always restarts. */
    private static void template(PodTemplateSpec template, Map<String, String> selector, FieldPath path, ErrorList errs) {
        if (template == null) {
            errs.add(FieldError.required(path, ""));
            return;
        }
        ObjectMeta meta = template.metadata() == null ? ObjectMeta.EMPTY : template.metadata();
        Map<String, String> labels = meta.labels();
        if (!selector.isEmpty() && !matches(selector, labels)) {
            errs.add(FieldError.invalid(path.child("metadata", "labels"), labels == null ? NIL_LABELS : labels,
                    "`selector` does not match template `labels`"));
        }
        // ValidatePodTemplateSpec names these template.labels, without "metadata".
        errs.addAll(FieldValidation.validateLabels(labels, path.child("labels")));
        errs.addAll(FieldValidation.validateAnnotations(meta.annotations(), path.child("annotations")));
        errs.addAll(PodSpecValidation.validatePodSpec(template.spec(), path.child("spec"), false));
        PodSpec spec = template.spec() == null ? PodSpec.of(null) : template.spec();
        String restartPolicy = spec.restartPolicy() == null ? "" : spec.restartPolicy();
        if (!restartPolicy.equals(PodSpec.RESTART_ALWAYS)) {
            errs.add(FieldError.notSupported(path.child("spec", "restartPolicy"), restartPolicy,
                    List.of(PodSpec.RESTART_ALWAYS)));
        }
        if (spec.activeDeadlineSeconds() != null) {
            errs.add(FieldError.forbidden(path.child("spec", "activeDeadlineSeconds"),
                    "activeDeadlineSeconds in ReplicationController is not Supported"));
        }
    }

    /** An equality selector matches labels holding every one of its key=value pairs. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (labels == null) {
            return selector.isEmpty();
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            String want = e.getValue() == null ? "" : e.getValue();
            if (!want.equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
