package io.skiff.api.patch;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import java.util.HashMap;
import java.util.Map;

/**
 * The strategic-merge-patch strategy of each list of the served kinds (the Go types'
 * {@code patchMergeKey} / {@code patchStrategy} tags): which lists merge element by element on a
 * key field, which lists of strings merge as sets, and (by absence) which are replaced whole.
 * A client computing a patch (kubectl's {@code apply}) needs the same table as the server
 * applying it, so it lives with the API types. Paths are field names from the object root with
 * list positions left out, e.g. {@code spec.containers.ports}.
 */
public final class PatchMergeKeys {
    /** The merge "key" of a list of strings that merges as a set. */
    public static final String SET = "";

    private static final Map<String, String> POD_SPEC = Map.of(
            "containers", "name",
            "initContainers", "name",
            "volumes", "name",
            "containers.ports", "containerPort",
            "containers.env", "name",
            "containers.volumeMounts", "mountPath",
            "initContainers.ports", "containerPort",
            "initContainers.env", "name",
            "initContainers.volumeMounts", "mountPath",
            "imagePullSecrets", "name");
    private static final Map<String, String> METADATA = Map.of(
            "metadata.finalizers", SET,
            "metadata.ownerReferences", "uid");

    private static final Map<String, Map<String, String>> BY_KIND = Map.of(
            Pod.KIND, of(under("spec.", POD_SPEC), Map.of("status.conditions", "type")),
            ReplicationController.KIND, of(under("spec.template.spec.", POD_SPEC), Map.of("status.conditions", "type")),
            Service.KIND, of(Map.of("spec.ports", "port")),
            Node.KIND, of(Map.of("status.conditions", "type", "status.addresses", "type", "status.images", SET)),
            Namespace.KIND, METADATA,
            Endpoints.KIND, METADATA,
            Event.KIND, METADATA,
            Lease.KIND, METADATA);

    private PatchMergeKeys() {}

    /**
     * The merge key of the list at {@code path} in an object of {@code kind}: a field name,
     * {@link #SET} for a set of strings, or null for a list that is replaced whole.
     */
    public static String mergeKey(String kind, String path) {
        return BY_KIND.getOrDefault(kind, METADATA).get(path);
    }

    @SafeVarargs
    private static Map<String, String> of(Map<String, String>... tables) {
        Map<String, String> all = new HashMap<>(METADATA);
        for (Map<String, String> t : tables) {
            all.putAll(t);
        }
        return Map.copyOf(all);
    }

    private static Map<String, String> under(String prefix, Map<String, String> table) {
        Map<String, String> out = new HashMap<>();
        table.forEach((path, key) -> out.put(prefix + path, key));
        return out;
    }
}
