package io.skiff.api.printing;

import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.ObjectMeta;

/** {@code meta.k8s.io/v1 PartialObjectMetadata}: an object reduced to its metadata (a Table row's default object). */
public record PartialObjectMetadata(ObjectMeta metadata) implements ApiObject {
    public static final String KIND = "PartialObjectMetadata";

    @Override
    public String apiVersion() {
        return Table.API_VERSION;
    }

    @Override
    public String kind() {
        return KIND;
    }
}
