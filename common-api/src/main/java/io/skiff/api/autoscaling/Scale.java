package io.skiff.api.autoscaling;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;

/** The {@code /scale} subresource of a replication controller ({@code autoscaling/v1}). */
public record Scale(ObjectMeta metadata, Scale.Spec spec, Scale.Status status) implements KubeObject {
    public static final String KIND = "Scale";
    public static final String GROUP = "autoscaling";
    public static final String API_VERSION = "autoscaling/v1";

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Scale withMetadata(ObjectMeta metadata) {
        return new Scale(metadata, spec, status);
    }

    public Scale withSpec(Spec spec) {
        return new Scale(metadata, spec, status);
    }

    public Scale withStatus(Status status) {
        return new Scale(metadata, spec, status);
    }

    /** {@code ScaleSpec}: the desired replicas. */
    public record Spec(Integer replicas) {}

    /** {@code ScaleStatus}: observed replicas and the label selector as a string ({@code app=web}). */
    public record Status(Integer replicas, String selector) {}
}
