package io.skiff.apiserver.openapi;

import io.skiff.api.core.NodeSpec;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.meta.DeleteOptions;
import java.util.Map;

/**
 * Kubernetes' definition name of a model type: its Go package and Go type name
 * ({@code io.k8s.api.core.v1.PodSpec}, {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}).
 * A nested record named by one word is qualified by its outer type, as Go names it
 * ({@code ContainerState.Waiting} is {@code ContainerStateWaiting}, {@code Lease.Spec} is
 * {@code LeaseSpec}); a longer name stands alone ({@code NodeStatus.NodeCondition}).
 */
final class Names {
    private static final Map<String, String> PACKAGES = Map.of(
            "io.skiff.api.core", "io.k8s.api.core.v1",
            "io.skiff.api.coordination", "io.k8s.api.coordination.v1",
            "io.skiff.api.autoscaling", "io.k8s.api.autoscaling.v1",
            "io.skiff.api.meta", "io.k8s.apimachinery.pkg.apis.meta.v1",
            "io.skiff.api.printing", "io.k8s.apimachinery.pkg.apis.meta.v1");
    /** Go names the rule above does not give. */
    private static final Map<Class<?>, String> GO_NAMES = Map.of(
            NodeSpec.Taint.class, "Taint",
            DeleteOptions.Preconditions.class, "Preconditions",
            ReplicationControllerStatus.Condition.class, "ReplicationControllerCondition");

    private Names() {}

    static String of(Class<?> type) {
        String pkg = PACKAGES.get(type.getPackageName());
        if (pkg == null) {
            throw new IllegalArgumentException("no Kubernetes package for " + type.getName());
        }
        return pkg + "." + goName(type);
    }

    static String goName(Class<?> type) {
        String known = GO_NAMES.get(type);
        if (known != null) {
            return known;
        }
        String simple = type.getSimpleName();
        Class<?> outer = type.getEnclosingClass();
        if (outer == null || simple.chars().filter(Character::isUpperCase).count() > 1) {
            return simple;
        }
        return goName(outer) + simple;
    }
}
