package io.skiff.api.meta;

/**
 * A top-level object with {@link ObjectMeta}: what the apiserver stores and serves. Every kind
 * implements {@link #withMetadata} with its own return type, so code that only touches metadata
 * (resourceVersion, uid, timestamps) works on every kind.
 */
public interface KubeObject extends ApiObject {
    ObjectMeta metadata();

    KubeObject withMetadata(ObjectMeta metadata);

    /** metadata.name, or null when there is no metadata. */
    default String name() {
        return metadata() == null ? null : metadata().name();
    }

    /** metadata.namespace, or null when there is no metadata. */
    default String namespace() {
        return metadata() == null ? null : metadata().namespace();
    }

    /** This object's metadata, or an empty one when absent: lets callers chain withers. */
    default ObjectMeta metadataOrEmpty() {
        return metadata() == null ? ObjectMeta.EMPTY : metadata();
    }
}
