package io.skiff.kubelet.proxy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round robin over the ready backends of each service port, as the 2014 kube-proxy's
 * LoadBalancerRR: every new connection goes to the next backend. An unchanged backend list
 * keeps its position, so a resync does not send the next connections to the same pod again.
 */
final class RoundRobinBalancer {
    private record Backends(List<InetSocketAddress> addresses, AtomicInteger next) {}

    private final ConcurrentHashMap<ServicePortName, Backends> byService = new ConcurrentHashMap<>();

    /** Replaces every service port's backends with {@code all}; service ports not in it are dropped. */
    void update(Map<ServicePortName, List<InetSocketAddress>> all) {
        byService.keySet().retainAll(all.keySet());
        all.forEach((name, addresses) -> byService.compute(name, (n, old) ->
                old != null && old.addresses().equals(addresses) ? old
                        : new Backends(List.copyOf(addresses), new AtomicInteger())));
    }

    /** The backend for the next connection to {@code name}; empty when it has no ready one. */
    Optional<InetSocketAddress> next(ServicePortName name) {
        Backends b = byService.get(name);
        if (b == null || b.addresses().isEmpty()) {
            return Optional.empty();
        }
        int i = Math.floorMod(b.next().getAndIncrement(), b.addresses().size());
        return Optional.of(b.addresses().get(i));
    }

    /** How many ready backends {@code name} has. */
    int size(ServicePortName name) {
        Backends b = byService.get(name);
        return b == null ? 0 : b.addresses().size();
    }
}
