package io.skiff.api.core;

import java.util.List;
import java.util.Map;

/** Ports, selector and address of a service. */
public record ServiceSpec(List<ServicePort> ports, Map<String, String> selector, String clusterIP,
        List<String> clusterIPs, String type, List<String> externalIPs, String sessionAffinity,
        String loadBalancerIP, String externalName) {

    public static final String TYPE_CLUSTER_IP = "ClusterIP";
    public static final String TYPE_NODE_PORT = "NodePort";
    public static final String TYPE_LOAD_BALANCER = "LoadBalancer";
    public static final String TYPE_EXTERNAL_NAME = "ExternalName";
    public static final String AFFINITY_NONE = "None";
    public static final String AFFINITY_CLIENT_IP = "ClientIP";
    /** clusterIP of a headless service. */
    public static final String CLUSTER_IP_NONE = "None";

    public static ServiceSpec of(List<ServicePort> ports, Map<String, String> selector) {
        return new ServiceSpec(ports, selector, null, null, null, null, null, null, null);
    }

    public ServiceSpec withPorts(List<ServicePort> v) {
        return new ServiceSpec(v, selector, clusterIP, clusterIPs, type, externalIPs, sessionAffinity,
                loadBalancerIP, externalName);
    }

    public ServiceSpec withClusterIP(String v) {
        return new ServiceSpec(ports, selector, v, clusterIPs, type, externalIPs, sessionAffinity, loadBalancerIP,
                externalName);
    }

    public ServiceSpec withType(String v) {
        return new ServiceSpec(ports, selector, clusterIP, clusterIPs, v, externalIPs, sessionAffinity,
                loadBalancerIP, externalName);
    }

    public ServiceSpec withSessionAffinity(String v) {
        return new ServiceSpec(ports, selector, clusterIP, clusterIPs, type, externalIPs, v, loadBalancerIP,
                externalName);
    }
}
