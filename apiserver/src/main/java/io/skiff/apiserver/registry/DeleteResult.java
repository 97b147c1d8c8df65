package io.skiff.apiserver.registry;

import io.skiff.api.meta.KubeObject;

/**
 * The outcome of a DELETE: the object as deleted ({@code deleted}), or as it is now while its
 * deletion is pending (a grace period, finalizers), with deletionTimestamp set.
 */
public record DeleteResult<T extends KubeObject>(T object, boolean deleted) {}
