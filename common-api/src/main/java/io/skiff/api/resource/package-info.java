/** Resource amounts: {@link io.skiff.api.resource.Quantity}, as Kubernetes' {@code resource.Quantity}. */
package io.skiff.api.resource;
