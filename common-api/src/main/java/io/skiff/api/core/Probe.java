package io.skiff.api.core;

import io.skiff.api.meta.IntOrString;
import java.util.List;

/** A health check the kubelet runs against a container; exactly one handler is set. */
public record Probe(
        ExecAction exec,
        HTTPGetAction httpGet,
        TCPSocketAction tcpSocket,
        Integer initialDelaySeconds,
        Integer timeoutSeconds,
        Integer periodSeconds,
        Integer successThreshold,
        Integer failureThreshold) {

    public static Probe exec(List<String> command) {
        return new Probe(new ExecAction(command), null, null, null, null, null, null, null);
    }

    public static Probe httpGet(String path, IntOrString port) {
        return new Probe(null, new HTTPGetAction(path, port, null, null, null), null, null, null, null, null, null);
    }

    public static Probe tcpSocket(IntOrString port) {
        return new Probe(null, null, new TCPSocketAction(port, null), null, null, null, null, null);
    }

    public Probe withTimings(Integer initialDelaySeconds, Integer timeoutSeconds, Integer periodSeconds,
            Integer successThreshold, Integer failureThreshold) {
        return new Probe(exec, httpGet, tcpSocket, initialDelaySeconds, timeoutSeconds, periodSeconds,
                successThreshold, failureThreshold);
    }

    /** Runs a command in the container; exit code 0 is healthy. */
    public record ExecAction(List<String> command) {}

    /** An HTTP GET against the pod; 200-399 is healthy. */
    public record HTTPGetAction(String path, IntOrString port, String host, String scheme,
            List<HTTPHeader> httpHeaders) {
        public static final String SCHEME_HTTP = "HTTP";
        public static final String SCHEME_HTTPS = "HTTPS";
    }

    public record HTTPHeader(String name, String value) {}

    /** A TCP connect to the pod; an open port is healthy. */
    public record TCPSocketAction(IntOrString port, String host) {}
}
