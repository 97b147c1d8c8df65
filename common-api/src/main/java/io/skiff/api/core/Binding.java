package io.skiff.api.core;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;

/** Binds a pod (metadata.name) to a node (target.name): what the scheduler POSTs to pods/binding. */
public record Binding(ObjectMeta metadata, ObjectReference target) implements KubeObject {
    public static final String KIND = "Binding";
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
    public Binding withMetadata(ObjectMeta metadata) {
        return new Binding(metadata, target);
    }
}
