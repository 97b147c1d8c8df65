/** {@code coordination.k8s.io/v1}: {@link io.skiff.api.coordination.Lease}, for heartbeats and leader election. */
package io.skiff.api.coordination;
