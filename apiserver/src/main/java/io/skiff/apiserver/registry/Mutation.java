package io.skiff.apiserver.registry;

import io.skiff.api.meta.KubeObject;

/**
 * Computes the new state of an object from its current stored state, in a read-modify-write:
 * called again with the newer state when the compare-and-swap loses, so it must be a pure
 * function of {@code current} (and throw an {@link io.skiff.apiserver.ApiException} to refuse).
 */
@FunctionalInterface
public interface Mutation<T extends KubeObject> {
    T apply(T current);
}
