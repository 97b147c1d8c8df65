/**
 * The HTTP face of the registries: {@link io.skiff.apiserver.rest.ResourceRoutes} parses object
 * paths of every served group version, {@link io.skiff.apiserver.rest.ResourceHandler} does the
 * verbs, {@code Subresources} the status / binding / scale / finalize subresources, and
 * {@link io.skiff.apiserver.rest.WatchServer} streams watches (chunked HTTP or websocket) from the
 * watch caches.
 */
package io.skiff.apiserver.rest;
