package io.skiff.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.skiff.api.meta.IntOrString;
import java.util.List;
import java.util.Map;

/** The v1beta1 service: one port, flat on the object, forwarded to {@code containerPort} of the pods. */
public final class ServiceTypes {
    private ServiceTypes() {}

    @JsonPropertyOrder({"port", "protocol", "labels", "selector", "createExternalLoadBalancer", "publicIPs",
            "containerPort", "portalIP", "sessionAffinity"})
    public record Service(@JsonUnwrapped TypeMeta meta, Integer port, String protocol, Map<String, String> labels,
            Map<String, String> selector, Boolean createExternalLoadBalancer, List<String> publicIPs,
            IntOrString containerPort, String portalIP, String sessionAffinity) {}

    public record ServiceList(@JsonUnwrapped TypeMeta meta, List<Service> items) {}
}
