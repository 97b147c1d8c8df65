/**
 * PATCH formats: JSON merge patch, JSON patch and Kubernetes' strategic merge patch, whose lists
 * merge by {@link io.skiff.api.patch.PatchMergeKeys}, the same table kubectl apply computes with.
 */
package io.skiff.apiserver.patch;
