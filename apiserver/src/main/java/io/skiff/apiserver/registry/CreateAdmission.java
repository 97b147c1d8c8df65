package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.KubeObject;

/**
 * A check every create passes before it is stored, after defaults and before validation (as
 * Kubernetes' admission): e.g. the object's namespace exists and is not being terminated.
 */
@FunctionalInterface
public interface CreateAdmission {
    CreateAdmission NONE = (resource, obj) -> {};

    /** Throws an {@link io.skiff.apiserver.ApiException} to refuse. */
    void admit(ResourceInfo resource, KubeObject obj);
}
