package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Endpoints;

/** Endpoints: written whole by the endpoints controller; a PUT of an absent one creates it. */
public final class EndpointsStrategy extends KindStrategy<Endpoints> {
    public EndpointsStrategy(ResourceInfo resource) {
        super(resource, Endpoints.class);
    }

    @Override
    public boolean allowCreateOnUpdate() {
        return true;
    }
}
