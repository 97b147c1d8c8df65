package io.skiff.apiserver.registry;

import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.OwnerReference;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.api.validation.FieldValidation;
import io.skiff.api.validation.NameValidator;
import io.skiff.api.validation.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The metadata rules every kind shares, as Kubernetes' {@code rest.BeforeCreate} /
 * {@code BeforeUpdate} and {@code ValidateObjectMeta[Update]} apply them: the server owns uid,
 * creationTimestamp, generation, resourceVersion and the deletion fields; clients own names,
 * labels, annotations, owner references and finalizers.
 */
public final class ObjectMetaRules {
    static final FieldPath METADATA = FieldPath.root("metadata");

    private ObjectMetaRules() {}

    /** System fields of a new object: fresh uid, creation time, generation 1, no deletion. */
    public static ObjectMeta forCreate(ObjectMeta meta, Instant now) {
        return meta.withUid(UUID.randomUUID().toString())
                .withCreationTimestamp(now)
                .withGeneration(1L)
                .withResourceVersion(null)
                .withDeletionTimestamp(null)
                .withDeletionGracePeriodSeconds(null);
    }

    /**
     * System fields of an updated object come from the stored one: generation (the registry bumps
     * it on a spec change), creation time and the deletion fields; a uid left out is kept.
     */
    public static ObjectMeta forUpdate(ObjectMeta updated, ObjectMeta old) {
        ObjectMeta meta = updated.withGeneration(old.generation())
                .withCreationTimestamp(old.creationTimestamp())
                .withDeletionTimestamp(old.deletionTimestamp());
        if (meta.uid() == null || meta.uid().isEmpty()) {
            meta = meta.withUid(old.uid());
        }
        if (meta.deletionGracePeriodSeconds() == null || old.deletionTimestamp() != null) {
            meta = meta.withDeletionGracePeriodSeconds(old.deletionGracePeriodSeconds());
        }
        return meta;
    }

    /** {@code ValidateObjectMeta}: name (or generateName), namespace, labels, annotations, owners, finalizers. */
    public static List<FieldError> validate(ObjectMeta meta, boolean namespaced, NameValidator names) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(FieldValidation.validateObjectName(meta.name(), meta.generateName(), names, METADATA));
        errs.addAll(FieldValidation.validateNamespace(meta.namespace(), namespaced, METADATA));
        errs.addAll(validateCommon(meta));
        return errs;
    }

    /** {@code ValidateObjectMetaUpdate}: identity fields are immutable; the rest valid as on create. */
    public static List<FieldError> validateUpdate(ObjectMeta updated, ObjectMeta old) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(FieldValidation.validateImmutable(updated.name(), old.name(), METADATA.child("name")));
        errs.addAll(FieldValidation.validateImmutable(nullToEmpty(updated.namespace()), nullToEmpty(old.namespace()),
                METADATA.child("namespace")));
        errs.addAll(FieldValidation.validateImmutable(updated.uid(), old.uid(), METADATA.child("uid")));
        errs.addAll(validateCommon(updated));
        return errs;
    }

    private static List<FieldError> validateCommon(ObjectMeta meta) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(FieldValidation.validateLabels(meta.labels(), METADATA.child("labels")));
        errs.addAll(FieldValidation.validateAnnotations(meta.annotations(), METADATA.child("annotations")));
        if (meta.generation() != null) {
            errs.addAll(FieldValidation.validateNonnegative(meta.generation(), METADATA.child("generation")));
        }
        List<OwnerReference> owners = meta.ownerReferences();
        if (owners != null) {
            FieldPath path = METADATA.child("ownerReferences");
            int controllers = 0;
            for (int i = 0; i < owners.size(); i++) {
                OwnerReference o = owners.get(i);
                FieldPath at = path.index(i);
                if (isEmpty(o.apiVersion())) {
                    errs.add(FieldError.invalid(at.child("apiVersion"), nullToEmpty(o.apiVersion()), "version must not be empty"));
                }
                if (isEmpty(o.kind())) {
                    errs.add(FieldError.invalid(at.child("kind"), nullToEmpty(o.kind()), "kind must not be empty"));
                }
                if (isEmpty(o.name())) {
                    errs.add(FieldError.invalid(at.child("name"), nullToEmpty(o.name()), "name must not be empty"));
                }
                if (isEmpty(o.uid())) {
                    errs.add(FieldError.invalid(at.child("uid"), nullToEmpty(o.uid()), "uid must not be empty"));
                }
                if (Boolean.TRUE.equals(o.controller())) {
                    controllers++;
                }
            }
            if (controllers > 1) {
                errs.add(FieldError.invalid(path, owners.size(), "Only one reference can have Controller set to true"));
            }
        }
        List<String> finalizers = meta.finalizers();
        if (finalizers != null) {
            FieldPath path = METADATA.child("finalizers");
            for (int i = 0; i < finalizers.size(); i++) {
                String f = Objects.requireNonNullElse(finalizers.get(i), "");
                errs.addAll(FieldValidation.invalidEach(path.index(i), f, Validation.isQualifiedName(f)));
            }
        }
        return errs;
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
