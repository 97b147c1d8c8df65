package io.skiff.apiserver;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRouting;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Namespace;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.auth.Authenticator;
import io.skiff.apiserver.auth.Authorizer;
import io.skiff.apiserver.discovery.Discovery;
import io.skiff.apiserver.metrics.ApiMetrics;
import io.skiff.apiserver.openapi.OpenApiRoutes;
import io.skiff.apiserver.printing.Printer;
import io.skiff.apiserver.printing.TablePrinter;
import io.skiff.apiserver.registry.NamespaceCleaner;
import io.skiff.apiserver.registry.NamespaceStrategy;
import io.skiff.apiserver.registry.RangeRepair;
import io.skiff.apiserver.registry.Registries;
import io.skiff.apiserver.registry.Registry;
import io.skiff.apiserver.registry.RegistryKeys;
import io.skiff.apiserver.rest.ResourceRoutes;
import io.skiff.apiserver.rest.ResponseWriter;
import io.skiff.apiserver.rest.WatchServer;
import io.skiff.apiserver.watch.WatchCache;
import io.skiff.storage.StorageException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server: the registries over a {@code Storage}, one watch cache per resource, and the
 * REST surface on Javalin. Runs in-process ({@code skiff apiserver}, {@code skiff up}, tests):
 * {@code ApiServer.builder(config).build().start()}, then {@link #url()} and {@link #close()}.
 * The storage belongs to the caller.
 *
 * <p>Extension seams: {@link Builder#routes} (more routes, run before the resource routes),
 * {@link Builder#authenticator} / {@link Builder#authorizer} (who may do what), {@link
 * Builder#printer} (server-side tables), {@link Builder#observer} (metrics) and {@link
 * Builder#jetty} (e.g. a TLS connector).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final List<String> SYSTEM_NAMESPACES =
            List.of(Namespace.DEFAULT, Namespace.KUBE_SYSTEM, NamespaceStrategy.KUBE_NODE_LEASE);
    private static final Duration NAMESPACE_RESCAN = Duration.ofSeconds(30);
    private static final Duration NAMESPACE_RETRY = Duration.ofSeconds(1);

    private final ApiServerConfig config;
    private final Scheme scheme;
    private final Clock clock;
    private final List<RouteRegistrar> registrars;
    private final RequestGate gate;
    private final Printer printer;
    private final RequestObserver observer;
    private final List<Consumer<JavalinConfig>> jettyCustomizers;
    private final Registries registries;
    private final RangeRepair rangeRepair;
    private final Duration rangeRepairInterval;
    private final List<WatchCache<?>> caches = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    /** Write every HTTP watch stream without blocking: one thread per core, not one per watcher. */
    private final ExecutorService watchSenders = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().daemon().name("watch-sender-", 1).factory());
    private Javalin app;
    private volatile boolean started;

    private ApiServer(Builder b) {
        this.config = b.config;
        this.scheme = b.scheme;
        this.clock = b.clock;
        this.registrars = List.copyOf(b.registrars);
        this.gate = new RequestGate(b.authenticator, b.authorizer);
        this.printer = b.printer;
        this.observer = b.observer;
        this.jettyCustomizers = List.copyOf(b.jetty);
        this.registries = new Registries(scheme, b.metrics.instrument(config.storage()),
                new RegistryKeys(config.registryRoot()),
                config.serviceClusterIpRange(), config.serviceNodePortRange(), config.eventTtl(), clock);
        this.rangeRepair = new RangeRepair(registries);
        this.rangeRepairInterval = b.rangeRepairInterval;
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "apiserver-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.scheduler = pool;
    }

    public static Builder builder(ApiServerConfig config) {
        return new Builder(config);
    }

    /** Bootstraps the system namespaces, fills the watch caches, then listens. */
    public synchronized ApiServer start() {
        if (started) {
            return this;
        }
        try {
            ensureSystemNamespaces();
            for (Registry<?> r : registries.all()) {
                caches.add(startCache(r));
            }
            new NamespaceCleaner(registries, scheduler, NAMESPACE_RETRY).start(NAMESPACE_RESCAN);
            startRangeRepair();
            long bookmarkMillis = config.bookmarkInterval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> caches.forEach(WatchCache::sendBookmarks), bookmarkMillis,
                    bookmarkMillis, TimeUnit.MILLISECONDS);
            app = Javalin.create(this::configure);
            app.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        started = true;
        LOG.info("apiserver listening on {} (storage {})", url(), config.storage().getClass().getSimpleName());
        return this;
    }

    /** A first pass before serving: restored Services get their keys back before any create can take them. */
    private void startRangeRepair() {
        try {
            rangeRepair.start(scheduler, rangeRepairInterval);
        } catch (StorageException | ApiException e) { // ApiException: the Services' list, mapped from storage
            throw new IllegalStateException("the first repair of the service IP and node port ranges failed, so the"
                    + " apiserver does not serve (a restored Service's value could be handed out again): "
                    + e.getMessage(), e);
        }
    }

    private <T extends KubeObject> WatchCache<T> startCache(Registry<T> r) {
        WatchCache<T> cache = new WatchCache<>(config.storage(), r.resource(), r.collectionPrefix(""), r.codec(),
                config.watchCacheWindow(), scheduler);
        r.attachCache(cache);
        cache.start();
        return cache;
    }

    /** {@code default}, {@code kube-system} and {@code kube-node-lease} exist from the first start. */
    private void ensureSystemNamespaces() {
        for (String name : SYSTEM_NAMESPACES) {
            if (registries.namespaces().find("", name).isEmpty()) {
                try {
                    registries.namespaces().create(new Namespace(ObjectMeta.named(name), null, null));
                    LOG.info("created namespace {}", name);
                } catch (ApiException e) {
                    if (e.code() != 409) {
                        throw e; // 409: another apiserver created it meanwhile
                    }
                }
            }
        }
    }

    private void configure(JavalinConfig c) {
        c.useVirtualThreads = true;
        c.showJavalinBanner = false;
        c.startupWatcherEnabled = false;
        c.http.maxRequestSize = config.maxRequestBytes();
        c.http.disableCompression();
        c.router.ignoreTrailingSlashes = true;
        c.jetty.addConnector((server, httpConfig) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
            connector.setHost(config.bindAddress());
            connector.setPort(config.port());
            // Watches may be quiet for long: bookmarks and their own timeout end them, not the connector.
            connector.setIdleTimeout(Duration.ofHours(1).toMillis());
            return connector;
        });
        c.jetty.modifyWebSocketServletFactory(f -> f.setIdleTimeout(Duration.ofHours(1)));
        ResponseWriter responses = new ResponseWriter(printer);
        WatchServer watches = new WatchServer(config.watchQueueCapacity(), config.minWatchTimeout(), printer, observer,
                scheduler, watchSenders);
        ResourceRoutes resources = new ResourceRoutes(scheme, registries, gate, watches, responses, requests,
                config.maxRequestBytes(), config.requestTimeout(), clock);
        c.router.mount(routes -> {
            routes.get("/healthz", ctx -> health(ctx, false));
            routes.get("/livez", ctx -> ctx.contentType("text/plain").result("ok"));
            routes.get("/readyz", ctx -> health(ctx, true));
            routes.before(ctx -> {
                if (!isHealth(ctx.path())) {
                    gate.admit(ctx);
                }
            });
            routes.after(this::observe);
            for (RouteRegistrar registrar : registrars) {
                registrar.register(routes, this);
            }
            resources.register(routes);
            notFoundForEverythingElse(routes);
            routes.exception(ApiException.class, (e, ctx) -> {
                if (e.code() >= 500) {
                    LOG.error("{} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e.getCause());
                }
                ResponseWriter.writeError(ctx, e);
            });
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {}: internal error", ctx.method(), ctx.path(), e);
                ResponseWriter.writeError(ctx, ApiErrors.internal(e));
            });
        });
        jettyCustomizers.forEach(customizer -> customizer.accept(c));
    }

    private static void notFoundForEverythingElse(JavalinDefaultRouting routes) {
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                HandlerType.DELETE)) {
            routes.addHttpHandler(method, "/*", ctx -> {
                throw new ApiException(io.skiff.api.meta.Status.failure(404, io.skiff.api.meta.Status.REASON_NOT_FOUND,
                        "the server could not find the requested resource", null));
            });
        }
    }

    private static boolean isHealth(String path) {
        return path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz");
    }

    private void observe(Context ctx) {
        RequestContext rc = ctx.attribute(RequestContext.ATTRIBUTE);
        if (rc != null) {
            try {
                observer.requestCompleted(rc, ctx.statusCode(), System.nanoTime() - rc.startNanos());
            } catch (RuntimeException e) {
                LOG.warn("request observer failed: {}", e.toString()); // never the client's problem
            }
        }
    }

    /** healthz: the storage answers; readyz: and every watch cache is loaded. */
    private void health(Context ctx, boolean readiness) {
        StringBuilder problems = new StringBuilder();
        try {
            config.storage().currentRevision();
        } catch (Exception e) {
            problems.append("[-]storage failed: ").append(e.getMessage()).append('\n');
        }
        if (readiness) {
            for (WatchCache<?> cache : caches) {
                if (!cache.isReady()) {
                    problems.append("[-]watch cache ").append(cache.resource().plural()).append(" not ready\n");
                }
            }
        }
        if (problems.isEmpty()) {
            ctx.contentType("text/plain").result("ok");
        } else {
            ctx.status(500).contentType("text/plain").result(problems + (readiness ? "readyz" : "healthz") + " check failed");
        }
    }

    /** The bound port (the real one when the config said 0). */
    public int port() {
        return app.port();
    }

    public URI url() {
        String host = config.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : config.bindAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public ApiServerConfig config() {
        return config;
    }

    public Scheme scheme() {
        return scheme;
    }

    public Registries registries() {
        return registries;
    }

    /** The repair of the cluster IP and node port ranges (a pass can be run at will, e.g. by a test). */
    public RangeRepair rangeRepair() {
        return rangeRepair;
    }

    /** Stops listening, ends every watch and background task. Does not close the storage. */
    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
        caches.forEach(WatchCache::close);
        caches.clear();
        scheduler.shutdownNow();
        requests.shutdownNow();
        watchSenders.shutdownNow();
        if (started) {
            LOG.info("apiserver stopped");
        }
        started = false;
    }

    /** Configures an {@link ApiServer}; every seam has a working default (insecure port, no printing). */
    public static final class Builder {
        private final ApiServerConfig config;
        private Scheme scheme = Scheme.defaultScheme();
        private Clock clock = Clock.systemUTC();
        // Defaults: discovery, /openapi/v2, /metrics (storage timed too) and server-side tables.
        private final ApiMetrics metrics = new ApiMetrics();
        private final List<RouteRegistrar> registrars =
                new ArrayList<>(List.of(new Discovery(), new OpenApiRoutes(), metrics));
        private Authenticator authenticator = Authenticator.UNSECURED;
        private Authorizer authorizer = Authorizer.ALLOW_ALL;
        private Printer printer = new TablePrinter(Clock.systemUTC());
        private RequestObserver observer = metrics;
        private final List<Consumer<JavalinConfig>> jetty = new ArrayList<>();
        private Duration rangeRepairInterval = RangeRepair.DEFAULT_INTERVAL;

        private Builder(ApiServerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The scheme (add API versions, e.g. v1beta1, to decode them). */
        public Builder scheme(Scheme v) {
            this.scheme = Objects.requireNonNull(v);
            return this;
        }

        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v);
            return this;
        }

        /** Routes of another concern; they run before the resource routes. */
        public Builder routes(RouteRegistrar v) {
            registrars.add(Objects.requireNonNull(v));
            return this;
        }

        public Builder authenticator(Authenticator v) {
            this.authenticator = Objects.requireNonNull(v);
            return this;
        }

        public Builder authorizer(Authorizer v) {
            this.authorizer = Objects.requireNonNull(v);
            return this;
        }

        public Builder printer(Printer v) {
            this.printer = Objects.requireNonNull(v);
            return this;
        }

        public Builder observer(RequestObserver v) {
            this.observer = Objects.requireNonNull(v);
            return this;
        }

        /** Low-level Javalin/Jetty configuration, applied last (e.g. add a TLS connector). */
        public Builder jetty(Consumer<JavalinConfig> v) {
            jetty.add(Objects.requireNonNull(v));
            return this;
        }

        /** How often leaked cluster IP and node port reservations are looked for (3 minutes, as Kubernetes). */
        public Builder rangeRepairInterval(Duration v) {
            if (v.isZero() || v.isNegative()) {
                throw new IllegalArgumentException("the range repair interval must be positive, got " + v);
            }
            this.rangeRepairInterval = v;
            return this;
        }

        public ApiServer build() {
            return new ApiServer(this);
        }
    }
}
