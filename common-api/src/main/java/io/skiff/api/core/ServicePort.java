package io.skiff.api.core;

import io.skiff.api.meta.IntOrString;

/** One port of a service and the pod port ({@code targetPort}, number or name) it forwards to. */
public record ServicePort(String name, String protocol, Integer port, IntOrString targetPort, Integer nodePort) {
    public static ServicePort of(int port, IntOrString targetPort) {
        return new ServicePort(null, null, port, targetPort, null);
    }
}
