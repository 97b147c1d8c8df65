/**
 * The generic store of each resource over {@code Storage}, as Kubernetes' generic registry:
 * {@link io.skiff.apiserver.registry.Registry} does create / get / list / update (read-modify-write
 * with compare-and-swap) / delete (graceful, finalizers, propagation policy); a
 * {@link io.skiff.apiserver.registry.Strategy} per kind says what differs. Validation is common-api's
 * {@code io.skiff.api.validation.Validators} (create, update, {@code /status}: every error at once,
 * Kubernetes' wording); shared pools — service cluster IPs and node ports — are
 * {@link io.skiff.apiserver.registry.RangeAllocator}s of create-if-absent keys, which
 * {@link io.skiff.apiserver.registry.RangeRepair} keeps in step with the stored Services. Every write can be
 * a dry run ({@code dryRun=All}) that stores and reserves nothing.
 * Keys are {@code <root>/{resource}/{namespace}/{name}} ({@link io.skiff.apiserver.registry.RegistryKeys}).
 */
package io.skiff.apiserver.registry;
