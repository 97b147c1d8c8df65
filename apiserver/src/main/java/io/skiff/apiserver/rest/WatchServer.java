package io.skiff.apiserver.rest;

import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import io.skiff.api.codec.Json;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeObject;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.RequestObserver;
import io.skiff.apiserver.printing.Printer;
import io.skiff.apiserver.registry.ListOptions;
import io.skiff.apiserver.registry.Registry;
import io.skiff.apiserver.watch.CacheWatcher;
import io.skiff.apiserver.watch.Delivery;
import io.skiff.apiserver.watch.WatchCache;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves WATCH from the watch cache: as a chunked HTTP response with one JSON event per line,
 * written without blocking by a few shared sender threads ({@link HttpWatchSender}), or — when
 * the client asks for a websocket upgrade, as fabric8 does — as one text message per event. Ends at {@code timeoutSeconds}
 * (default: a random time between the minimum and twice it, so clients do not re-watch in
 * step), when the client goes, or when the cache cuts the watcher off.
 */
public final class WatchServer {
    private static final Logger LOG = LoggerFactory.getLogger(WatchServer.class);

    private final int queueCapacity;
    private final Duration minTimeout;
    private final Printer printer;
    private final RequestObserver observer;
    private final ScheduledExecutorService timers;
    private final Executor senders;

    /** {@code senders}: the few threads that write every HTTP watch stream (non-blocking). */
    public WatchServer(int queueCapacity, Duration minTimeout, Printer printer, RequestObserver observer,
            ScheduledExecutorService timers, Executor senders) {
        this.queueCapacity = queueCapacity;
        this.minTimeout = minTimeout;
        this.printer = printer;
        this.observer = observer;
        this.timers = timers;
        this.senders = senders;
    }

    /** Ends the watcher's stream when its time is up. */
    private ScheduledFuture<?> timeLimit(CacheWatcher<?> watcher, Duration timeout) {
        return timers.schedule(() -> watcher.end("timeout"), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A prepared watch: its options are checked; {@link #open} registers it with the cache. */
    public record Request<T extends KubeObject>(Registry<T> registry, String keyPrefix, ListOptions options,
            long fromRevision, boolean bookmarks, Duration timeout) {}

    /** Parses and checks a watch request (400 for bad options) without starting it. */
    public <T extends KubeObject> Request<T> prepare(RequestContext rc, Registry<T> registry) {
        String ns = ResourceHandler.namespace(rc.info(), registry.resource());
        ListOptions options = QueryOptions.list(rc, registry.strategy().selectableFieldNames(), rc.info().name());
        String rv = options.resourceVersion();
        long from = rv.isEmpty() || rv.equals("0") ? 0 : QueryOptions.parseRevision(rv);
        long timeoutSeconds = QueryOptions.nonNegative(rc, "timeoutSeconds", -1, Integer.MAX_VALUE);
        Duration timeout = timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds)
                : minTimeout.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, minTimeout.toMillis())));
        return new Request<>(registry, registry.collectionPrefix(ns), options, from,
                QueryOptions.bool(rc, "allowWatchBookmarks"), timeout);
    }

    private <T extends KubeObject> CacheWatcher<T> open(Request<T> request) {
        WatchCache<T> cache = request.registry().cache();
        if (cache == null) {
            throw io.skiff.apiserver.ApiErrors.serviceUnavailable("watch is not available before the server started");
        }
        return cache.watch(request.keyPrefix(), request.registry().predicate(request.options()), request.fromRevision(),
                request.bookmarks(), queueCapacity);
    }

    /**
     * Streams over the HTTP response until the timeout, the client leaving, or the watcher ending.
     * The request's thread returns at once; {@link HttpWatchSender} sends from the shared senders.
     */
    public <T extends KubeObject> void serveHttp(Context ctx, RequestContext rc, Request<T> request) throws IOException {
        CacheWatcher<T> watcher;
        try {
            watcher = open(request);
        } catch (ApiException e) {
            if (e.code() != 410) {
                throw e;
            }
            // Too old: Kubernetes answers 200 with one ERROR event carrying the 410 Status.
            ctx.status(200).contentType(ResponseWriter.JSON);
            OutputStream out = ctx.res().getOutputStream();
            out.write(errorLine(e));
            out.flush();
            return;
        }
        observer.watchOpened(rc);
        boolean printing = ResponseWriter.wantsPrinting(rc.header("Accept"));
        ScheduledFuture<?> timer = timeLimit(watcher, request.timeout());
        ctx.status(200).contentType(ResponseWriter.JSON);
        Runnable finish = () -> {
            timer.cancel(false);
            watcher.close();
            observer.watchClosed(rc);
        };
        ctx.future(() -> {
            HttpWatchSender<T> sender;
            try {
                ServletOutputStream out = ctx.res().getOutputStream();
                sender = new HttpWatchSender<>(watcher, out, senders, d -> encode(rc, d, printing));
                watcher.onQueued(sender::wake);
                out.setWriteListener(sender); // the container calls onWritePossible now
            } catch (IOException | RuntimeException e) {
                LOG.debug("watch {}: cannot stream: {}", rc, e.toString());
                finish.run();
                return CompletableFuture.completedFuture(null);
            }
            return sender.done().whenComplete((ok, e) -> finish.run());
        });
    }

    /**
     * Streams over a websocket, one event per text message, until it ends; then closes the
     * socket. Returns what stops the watch when the client closes first (null if none started).
     */
    public <T extends KubeObject> Runnable serveWebSocket(WsContext ws, RequestContext rc, Request<T> request) {
        CacheWatcher<T> watcher;
        try {
            watcher = open(request);
        } catch (ApiException e) {
            ws.send(message(errorLine(e)));
            ws.closeSession(1000, "");
            return null;
        }
        observer.watchOpened(rc);
        boolean printing = ResponseWriter.wantsPrinting(rc.header("Accept"));
        ScheduledFuture<?> timer = timeLimit(watcher, request.timeout());
        Thread.ofVirtual().name("ws-watch-" + rc.info().resource()).start(() -> {
            try {
                while (ws.session.isOpen()) {
                    Delivery<T> d = watcher.take();
                    if (d.isEnd()) {
                        break;
                    }
                    ws.send(message(encode(rc, d, printing)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.debug("websocket watch {}: {}", rc, e.toString());
            } finally {
                timer.cancel(false);
                watcher.close();
                observer.watchClosed(rc);
                if (ws.session.isOpen()) {
                    ws.closeSession(1000, "");
                }
            }
        });
        return watcher::close;
    }

    /** The event's line, newline included. */
    private byte[] encode(RequestContext rc, Delivery<? extends KubeObject> d, boolean printing) {
        if (printing && d.event() != null) {
            ApiObject printed = printer.print(rc, d.event().object()).orElse(null);
            if (printed != null) {
                return ("{\"type\":\"" + d.type() + "\",\"object\":" + Json.toString(printed) + "}\n")
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        return d.bytes();
    }

    /** A websocket text message: the line without its newline. */
    private static String message(byte[] line) {
        return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    }

    static byte[] errorLine(ApiException e) {
        return ("{\"type\":\"ERROR\",\"object\":" + Json.toString(e.status()) + "}\n").getBytes(StandardCharsets.UTF_8);
    }
}
