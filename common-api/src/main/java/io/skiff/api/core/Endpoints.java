package io.skiff.api.core;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import java.util.List;

/** The addresses behind a service, kept by the endpoints controller (same name as the service). */
public record Endpoints(ObjectMeta metadata, List<EndpointSubset> subsets) implements KubeObject {
    public static final String KIND = "Endpoints";
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
    public Endpoints withMetadata(ObjectMeta metadata) {
        return new Endpoints(metadata, subsets);
    }

    public Endpoints withSubsets(List<EndpointSubset> subsets) {
        return new Endpoints(metadata, subsets);
    }
}
