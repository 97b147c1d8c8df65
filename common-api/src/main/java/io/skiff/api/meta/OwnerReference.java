package io.skiff.api.meta;

/** metadata.ownerReferences[]: the owner the garbage collector follows. */
public record OwnerReference(
        String apiVersion, String kind, String name, String uid, Boolean controller, Boolean blockOwnerDeletion) {}
