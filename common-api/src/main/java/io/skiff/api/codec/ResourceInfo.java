package io.skiff.api.codec;

import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.ClusterScoped;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import java.util.List;

/**
 * What the apiserver, discovery and the CLI need to know about one served resource: kind,
 * plural / singular / short names, scope, verbs and subresources.
 */
public record ResourceInfo(
        String group,
        String version,
        String kind,
        String plural,
        String singular,
        List<String> shortNames,
        boolean namespaced,
        List<String> verbs,
        Class<? extends KubeObject> type,
        List<Subresource> subresources) {

    public static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** A resource whose scope comes from its type: {@link ClusterScoped} kinds are not namespaced. */
    public static ResourceInfo of(String group, String version, String kind, String plural, String singular,
            List<String> shortNames, List<String> verbs, Class<? extends KubeObject> type,
            List<Subresource> subresources) {
        return new ResourceInfo(group, version, kind, plural, singular, shortNames,
                !ClusterScoped.class.isAssignableFrom(type), verbs, type, subresources);
    }

    /** {@code v1} for the core group, {@code group/version} otherwise. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String listKind() {
        return KubeList.listKind(kind);
    }

    /** The subresource with this name ({@code status}, {@code scale}, ...), or null. */
    public Subresource subresource(String name) {
        return subresources.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * {@code pods/status}, {@code replicationcontrollers/scale}, ... {@code group}/{@code version}
     * are those of the subresource's kind when it differs (scale is {@code autoscaling/v1 Scale}).
     */
    public record Subresource(String name, String group, String version, String kind,
            Class<? extends ApiObject> type, List<String> verbs) {}
}
