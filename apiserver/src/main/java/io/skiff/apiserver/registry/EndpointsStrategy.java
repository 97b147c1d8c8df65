package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Endpoints;
import io.skiff.api.validation.NameValidator;

/** Endpoints: written whole by the endpoints controller; a PUT of an absent one creates it. */
public final class EndpointsStrategy extends KindStrategy<Endpoints> {
    public EndpointsStrategy(ResourceInfo resource) {
        super(resource, Endpoints.class, NameValidator.DNS_SUBDOMAIN);
    }

    @Override
    public boolean allowCreateOnUpdate() {
        return true;
    }
}
