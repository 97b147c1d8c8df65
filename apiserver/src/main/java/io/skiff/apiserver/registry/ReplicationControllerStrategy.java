package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.selector.LabelSelector;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.api.validation.FieldValidation;
import io.skiff.api.validation.NameValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Replication controllers: status cleared on create and written only through {@code /status}. */
public final class ReplicationControllerStrategy extends KindStrategy<ReplicationController> {

    public ReplicationControllerStrategy(ResourceInfo resource) {
        super(resource, ReplicationController.class, NameValidator.DNS_SUBDOMAIN, "status.replicas");
    }

    @Override
    public ReplicationController prepareForCreate(ReplicationController rc) {
        return rc.withStatus(new ReplicationControllerStatus(0, null, null, null, null, null));
    }

    @Override
    public ReplicationController prepareForUpdate(ReplicationController updated, ReplicationController old) {
        return updated.withStatus(old.status());
    }

    @Override
    public ReplicationController prepareForStatusUpdate(ReplicationController updated, ReplicationController old) {
        return old.withMetadata(statusMeta(updated.metadataOrEmpty(), old.metadataOrEmpty())).withStatus(updated.status());
    }

    @Override
    protected List<FieldError> validateKind(ReplicationController rc) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath spec = FieldPath.root("spec");
        ReplicationControllerSpec s = rc.spec();
        Map<String, String> selector = s == null ? null : s.selector();
        if (selector == null || selector.isEmpty()) {
            errs.add(FieldError.required(spec.child("selector"), ""));
        } else {
            errs.addAll(FieldValidation.validateLabels(selector, spec.child("selector")));
        }
        if (s != null && s.replicas() != null) {
            errs.addAll(FieldValidation.validateNonnegative(s.replicas(), spec.child("replicas")));
        }
        PodTemplateSpec template = s == null ? null : s.template();
        if (template == null) {
            errs.add(FieldError.required(spec.child("template"), ""));
        } else {
            Map<String, String> labels = template.metadata() == null ? null : template.metadata().labels();
            FieldPath labelsPath = spec.child("template", "metadata", "labels");
            if (selector != null && !selector.isEmpty()
                    && !LabelSelector.fromMap(selector).matches(labels == null ? Map.of() : labels)) {
                errs.add(FieldError.invalid(labelsPath, labels == null ? Map.of() : labels,
                        "`selector` does not match template `labels`"));
            }
            if (labels != null) {
                errs.addAll(FieldValidation.validateLabels(labels, labelsPath));
            }
            errs.addAll(PodSpecRules.validate(template.spec(), spec.child("template", "spec")));
        }
        return errs;
    }

    @Override
    public Object spec(ReplicationController rc) {
        return rc.spec();
    }

    @Override
    protected void addSelectableFields(ReplicationController rc, Map<String, String> fields) {
        Integer replicas = rc.status() == null ? null : rc.status().replicas();
        fields.put("status.replicas", replicas == null ? "0" : replicas.toString());
    }
}
