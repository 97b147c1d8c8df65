package io.skiff.kubelet.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Pod;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.Status;
import io.skiff.kubelet.runtime.ContainerNotFoundException;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.LogOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's HTTP server ({@code --address}:{@code --port}, 10250): {@code /healthz},
 * {@code /pods} (the pods this kubelet runs, as a PodList), {@code /metrics}, and
 * {@code /containerLogs/{namespace}/{pod}/{container}} with {@code follow}, {@code tailLines},
 * {@code timestamps}, {@code previous} and {@code sinceTime}, which the apiserver's
 * {@code pods/{name}/log} proxies to. A followed log streams until the container exits or the
 * client goes away.
 */
public final class KubeletServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KubeletServer.class);

    /** What the server shows: the kubelet's pods and where their containers are. */
    public interface PodsView {
        /** The pods this kubelet runs, each with the status it last computed. */
        List<Pod> pods();

        /** The engine id of a container of a pod: its current one, or with {@code previous} the one before. */
        Optional<String> containerId(String namespace, String podName, String containerName, boolean previous);
    }

    private final PodsView pods;
    private final ContainerRuntime runtime;
    private final KubeletMetrics metrics;
    private final Scheme scheme;
    private final String address;
    private final int port;
    private Javalin app;

    public KubeletServer(String address, int port, PodsView pods, ContainerRuntime runtime, KubeletMetrics metrics,
                         Scheme scheme) {
        this.address = address;
        this.port = port;
        this.pods = pods;
        this.runtime = runtime;
        this.metrics = metrics;
        this.scheme = scheme;
    }

    public KubeletServer start() {
        app = Javalin.create(this::configure);
        app.start();
        log.info("Kubelet server listening on {}:{}", address, app.port());
        return this;
    }

    /** The port it listens on (the real one when 0 was asked). */
    public int port() {
        return app.port();
    }

    private void configure(JavalinConfig c) {
        c.useVirtualThreads = true;
        c.showJavalinBanner = false;
        c.startupWatcherEnabled = false;
        c.http.disableCompression();
        c.jetty.addConnector((server, httpConfig) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
            connector.setHost(address);
            connector.setPort(port);
            // A followed log can be quiet for long; the container's end or the client's leaving ends it.
            connector.setIdleTimeout(Duration.ofHours(1).toMillis());
            return connector;
        });
        c.router.mount(routes -> {
            routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
            routes.get("/pods", this::listPods);
            routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.render()));
            routes.get("/containerLogs/{namespace}/{pod}/{container}", this::containerLogs);
        });
    }

    private void listPods(Context ctx) {
        KubeList<Pod> list = KubeList.of(Pod.API_VERSION, Pod.KIND, ListMeta.EMPTY, pods.pods());
        ctx.contentType("application/json").result(scheme.encode(list));
    }

    private void containerLogs(Context ctx) throws IOException {
        String ns = ctx.pathParam("namespace");
        String podName = ctx.pathParam("pod");
        String container = ctx.pathParam("container");
        LogOptions options;
        boolean previous;
        try {
            previous = bool(ctx.queryParam("previous"));
            String tail = ctx.queryParam("tailLines");
            String since = ctx.queryParam("sinceTime");
            options = new LogOptions(bool(ctx.queryParam("follow")),
                    tail == null || tail.isEmpty() ? null : Integer.valueOf(tail),
                    bool(ctx.queryParam("timestamps")),
                    since == null || since.isEmpty() ? null : Instant.parse(since));
        } catch (RuntimeException e) {
            error(ctx, 400, Status.REASON_BAD_REQUEST, "invalid log options: " + e.getMessage());
            return;
        }
        Optional<String> id = pods.containerId(ns, podName, container, previous);
        if (id.isEmpty()) {
            error(ctx, 404, Status.REASON_NOT_FOUND, (previous ? "previous terminated container \"" : "container \"")
                    + container + "\" in pod \"" + podName + "\" not found");
            return;
        }
        ctx.status(200).contentType("text/plain; charset=utf-8");
        OutputStream out = ctx.res().getOutputStream();
        out.flush(); // headers now: a follower knows the stream is open before the first line
        try {
            runtime.logs(id.get(), options, out);
        } catch (ContainerNotFoundException e) {
            log.debug("logs of {}/{}/{}: container went away", ns, podName, container);
        }
    }

    private static boolean bool(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        return switch (v) {
            case "true", "1", "True", "TRUE", "t" -> true;
            case "false", "0", "False", "FALSE", "f" -> false;
            default -> throw new IllegalArgumentException("\"" + v + "\" is not a boolean");
        };
    }

    private static void error(Context ctx, int code, String reason, String message) {
        ctx.status(code).contentType("application/json")
                .result(io.skiff.api.codec.Json.toBytes(Status.failure(code, reason, message, null)));
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
