package io.skiff.apiserver.logs;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.skiff.api.core.Container;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus.NodeAddress;
import io.skiff.api.core.Pod;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.RouteRegistrar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/namespaces/{ns}/pods/{name}/log}: asks the kubelet of the pod's node
 * ({@code /containerLogs/{ns}/{pod}/{container}} on the node's InternalIP and kubelet port, as
 * Kubernetes' apiserver does) and streams its answer back, a followed log line by line. The
 * query parameters are Kubernetes': {@code container}, {@code follow}, {@code tailLines},
 * {@code timestamps}, {@code previous}, {@code sinceSeconds}.
 */
public final class PodLogRoutes implements RouteRegistrar {
    public static final String PATH = "/api/v1/namespaces/{namespace}/pods/{name}/log";
    private static final int DEFAULT_KUBELET_PORT = 10250;

    private final HttpClient kubelets;
    private final Clock clock;

    public PodLogRoutes() {
        this(Clock.systemUTC());
    }

    PodLogRoutes(Clock clock) {
        this.clock = clock;
        this.kubelets = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void register(JavalinDefaultRouting routes, ApiServer server) {
        routes.get(PATH, ctx -> serve(ctx, server));
    }

    private void serve(Context ctx, ApiServer server) throws IOException, InterruptedException {
        String namespace = ctx.pathParam("namespace");
        String name = ctx.pathParam("name");
        Pod pod = server.registries().pods().get(namespace, name);
        String container = container(pod, ctx.queryParam("container"));
        String nodeName = pod.spec().nodeName();
        if (nodeName == null || nodeName.isEmpty()) {
            throw ApiErrors.badRequest("pod " + name + " does not have a host assigned");
        }
        Node node = server.registries().nodes().get("", nodeName);
        URI uri = URI.create("http://" + host(node) + ":" + port(node) + "/containerLogs/" + namespace + "/" + name
                + "/" + container + query(ctx));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (!"true".equals(ctx.queryParam("follow"))) {
            request.timeout(Duration.ofSeconds(60));
        }
        HttpResponse<InputStream> answer;
        try {
            answer = kubelets.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ApiErrors.serviceUnavailable("cannot reach the kubelet of node " + nodeName + " at " + uri.getHost()
                    + ":" + uri.getPort() + ": " + e.getMessage());
        }
        ctx.status(answer.statusCode());
        ctx.contentType(answer.headers().firstValue("Content-Type").orElse("text/plain; charset=utf-8"));
        OutputStream out = ctx.res().getOutputStream();
        out.flush(); // headers now: a follower sees the stream open before the first line
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush(); // a followed log is useful only line by line
            }
        }
    }

    /** The container asked for, or the only one; Kubernetes' words when that is ambiguous or wrong. */
    static String container(Pod pod, String asked) {
        List<String> names = pod.spec().containers().stream().map(Container::name).toList();
        if (asked == null || asked.isEmpty()) {
            if (names.size() == 1) {
                return names.get(0);
            }
            throw ApiErrors.badRequest("a container name must be specified for pod " + pod.name() + ", choose one of: "
                    + names);
        }
        if (!names.contains(asked)) {
            throw ApiErrors.badRequest("container " + asked + " is not valid for pod " + pod.name());
        }
        return asked;
    }

    private static String host(Node node) {
        List<NodeAddress> addresses = node.status() == null || node.status().addresses() == null ? List.of()
                : node.status().addresses();
        for (String type : List.of(NodeAddress.TYPE_INTERNAL_IP, NodeAddress.TYPE_EXTERNAL_IP, NodeAddress.TYPE_HOSTNAME)) {
            for (NodeAddress a : addresses) {
                if (type.equals(a.type()) && a.address() != null && !a.address().isEmpty()) {
                    return a.address().contains(":") ? "[" + a.address() + "]" : a.address();
                }
            }
        }
        throw ApiErrors.badRequest("node " + node.name() + " has no address to reach its kubelet at");
    }

    private static int port(Node node) {
        if (node.status() != null && node.status().daemonEndpoints() != null
                && node.status().daemonEndpoints().kubeletEndpoint() != null
                && node.status().daemonEndpoints().kubeletEndpoint().port() != null
                && node.status().daemonEndpoints().kubeletEndpoint().port() > 0) {
            return node.status().daemonEndpoints().kubeletEndpoint().port();
        }
        return DEFAULT_KUBELET_PORT;
    }

    /** The kubelet's query: the same options, {@code sinceSeconds} turned into a {@code sinceTime}. */
    private String query(Context ctx) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String p : List.of("follow", "tailLines", "timestamps", "previous")) {
            String v = ctx.queryParam(p);
            if (v != null && !v.isEmpty()) {
                q.put(p, v);
            }
        }
        String since = ctx.queryParam("sinceSeconds");
        if (since != null && !since.isEmpty()) {
            try {
                q.put("sinceTime", clock.instant().minusSeconds(Long.parseLong(since)).toString());
            } catch (NumberFormatException e) {
                throw ApiErrors.badRequest("sinceSeconds must be a number of seconds, got \"" + since + "\"");
            }
        }
        return q.isEmpty() ? "" : q.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
