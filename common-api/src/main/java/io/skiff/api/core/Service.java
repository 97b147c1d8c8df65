package io.skiff.api.core;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;

/** A stable address for the pods matching {@code spec.selector}. */
public record Service(ObjectMeta metadata, ServiceSpec spec, ServiceStatus status) implements KubeObject {
    public static final String KIND = "Service";
    public static final String API_VERSION = "v1";

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Service withMetadata(ObjectMeta metadata) {
        return new Service(metadata, spec, status);
    }

    public Service withSpec(ServiceSpec spec) {
        return new Service(metadata, spec, status);
    }

    public Service withStatus(ServiceStatus status) {
        return new Service(metadata, spec, status);
    }
}
