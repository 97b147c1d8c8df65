package io.skiff.apiserver.rest;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRouting;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.KubeObject;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.RequestGate;
import io.skiff.apiserver.RequestInfo;
import io.skiff.apiserver.registry.Registries;
import io.skiff.apiserver.registry.Registry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The object paths of every served group version — {@code /api/v1/...} and
 * {@code /apis/coordination.k8s.io/v1/...} — routed by parsing the path as Kubernetes does
 * ({@link RequestInfo}) rather than by a route per shape, which the namespace and subresource
 * forms would make ambiguous. Non-watch requests run under the request timeout (504 past it);
 * watches stream over HTTP or a websocket.
 */
public final class ResourceRoutes {
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final Registries registries;
    private final RequestGate gate;
    private final ResourceHandler handler;
    private final Subresources subresources;
    private final WatchServer watches;
    private final ResponseWriter responses;
    private final ExecutorService executor;
    private final long maxRequestBytes;
    private final Duration requestTimeout;

    public ResourceRoutes(io.skiff.api.codec.Scheme scheme, Registries registries, RequestGate gate, WatchServer watches,
            ResponseWriter responses, ExecutorService executor, long maxRequestBytes, Duration requestTimeout,
            Clock clock) {
        this.registries = registries;
        this.gate = gate;
        this.watches = watches;
        this.responses = responses;
        this.executor = executor;
        this.maxRequestBytes = maxRequestBytes;
        this.requestTimeout = requestTimeout;
        this.subresources = new Subresources(new BodyDecoder(scheme), registries, clock);
        this.handler = subresources.handler();
    }

    /** {@code /api/v1}, {@code /apis/coordination.k8s.io/v1}: one per group version served. */
    public Set<String> prefixes() {
        Set<String> out = new LinkedHashSet<>();
        for (Registry<?> r : registries.all()) {
            ResourceInfo info = r.resource();
            out.add(info.group().isEmpty() ? "/api/" + info.version() : "/apis/" + info.group() + "/" + info.version());
        }
        return out;
    }

    public void register(JavalinDefaultRouting routes) {
        for (String prefix : prefixes()) {
            for (HandlerType method : METHODS) {
                routes.addHttpHandler(method, prefix + "/*", this::handle);
            }
            routes.wsBeforeUpgrade(prefix + "/*", this::beforeUpgrade);
            routes.ws(prefix + "/*", ws -> {
                ws.onConnect(c -> {
                    RequestContext rc = c.attribute(RequestContext.ATTRIBUTE);
                    WatchServer.Request<?> request = c.attribute(WATCH_ATTRIBUTE);
                    c.attribute(CLOSER_ATTRIBUTE, watches.serveWebSocket(c, rc, request));
                });
                ws.onClose(c -> stopWatch(c.attribute(CLOSER_ATTRIBUTE)));
                ws.onError(c -> stopWatch(c.attribute(CLOSER_ATTRIBUTE)));
            });
        }
    }

    private static final String WATCH_ATTRIBUTE = "skiff.watch";
    private static final String CLOSER_ATTRIBUTE = "skiff.watch.closer";

    private static void stopWatch(Runnable closer) {
        if (closer != null) {
            closer.run();
        }
    }

    /** A websocket upgrade is only for a watch; its options are checked before upgrading (errors stay HTTP). */
    private void beforeUpgrade(Context ctx) {
        RequestContext rc = gate.admit(ctx);
        if (!rc.info().isWatch()) {
            throw ApiErrors.badRequest("only watch requests may be upgraded to a websocket");
        }
        ctx.attribute(WATCH_ATTRIBUTE, watches.prepare(rc, registry(rc.info())));
    }

    private void handle(Context ctx) throws IOException {
        RequestContext rc = gate.admit(ctx);
        RequestInfo info = rc.info();
        if (info.isWatch()) {
            serveWatch(ctx, rc, registry(info));
            return;
        }
        RequestBody body = switch (info.verb()) {
            case "create", "update", "patch", "delete", "deletecollection" -> RequestBody.read(
                    ctx.req().getInputStream(), ctx.req().getContentLengthLong(), ctx.header("Content-Type"),
                    maxRequestBytes);
            default -> RequestBody.EMPTY;
        };
        ApiResponse response;
        if (info.resource().equals("bindings") && info.subresource().isEmpty() && info.name().isEmpty()
                && info.apiGroup().isEmpty()) {
            if (!info.verb().equals("create") || info.namespace().isEmpty()) {
                throw ResourceHandler.notFound();
            }
            boolean dryRun = QueryOptions.dryRun(rc);
            response = withTimeout(() -> subresources.bindByName(info.namespace(), body, dryRun));
        } else {
            Registry<?> registry = registry(info);
            response = withTimeout(() -> handler.handle(rc, registry, body));
        }
        responses.write(ctx, rc, response);
    }

    private <T extends KubeObject> void serveWatch(Context ctx, RequestContext rc, Registry<T> registry) throws IOException {
        watches.serveHttp(ctx, rc, watches.prepare(rc, registry));
    }

    /** The registry a path names; 404 for anything else. */
    private Registry<?> registry(RequestInfo info) {
        if (!info.resourceRequest() || info.resource().isEmpty() || info.parts().size() > 3) {
            throw ResourceHandler.notFound();
        }
        Registry<?> r = registries.find(info.apiGroup(), info.resource()).orElseThrow(ResourceHandler::notFound);
        if (!r.resource().version().equals(info.apiVersion())) {
            throw ResourceHandler.notFound();
        }
        return r;
    }

    /**
     * Runs a request under the request timeout. Past it the client gets 504; the work itself
     * finishes (a write is atomic in storage, so it is either entirely done or not at all).
     */
    private ApiResponse withTimeout(java.util.concurrent.Callable<ApiResponse> work) {
        Future<ApiResponse> future = executor.submit(work);
        try {
            return future.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw ApiErrors.timeout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw ApiErrors.timeout();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException api) {
                throw api;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
