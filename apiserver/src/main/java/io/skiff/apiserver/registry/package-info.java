/**
 * The generic store of each resource over {@code Storage}, as Kubernetes' generic registry:
 * {@link io.skiff.apiserver.registry.Registry} does create / get / list / update (read-modify-write
 * with compare-and-swap) / delete (graceful, finalizers, propagation policy); a
 * {@link io.skiff.apiserver.registry.Strategy} per kind says what differs. Kind validation plugs in
 * at each strategy's {@code validate} / {@code validateUpdate} (today: metadata rules plus minimal
 * kind rules; the {@code io.skiff.api.validation} kind validators replace the minimal ones there).
 * Keys are {@code <root>/{resource}/{namespace}/{name}} ({@link io.skiff.apiserver.registry.RegistryKeys}).
 */
package io.skiff.apiserver.registry;
