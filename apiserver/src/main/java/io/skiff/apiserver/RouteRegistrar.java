package io.skiff.apiserver;

import io.javalin.router.JavalinDefaultRouting;

/**
 * Adds routes of one concern (discovery, /openapi/v2, /metrics, v1beta1, pods/log, ...) to the
 * server. Registrars run before the core resource routes, so a specific route they add (e.g.
 * {@code /api/v1/namespaces/{namespace}/pods/{name}/log}) wins over the resource wildcard.
 * Handlers find the request's {@link RequestContext} (user included) in the
 * {@link RequestContext#ATTRIBUTE} attribute, and answer errors by throwing an {@link ApiException}.
 */
@FunctionalInterface
public interface RouteRegistrar {
    void register(JavalinDefaultRouting routes, ApiServer server);
}
