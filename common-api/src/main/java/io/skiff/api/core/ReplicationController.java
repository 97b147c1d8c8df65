package io.skiff.api.core;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;

/** Keeps {@code spec.replicas} pods matching {@code spec.selector} running. */
public record ReplicationController(ObjectMeta metadata, ReplicationControllerSpec spec,
        ReplicationControllerStatus status) implements KubeObject {
    public static final String KIND = "ReplicationController";
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
    public ReplicationController withMetadata(ObjectMeta metadata) {
        return new ReplicationController(metadata, spec, status);
    }

    public ReplicationController withSpec(ReplicationControllerSpec spec) {
        return new ReplicationController(metadata, spec, status);
    }

    public ReplicationController withStatus(ReplicationControllerStatus status) {
        return new ReplicationController(metadata, spec, status);
    }
}
