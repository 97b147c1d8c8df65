package io.skiff.api.core;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;

/** A group of containers that run together on one node. */
public record Pod(ObjectMeta metadata, PodSpec spec, PodStatus status) implements KubeObject {
    public static final String KIND = "Pod";
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
    public Pod withMetadata(ObjectMeta metadata) {
        return new Pod(metadata, spec, status);
    }

    public Pod withSpec(PodSpec spec) {
        return new Pod(metadata, spec, status);
    }

    public Pod withStatus(PodStatus status) {
        return new Pod(metadata, spec, status);
    }
}
