/**
 * The API server. {@link io.skiff.apiserver.ApiServer} wires the registries (over a
 * {@code Storage}), one watch cache per resource and the REST surface on Javalin; it runs
 * in-process for {@code skiff apiserver}, {@code skiff up} and tests.
 *
 * <h2>Where other concerns plug in</h2>
 * <ul>
 *   <li>Routes: an {@link io.skiff.apiserver.RouteRegistrar} given to
 *       {@link io.skiff.apiserver.ApiServer.Builder#routes}; its routes are registered before the
 *       resource wildcard routes, so {@code /api/v1/namespaces/{namespace}/pods/{name}/log},
 *       {@code /api}, {@code /apis}, {@code /openapi/v2}, {@code /metrics}, {@code /api/v1beta1/...}
 *       are served by their own handlers.</li>
 *   <li>Who: {@link io.skiff.apiserver.auth.Authenticator} (401 when it finds nobody) and
 *       {@link io.skiff.apiserver.auth.Authorizer} (403 with its reason), applied by
 *       {@link io.skiff.apiserver.RequestGate} to every request but the health checks, websocket
 *       upgrades included. Handlers read the user from the {@link io.skiff.apiserver.RequestContext}
 *       kept under {@link io.skiff.apiserver.RequestContext#ATTRIBUTE}.</li>
 *   <li>Printing: a {@link io.skiff.apiserver.printing.Printer} turns GET/LIST answers and watch
 *       event objects into Tables when the Accept header asks ({@code as=Table}).</li>
 *   <li>Metrics: a {@link io.skiff.apiserver.RequestObserver} sees every request end (verb,
 *       resource, code, latency) and every watch open and close; storage latency is measured by
 *       decorating the {@code Storage} put into the {@link io.skiff.apiserver.ApiServerConfig}.</li>
 *   <li>TLS and other connectors: {@link io.skiff.apiserver.ApiServer.Builder#jetty}.</li>
 * </ul>
 *
 * <p>Errors are {@link io.skiff.apiserver.ApiException}s carrying a Kubernetes {@code Status};
 * {@link io.skiff.apiserver.ApiErrors} words them as Kubernetes does.
 */
package io.skiff.apiserver;
