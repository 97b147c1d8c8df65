package io.skiff.api.core;

import io.skiff.api.meta.ClusterScoped;
import io.skiff.api.meta.ObjectMeta;

/** A machine that runs pods; its kubelet registers it and reports its status. Cluster-scoped. */
public record Node(ObjectMeta metadata, NodeSpec spec, NodeStatus status) implements ClusterScoped {
    public static final String KIND = "Node";
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
    public Node withMetadata(ObjectMeta metadata) {
        return new Node(metadata, spec, status);
    }

    public Node withSpec(NodeSpec spec) {
        return new Node(metadata, spec, status);
    }

    public Node withStatus(NodeStatus status) {
        return new Node(metadata, spec, status);
    }
}
