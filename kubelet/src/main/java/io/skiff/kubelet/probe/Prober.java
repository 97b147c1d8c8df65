package io.skiff.kubelet.probe;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.Probe;
import io.skiff.api.meta.IntOrString;
import io.skiff.client.Tls;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerRuntimeException;
import io.skiff.kubelet.runtime.ExecResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * Runs one probe once against a container, as the Kubernetes prober does: {@code httpGet} to the
 * pod IP (2xx/3xx is healthy; HTTPS without verifying the certificate), {@code tcpSocket} (the
 * port accepts a connection), {@code exec} through the runtime (exit code 0). Every kind is
 * bounded by the probe's {@code timeoutSeconds}; an overrun is a failure, never a hang.
 */
public final class Prober {
    private final ContainerRuntime runtime;
    private final HttpClient http;

    public Prober(ContainerRuntime runtime) {
        this.runtime = runtime;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                // Kubernetes does not verify probe certificates: a probe asks "are you up", not "who are you".
                .sslContext(Tls.trustingEverything())
                .build();
    }

    /** What a probe runs against: the pod's address and the container's spec and engine id. */
    public record Target(String podIp, Container container, String containerId) {}

    public ProbeOutcome probe(Probe probe, Target target) {
        Duration timeout = Duration.ofSeconds(probe.timeoutSeconds() == null || probe.timeoutSeconds() < 1
                ? 1 : probe.timeoutSeconds());
        if (probe.exec() != null) {
            return exec(probe.exec().command(), target, timeout);
        }
        if (probe.httpGet() != null) {
            return httpGet(probe.httpGet(), target, timeout);
        }
        if (probe.tcpSocket() != null) {
            return tcp(probe.tcpSocket(), target, timeout);
        }
        return ProbeOutcome.failed("probe has no handler (exec, httpGet or tcpSocket)");
    }

    private ProbeOutcome exec(List<String> command, Target target, Duration timeout) {
        try {
            ExecResult r = runtime.exec(target.containerId(), command, timeout);
            if (r.timedOut()) {
                return ProbeOutcome.failed("command " + command + " timed out after " + timeout.toSeconds() + "s");
            }
            return r.succeeded() ? ProbeOutcome.ok() : ProbeOutcome.failed("command " + command
                    + " exited with " + r.exitCode() + (r.output().isBlank() ? "" : ": " + r.output().strip()));
        } catch (ContainerRuntimeException e) {
            return ProbeOutcome.errored(e.getMessage());
        }
    }

    private ProbeOutcome httpGet(Probe.HTTPGetAction action, Target target, Duration timeout) {
        String scheme = Probe.HTTPGetAction.SCHEME_HTTPS.equalsIgnoreCase(action.scheme()) ? "https" : "http";
        String host = action.host() == null || action.host().isEmpty() ? target.podIp() : action.host();
        String path = action.path() == null || action.path().isEmpty() ? "/" : action.path();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        String url;
        try {
            url = scheme + "://" + hostForUrl(host) + ":" + port(action.port(), target.container()) + path;
        } catch (IllegalArgumentException e) {
            return ProbeOutcome.failed(e.getMessage());
        }
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                    .header("User-Agent", "skiff-probe/1");
            if (action.httpHeaders() != null) {
                action.httpHeaders().forEach(h -> req.setHeader(h.name(), h.value()));
            }
            HttpResponse<Void> response = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            return code >= 200 && code < 400 ? ProbeOutcome.ok()
                    : ProbeOutcome.failed("HTTP probe failed with statuscode: " + code);
        } catch (HttpTimeoutException e) {
            return ProbeOutcome.failed("Get \"" + url + "\": context deadline exceeded (timeout " + timeout.toSeconds() + "s)");
        } catch (IOException | IllegalArgumentException e) {
            return ProbeOutcome.failed("Get \"" + url + "\": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeOutcome.failed("probe interrupted");
        }
    }

    private static ProbeOutcome tcp(Probe.TCPSocketAction action, Target target, Duration timeout) {
        String host = action.host() == null || action.host().isEmpty() ? target.podIp() : action.host();
        int port;
        try {
            port = port(action.port(), target.container());
        } catch (IllegalArgumentException e) {
            return ProbeOutcome.failed(e.getMessage());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
            return ProbeOutcome.ok();
        } catch (IOException e) {
            return ProbeOutcome.failed("dial tcp " + host + ":" + port + ": " + describe(e));
        }
    }

    /** A port number, or the name of one of the container's ports. */
    static int port(IntOrString port, Container container) {
        if (port == null) {
            throw new IllegalArgumentException("probe has no port");
        }
        if (port.holdsInt()) {
            return port.intValue();
        }
        List<ContainerPort> ports = container.ports() == null ? List.of() : container.ports();
        return ports.stream()
                .filter(p -> port.stringValue().equals(p.name()) && p.containerPort() != null)
                .map(ContainerPort::containerPort)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("couldn't find port " + port.stringValue()
                        + " in container " + container.name()));
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** What went wrong, in words: the JDK's connect failures often come without a message. */
    private static String describe(Exception e) {
        if (e instanceof java.net.ConnectException) {
            return "connect: connection refused";
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "i/o timeout";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
