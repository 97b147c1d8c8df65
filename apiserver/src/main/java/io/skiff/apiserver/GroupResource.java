package io.skiff.apiserver;

import io.skiff.api.codec.ResourceInfo;

/**
 * A resource qualified by its API group, as Kubernetes prints it in errors: {@code pods} for the
 * core group, {@code leases.coordination.k8s.io} otherwise.
 */
public record GroupResource(String group, String resource) {
    public static GroupResource of(ResourceInfo info) {
        return new GroupResource(info.group(), info.plural());
    }

    public static GroupResource core(String resource) {
        return new GroupResource("", resource);
    }

    @Override
    public String toString() {
        return group.isEmpty() ? resource : resource + "." + group;
    }
}
