package io.skiff.apiserver.metrics;

import io.javalin.router.JavalinDefaultRouting;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.RequestInfo;
import io.skiff.apiserver.RequestObserver;
import io.skiff.apiserver.RouteRegistrar;
import io.skiff.storage.Storage;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code /metrics} in Prometheus text, with Kubernetes' metric names: request counts
 * ({@code apiserver_request_total}) and latencies ({@code apiserver_request_duration_seconds}) by
 * verb, group, version, resource, subresource, scope (and code), open watches
 * ({@code apiserver_longrunning_gauge}), and storage latency by operation and resource
 * ({@code etcd_request_duration_seconds}) measured around every call into the store.
 */
public final class ApiMetrics implements RequestObserver, RouteRegistrar {
    private static final double[] REQUEST_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5,
            2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60};
    private static final double[] STORAGE_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
            1, 2.5, 5, 10};

    private final Map<Labels, LongAdder> requests = new ConcurrentHashMap<>();
    private final Histogram requestDuration = new Histogram(REQUEST_BUCKETS);
    private final Map<Labels, AtomicLong> longRunning = new ConcurrentHashMap<>();
    private final Histogram storageDuration = new Histogram(STORAGE_BUCKETS);

    /** The store, timed into these metrics. */
    public Storage instrument(Storage storage) {
        return new InstrumentedStorage(storage, this);
    }

    @Override
    public void requestCompleted(RequestContext request, int code, long nanos) {
        Labels labels = labels(request.info());
        requests.computeIfAbsent(labels.with("code", Integer.toString(code)), l -> new LongAdder()).increment();
        requestDuration.observe(labels, nanos / 1e9);
    }

    @Override
    public void watchOpened(RequestContext request) {
        longRunning.computeIfAbsent(labels(request.info()), l -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void watchClosed(RequestContext request) {
        longRunning.computeIfAbsent(labels(request.info()), l -> new AtomicLong()).decrementAndGet();
    }

    void storageCall(String operation, String key, long nanos) {
        storageDuration.observe(Labels.of("operation", operation, "type", resourceOfKey(key)), nanos / 1e9);
    }

    @Override
    public void register(JavalinDefaultRouting routes, ApiServer server) {
        routes.get("/metrics", ctx -> ctx.contentType(PrometheusText.CONTENT_TYPE).result(text()));
    }

    /** Everything, in the text exposition format. */
    public String text() {
        PrometheusText out = new PrometheusText();
        out.header("apiserver_request_total", "counter", "Counter of apiserver requests broken out for each verb,"
                + " group, version, resource, subresource, scope and HTTP response code.");
        requests.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.sample("apiserver_request_total", e.getKey(), e.getValue().sum()));
        requestDuration.write(out, "apiserver_request_duration_seconds", "Response latency distribution in seconds"
                + " for each verb, group, version, resource, subresource and scope.");
        out.header("apiserver_longrunning_gauge", "gauge", "Gauge of all active long-running apiserver requests (watches)"
                + " broken out by verb, group, version, resource, subresource and scope.");
        longRunning.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.sample("apiserver_longrunning_gauge", e.getKey(), e.getValue().get()));
        storageDuration.write(out, "etcd_request_duration_seconds", "Storage request latency in seconds for each"
                + " operation and object type.");
        return out.toString();
    }

    private static Labels labels(RequestInfo info) {
        String scope = !info.resourceRequest() ? "" : !info.name().isEmpty() ? "resource"
                : !info.namespace().isEmpty() ? "namespace" : "cluster";
        return Labels.of("verb", verb(info), "group", info.apiGroup(), "version", info.apiVersion(),
                "resource", info.resource(), "subresource", info.subresource(), "scope", scope);
    }

    /** GET, LIST, WATCH, POST, PUT, PATCH, DELETE, DELETECOLLECTION; the HTTP method for other paths. */
    static String verb(RequestInfo info) {
        return switch (info.verb()) {
            case "create" -> "POST";
            case "update" -> "PUT";
            default -> info.verb().toUpperCase(Locale.ROOT);
        };
    }

    /** {@code pods} of {@code /registry/pods/ns/name} (whatever root the registry keys have). */
    static String resourceOfKey(String key) {
        int at = key.indexOf("/registry/");
        if (at < 0) {
            return "";
        }
        int start = at + "/registry/".length();
        int end = key.indexOf('/', start);
        return end < 0 ? key.substring(start) : key.substring(start, end);
    }
}
