package io.skiff.api.core;

import java.util.List;

/** Addresses that share the same ports. */
public record EndpointSubset(List<EndpointAddress> addresses, List<EndpointAddress> notReadyAddresses,
        List<EndpointPort> ports) {

    /** One pod (or other backend) address. */
    public record EndpointAddress(String ip, String hostname, String nodeName, ObjectReference targetRef) {}

    /** A port the addresses serve. */
    public record EndpointPort(String name, Integer port, String protocol) {}
}
