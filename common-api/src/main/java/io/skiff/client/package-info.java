/**
 * The typed REST client of the apiserver, on {@code java.net.http}: the only way the kubelet,
 * the controller-manager and the CLI talk to the cluster.
 *
 * <ul>
 *   <li>{@link io.skiff.client.ClientConfig}: server ({@code --server}, {@code SKIFF_SERVER},
 *       {@code KUBERNETES_MASTER}, {@code http://localhost:8080}), bearer token, CA file or
 *       insecure TLS, timeouts.
 *   <li>{@link io.skiff.client.SkiffClient}: one per process; {@code pods(ns)},
 *       {@code replicationControllers(ns)}, {@code services(ns)}, {@code endpoints(ns)},
 *       {@code events(ns)}, {@code leases(ns)}, {@code nodes()}, {@code namespaces()} give a
 *       {@link io.skiff.client.ResourceClient} (a null namespace lists and watches all).
 *   <li>{@link io.skiff.client.ResourceClient}: get/find, list (one page), listAll (every
 *       page of one snapshot), create, update (CAS on resourceVersion), updateStatus, patch
 *       (merge, JSON, strategic), delete (with {@code DeleteOptions}), updateWithRetry
 *       (read-modify-write on 409), watch ({@link io.skiff.client.Watch}).
 *   <li>Errors: {@link io.skiff.client.ApiException} carries the server's {@code Status};
 *       {@link io.skiff.client.ServerConnectionException} when there was no answer.
 * </ul>
 *
 * Informers are in {@link io.skiff.client.informer}, the work queue in
 * {@link io.skiff.client.workqueue}.
 */
package io.skiff.client;
