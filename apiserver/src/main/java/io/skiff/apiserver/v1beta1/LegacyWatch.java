package io.skiff.apiserver.v1beta1;

import io.javalin.http.Context;
import io.skiff.api.meta.KubeObject;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.registry.ListOptions;
import io.skiff.apiserver.rest.ResponseWriter;
import io.skiff.apiserver.watch.CacheWatcher;
import io.skiff.apiserver.watch.Delivery;
import io.skiff.apiserver.watch.WatchCache;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1beta1/watch/{resource}[/{id}]}: a watcher on the same watch cache as
 * {@code /api/v1} watches, streamed as chunked HTTP with one v1beta1 event per line
 * ({@code {"type":"MODIFIED","object":{"kind":"Pod","id":...}}}), flushed whenever the queue is
 * drained. {@code ?resourceVersion=} watches the changes after it (0 or none: the current
 * objects as ADDED first); one too old for the cache's window is an ERROR event with a 410 Status.
 */
final class LegacyWatch {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyWatch.class);
    private static final byte[] NEWLINE = {'\n'};

    private final LegacyWire wire;
    private final Duration minTimeout;
    private final int queueCapacity;

    LegacyWatch(LegacyWire wire, Duration minTimeout, int queueCapacity) {
        this.wire = wire;
        this.minTimeout = minTimeout;
        this.queueCapacity = queueCapacity;
    }

    <T extends KubeObject> void serve(Context ctx, LegacyResource<T> r) throws IOException {
        String name = ctx.pathParamMap().containsKey("id") ? LegacyParams.name(ctx) : "";
        String ns = LegacyParams.namespace(ctx, r, null);
        ListOptions selection = LegacyParams.selection(ctx, r, name);
        long from = LegacyParams.resourceVersion(ctx);
        // As the v1 watches: without timeoutSeconds, a random span so clients do not re-watch in step.
        Duration timeout = LegacyParams.timeoutSeconds(ctx,
                minTimeout.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, minTimeout.toMillis()))));
        WatchCache<T> cache = r.registry().cache();
        if (cache == null) {
            throw ApiErrors.serviceUnavailable("watch is not available before the server started");
        }
        OutputStream out;
        CacheWatcher<T> watcher;
        try {
            watcher = cache.watch(r.registry().collectionPrefix(ns), r.registry().predicate(selection), from, false,
                    queueCapacity);
        } catch (ApiException e) {
            if (e.code() != 410) {
                throw e;
            }
            ctx.status(200).contentType(ResponseWriter.JSON);
            out = ctx.res().getOutputStream();
            out.write(LegacyWire.event("ERROR", wire.status(r, e.status())));
            out.write(NEWLINE);
            out.flush();
            return;
        }
        ScheduledFuture<?> timer = WatchDeadlines.endAfter(watcher, timeout);
        try {
            ctx.status(200).contentType(ResponseWriter.JSON);
            out = ctx.res().getOutputStream();
            out.flush(); // headers now: the client knows the watch is established
            while (true) {
                Delivery<T> d = watcher.take();
                // Write everything that is ready, then flush once.
                boolean wrote = false;
                while (d != null && !d.isEnd()) {
                    if (d.event() != null) {
                        out.write(LegacyWire.event(d.type(), wire.object(r, d.event().object())));
                        out.write(NEWLINE);
                        wrote = true;
                    }
                    d = watcher.poll();
                }
                if (wrote) {
                    out.flush();
                }
                if (d != null) {
                    return; // the time is up, or the cache cut the watcher off: the client re-watches
                }
            }
        } catch (IOException e) {
            LOG.debug("v1beta1 watch of {}: client gone: {}", r.path(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.cancel(false);
            watcher.close();
        }
    }
}
