/** Kubernetes v1 defaulting of the hub kinds, applied before validation: {@link io.skiff.api.defaults.Defaults}. */
package io.skiff.api.defaults;
