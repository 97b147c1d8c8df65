package io.skiff.api.core;

/** A port a container listens on, optionally published on the node as {@code hostPort}. */
public record ContainerPort(String name, Integer hostPort, Integer containerPort, String protocol, String hostIP) {
    public static final String PROTOCOL_TCP = "TCP";
    public static final String PROTOCOL_UDP = "UDP";
    public static final String PROTOCOL_SCTP = "SCTP";

    public static ContainerPort of(int containerPort) {
        return new ContainerPort(null, null, containerPort, null, null);
    }

    public ContainerPort withProtocol(String v) {
        return new ContainerPort(name, hostPort, containerPort, v, hostIP);
    }

    public ContainerPort withHostPort(Integer v) {
        return new ContainerPort(name, v, containerPort, protocol, hostIP);
    }
}
