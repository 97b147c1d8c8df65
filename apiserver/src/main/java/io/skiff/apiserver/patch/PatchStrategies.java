package io.skiff.apiserver.patch;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strategic-merge-patch table of the served kinds: which lists merge by a key field (the
 * Go types' {@code patchMergeKey} tags) and which lists of strings merge as sets. Paths are the
 * field names from the object root with list positions left out ({@code spec.containers.ports}).
 * Every other list is replaced whole, as Kubernetes does for lists without a strategy.
 */
public final class PatchStrategies {
    /** A list of strings that merges as a set (union; {@code $deleteFromPrimitiveList} removes). */
    static final String SET = "";

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

    private static final Map<String, PatchStrategies> BY_KIND = Map.of(
            Pod.KIND, of(under("spec.", POD_SPEC), Map.of("status.conditions", "type")),
            ReplicationController.KIND, of(under("spec.template.spec.", POD_SPEC), Map.of("status.conditions", "type")),
            Service.KIND, of(Map.of("spec.ports", "port")),
            Node.KIND, of(Map.of("status.conditions", "type", "status.addresses", "type", "status.images", SET)),
            Namespace.KIND, of(Map.of()),
            Endpoints.KIND, of(Map.of()),
            Event.KIND, of(Map.of()),
            Lease.KIND, of(Map.of()));
    private static final PatchStrategies METADATA_ONLY = of(Map.of());

    private final Map<String, String> mergeKeys;

    private PatchStrategies(Map<String, String> mergeKeys) {
        this.mergeKeys = Map.copyOf(mergeKeys);
    }

    @SafeVarargs
    private static PatchStrategies of(Map<String, String>... tables) {
        Map<String, String> all = new HashMap<>(METADATA);
        for (Map<String, String> t : tables) {
            all.putAll(t);
        }
        return new PatchStrategies(all);
    }

    private static Map<String, String> under(String prefix, Map<String, String> table) {
        Map<String, String> out = new HashMap<>();
        table.forEach((path, key) -> out.put(prefix + path, key));
        return out;
    }

    /** The table of a kind; kinds without one still merge metadata lists. */
    public static PatchStrategies forKind(String kind) {
        return BY_KIND.getOrDefault(kind, METADATA_ONLY);
    }

    /** The merge key of the list at {@code path}, {@link #SET} for a set of strings, null to replace it whole. */
    public String mergeKey(String path) {
        return mergeKeys.get(path);
    }

    /** The kinds with a table of their own. */
    static Set<String> kinds() {
        return BY_KIND.keySet();
    }

    static List<String> paths(String kind) {
        return List.copyOf(forKind(kind).mergeKeys.keySet());
    }
}
