package io.skiff.controller.scheduler;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.Pod;
import java.util.ArrayList;
import java.util.List;

/** A port a pod publishes on its node ({@code hostPort}), with its protocol and host IP. */
public record HostPort(String protocol, String hostIP, int port) {
    private static final String ANY_IP = "0.0.0.0";

    /** The host ports of every container of the pod (ports without a hostPort publish nothing). */
    public static List<HostPort> of(Pod pod) {
        List<HostPort> out = new ArrayList<>();
        if (pod.spec() == null || pod.spec().containers() == null) {
            return out;
        }
        for (Container c : pod.spec().containers()) {
            if (c.ports() == null) {
                continue;
            }
            for (ContainerPort p : c.ports()) {
                if (p.hostPort() != null && p.hostPort() > 0) {
                    String protocol = p.protocol() == null || p.protocol().isEmpty()
                            ? ContainerPort.PROTOCOL_TCP : p.protocol();
                    String ip = p.hostIP() == null || p.hostIP().isEmpty() ? ANY_IP : p.hostIP();
                    out.add(new HostPort(protocol, ip, p.hostPort()));
                }
            }
        }
        return out;
    }

    /** Same port and protocol on the same IP, or on any IP when either side binds all of them. */
    public boolean conflictsWith(HostPort o) {
        return port == o.port && protocol.equals(o.protocol)
                && (hostIP.equals(o.hostIP) || hostIP.equals(ANY_IP) || o.hostIP.equals(ANY_IP));
    }
}
