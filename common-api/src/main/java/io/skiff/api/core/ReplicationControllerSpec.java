package io.skiff.api.core;

import java.util.Map;

/** How many copies of {@code template} to keep, and which pods count ({@code selector}). */
public record ReplicationControllerSpec(Integer replicas, Integer minReadySeconds, Map<String, String> selector,
        PodTemplateSpec template) {

    public ReplicationControllerSpec withReplicas(Integer v) {
        return new ReplicationControllerSpec(v, minReadySeconds, selector, template);
    }

    public ReplicationControllerSpec withSelector(Map<String, String> v) {
        return new ReplicationControllerSpec(replicas, minReadySeconds, v, template);
    }

    public ReplicationControllerSpec withTemplate(PodTemplateSpec v) {
        return new ReplicationControllerSpec(replicas, minReadySeconds, selector, v);
    }
}
