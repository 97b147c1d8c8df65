package io.skiff.apiserver.registry;

import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.validation.FieldPath;
import io.skiff.api.validation.Validation;
import java.time.Instant;
import java.util.UUID;

/**
 * The system metadata every kind shares, as Kubernetes' {@code rest.BeforeCreate} /
 * {@code BeforeUpdate} set it: the server owns uid, creationTimestamp, generation,
 * resourceVersion and the deletion fields. Validation of metadata is common-api's.
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
}
