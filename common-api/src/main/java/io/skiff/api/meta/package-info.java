/**
 * What every API object shares, as Kubernetes' {@code metav1}: {@link io.skiff.api.meta.ApiObject}
 * (apiVersion + kind), {@link io.skiff.api.meta.KubeObject} (plus {@link io.skiff.api.meta.ObjectMeta}),
 * {@link io.skiff.api.meta.KubeList}, {@link io.skiff.api.meta.Status} for results and errors,
 * {@link io.skiff.api.meta.WatchEvent}, {@link io.skiff.api.meta.DeleteOptions},
 * {@link io.skiff.api.meta.IntOrString} and the wire forms of times ({@link io.skiff.api.meta.Rfc3339}).
 *
 * <p>All records are immutable; absent fields are null (never invented empty lists or maps) and
 * stay absent on the wire.
 */
package io.skiff.api.meta;
