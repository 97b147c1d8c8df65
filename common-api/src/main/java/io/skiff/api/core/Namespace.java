package io.skiff.api.core;

import io.skiff.api.meta.ClusterScoped;
import io.skiff.api.meta.ObjectMeta;
import java.util.List;

/** A scope for names. Cluster-scoped. */
public record Namespace(ObjectMeta metadata, Spec spec, Status status) implements ClusterScoped {
    public static final String KIND = "Namespace";
    public static final String API_VERSION = "v1";
    public static final String DEFAULT = "default";
    public static final String KUBE_SYSTEM = "kube-system";
    public static final String PHASE_ACTIVE = "Active";
    public static final String PHASE_TERMINATING = "Terminating";

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Namespace withMetadata(ObjectMeta metadata) {
        return new Namespace(metadata, spec, status);
    }

    public Namespace withSpec(Spec spec) {
        return new Namespace(metadata, spec, status);
    }

    public Namespace withStatus(Status status) {
        return new Namespace(metadata, spec, status);
    }

    /** {@code NamespaceSpec}. */
    public record Spec(List<String> finalizers) {}

    /** {@code NamespaceStatus}. */
    public record Status(String phase) {}
}
