package io.skiff.api.core;

import java.util.List;

/** {@code ServiceStatus}: only load balancer ingress points. */
public record ServiceStatus(LoadBalancerStatus loadBalancer) {

    public record LoadBalancerStatus(List<LoadBalancerIngress> ingress) {}

    public record LoadBalancerIngress(String ip, String hostname) {}
}
