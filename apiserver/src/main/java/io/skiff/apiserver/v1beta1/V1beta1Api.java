package io.skiff.apiserver.v1beta1;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRouting;
import io.skiff.api.meta.Status;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.RouteRegistrar;
import io.skiff.apiserver.registry.Registries;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 2014 API, {@code /api/v1beta1}, kept working on the registries that serve {@code /api/v1}:
 * one store, two wire forms. Add it to a server with
 * {@code ApiServer.builder(config).routes(V1beta1Api.withDefaults())}.
 *
 * <pre>
 * GET    /api/v1beta1/{pods|replicationControllers|services|minions|events}   ?namespace= ?labels= ?fields=
 * POST   /api/v1beta1/{resource}                                               201 (pods: ?sync=true&amp;timeout=30s)
 * GET    /api/v1beta1/{resource}/{id}
 * PUT    /api/v1beta1/{resource}/{id}          compare-and-swap on the numeric resourceVersion (pods: ?sync=true)
 * DELETE /api/v1beta1/{resource}/{id}          Status Success (pods: ?sync=true waits until gone)
 * GET    /api/v1beta1/watch/{resource}[/{id}]  one v1beta1 event per line
 * GET    /api/v1beta1/operations[/{id}]        long operations: 202 Working, 200 result, 404 once expired
 * </pre>
 *
 * Errors are v1beta1 Status objects ({@code status: Failure}, {@code details.id/kind/causes}
 * with v1beta1 field paths). Authentication and authorization happen before, as for every path.
 */
public final class V1beta1Api implements RouteRegistrar {
    public static final String PREFIX = "/api/v1beta1";
    private static final Logger LOG = LoggerFactory.getLogger(V1beta1Api.class);
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final V1beta1Options options;

    public V1beta1Api(V1beta1Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public static V1beta1Api withDefaults() {
        return new V1beta1Api(V1beta1Options.defaults());
    }

    @Override
    public void register(JavalinDefaultRouting routes, ApiServer server) {
        Registries registries = server.registries();
        LegacyWire wire = new LegacyWire(server.scheme());
        LegacyHandler handler = new LegacyHandler(server.scheme(), wire,
                new Operations(options.maxOperations(), options.operationExpiry()), new PodWaiter(registries.pods()),
                options, server.config().maxRequestBytes());
        LegacyWatch watch = new LegacyWatch(wire, server.config().minWatchTimeout(),
                server.config().watchQueueCapacity());
        List<LegacyResource<?>> resources = List.of(
                new LegacyResource<>("pods", "pod", registries.pods()),
                new LegacyResource<>("replicationControllers", "replicationController",
                        registries.replicationControllers()),
                new LegacyResource<>("services", "service", registries.services()),
                new LegacyResource<>("minions", "minion", registries.nodes()),
                new LegacyResource<>("events", "event", registries.events()));
        for (LegacyResource<?> r : resources) {
            String collection = PREFIX + "/" + r.path();
            routes.get(collection, guarded(wire, r, ctx -> handler.list(ctx, r)));
            routes.post(collection, guarded(wire, r, ctx -> handler.create(ctx, r)));
            routes.get(collection + "/{id}", guarded(wire, r, ctx -> handler.get(ctx, r)));
            routes.put(collection + "/{id}", guarded(wire, r, ctx -> handler.update(ctx, r)));
            routes.delete(collection + "/{id}", guarded(wire, r, ctx -> handler.delete(ctx, r)));
            routes.get(PREFIX + "/watch/" + r.path(), guarded(wire, r, ctx -> watch.serve(ctx, r)));
            routes.get(PREFIX + "/watch/" + r.path() + "/{id}", guarded(wire, r, ctx -> watch.serve(ctx, r)));
        }
        routes.get(PREFIX + "/operations", guarded(wire, null, handler::listOperations));
        routes.get(PREFIX + "/operations/{id}", guarded(wire, null, handler::getOperation));
        // The rest of /api/v1beta1 answers in v1beta1 too: 405 for a verb a known path lacks, else 404.
        for (HandlerType method : METHODS) {
            routes.addHttpHandler(method, PREFIX + "/*", guarded(wire, null, ctx -> {
                throw unserved(ctx, resources);
            }));
        }
    }

    private static ApiException unserved(Context ctx, List<LegacyResource<?>> resources) {
        String rest = ctx.path().substring(Math.min(ctx.path().length(), PREFIX.length()));
        for (LegacyResource<?> r : resources) {
            String base = "/" + r.path();
            if (rest.equals(base) || rest.startsWith(base + "/") && rest.indexOf('/', base.length() + 1) < 0) {
                return new ApiException(Status.failure(405, Status.REASON_METHOD_NOT_ALLOWED, ctx.method().name()
                        + " is not supported on " + r.path() + " in v1beta1", null));
            }
        }
        return new ApiException(Status.failure(404, Status.REASON_NOT_FOUND,
                "the server could not find the requested resource", null));
    }

    /** Answers every error of {@code h} as a v1beta1 Status (a fault of ours as 500, logged). */
    private static Handler guarded(LegacyWire wire, LegacyResource<?> r, Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (ApiException e) {
                if (e.code() >= 500 && e.code() != 503 && e.code() != 504) {
                    LOG.error("{} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e.getCause());
                }
                LegacyWire.write(ctx, e.code(), wire.status(r, e.status()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LegacyWire.write(ctx, 503, wire.status(r, ApiErrors.serviceUnavailable("the server is stopping").status()));
            } catch (RuntimeException e) {
                LOG.error("{} {}: internal error", ctx.method(), ctx.path(), e);
                LegacyWire.write(ctx, 500, wire.status(r, ApiErrors.internal(e).status()));
            }
        };
    }
}
