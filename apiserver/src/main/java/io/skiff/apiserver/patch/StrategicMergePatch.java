package io.skiff.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.patch.PatchMergeKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch for the served kinds: maps merge as in a JSON merge patch;
 * lists with a merge key (containers by name, ports by containerPort, conditions by type, ...)
 * merge element by element; lists of strings marked as sets merge as sets; other lists are
 * replaced. Directives: {@code $patch: replace|delete|merge} on a map or a list element,
 * {@code $retainKeys}, {@code $deleteFromPrimitiveList/<list>} and {@code $setElementOrder/<list>}
 * (which kubectl apply sends).
 */
public final class StrategicMergePatch {
    private static final String PATCH = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
    private static final String SET_ELEMENT_ORDER = "$setElementOrder/";

    private final String kind;

    /** A patcher for objects of {@code kind}, whose lists merge as {@link PatchMergeKeys} says. */
    public StrategicMergePatch(String kind) {
        this.kind = kind;
    }

    /** The patched document; {@code original} is not modified. */
    public JsonNode apply(JsonNode original, JsonNode patch) {
        if (!patch.isObject()) {
            throw new PatchException("a strategic merge patch is a JSON object, got " + patch.getNodeType());
        }
        JsonNode merged = mergeMap(original != null && original.isObject() ? (ObjectNode) original : null,
                (ObjectNode) patch, "");
        return merged == null ? JsonNodeFactory.instance.objectNode() : merged;
    }

    /** The merged map, or null when the patch deletes it. */
    private ObjectNode mergeMap(ObjectNode original, ObjectNode patch, String path) {
        JsonNode directive = patch.get(PATCH);
        if (directive != null) {
            switch (directive.asText()) {
                case "replace" -> {
                    return stripDirectives(patch);
                }
                case "delete" -> {
                    return null;
                }
                case "merge" -> { }
                default -> throw new PatchException("unknown patch directive $patch: " + directive.asText());
            }
        }
        ObjectNode result = original == null ? JsonNodeFactory.instance.objectNode() : original.deepCopy();
        for (Map.Entry<String, JsonNode> f : patch.properties()) {
            String name = f.getKey();
            JsonNode value = f.getValue();
            if (name.startsWith("$")) {
                continue; // directives are applied below
            }
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (value.isNull()) {
                result.remove(name);
            } else if (value.isObject()) {
                JsonNode current = result.get(name);
                ObjectNode merged = mergeMap(current != null && current.isObject() ? (ObjectNode) current : null,
                        (ObjectNode) value, childPath);
                if (merged == null) {
                    result.remove(name);
                } else {
                    result.set(name, merged);
                }
            } else if (value.isArray()) {
                JsonNode current = result.get(name);
                result.set(name, mergeList(current != null && current.isArray() ? (ArrayNode) current : null,
                        (ArrayNode) value, childPath));
            } else {
                result.set(name, value);
            }
        }
        applyListDirectives(result, patch, path);
        JsonNode retain = patch.get(RETAIN_KEYS);
        if (retain != null && retain.isArray()) {
            Set<String> keep = new HashSet<>();
            retain.forEach(k -> keep.add(k.asText()));
            result.retain(keep);
        }
        return result;
    }

    private ArrayNode mergeList(ArrayNode original, ArrayNode patch, String path) {
        for (JsonNode e : patch) {
            if (e.isObject() && "replace".equals(e.path(PATCH).asText())) {
                ArrayNode replaced = JsonNodeFactory.instance.arrayNode();
                for (JsonNode other : patch) {
                    if (other != e) {
                        replaced.add(stripDirectives(other));
                    }
                }
                return replaced;
            }
        }
        String key = PatchMergeKeys.mergeKey(kind, path);
        if (key == null || original == null) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode e : patch) {
                if (!(e.isObject() && "delete".equals(e.path(PATCH).asText()))) {
                    out.add(stripDirectives(e));
                }
            }
            return out;
        }
        ArrayNode result = original.deepCopy();
        if (key.equals(PatchMergeKeys.SET)) {
            Set<JsonNode> present = new HashSet<>();
            result.forEach(present::add);
            for (JsonNode e : patch) {
                if (present.add(e)) {
                    result.add(e);
                }
            }
            return result;
        }
        for (JsonNode e : patch) {
            if (!e.isObject()) {
                throw new PatchException(path + ": the elements of this list are objects merged by \"" + key + "\"");
            }
            JsonNode keyValue = e.get(key);
            if (keyValue == null) {
                throw new PatchException(path + ": an element of a patch of this list needs its merge key \"" + key + "\"");
            }
            int at = indexOf(result, key, keyValue);
            if ("delete".equals(e.path(PATCH).asText())) {
                while (at >= 0) {
                    result.remove(at);
                    at = indexOf(result, key, keyValue);
                }
            } else if (at >= 0) {
                ObjectNode merged = mergeMap((ObjectNode) result.get(at), (ObjectNode) e, path);
                if (merged == null) {
                    result.remove(at);
                } else {
                    result.set(at, merged);
                }
            } else {
                result.add(stripDirectives(e));
            }
        }
        return result;
    }

    /** {@code $deleteFromPrimitiveList/<list>} and {@code $setElementOrder/<list>} of one map. */
    private void applyListDirectives(ObjectNode result, ObjectNode patch, String path) {
        for (Map.Entry<String, JsonNode> f : patch.properties()) {
            String name = f.getKey();
            if (name.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                String list = name.substring(DELETE_FROM_PRIMITIVE_LIST.length());
                JsonNode current = result.get(list);
                if (current != null && current.isArray() && f.getValue().isArray()) {
                    Set<JsonNode> remove = new HashSet<>();
                    f.getValue().forEach(remove::add);
                    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                    current.forEach(v -> {
                        if (!remove.contains(v)) {
                            kept.add(v);
                        }
                    });
                    result.set(list, kept);
                }
            } else if (name.startsWith(SET_ELEMENT_ORDER)) {
                String list = name.substring(SET_ELEMENT_ORDER.length());
                JsonNode current = result.get(list);
                String childPath = path.isEmpty() ? list : path + "." + list;
                if (current != null && current.isArray() && f.getValue().isArray()) {
                    result.set(list, order((ArrayNode) current, (ArrayNode) f.getValue(),
                            PatchMergeKeys.mergeKey(kind, childPath)));
                }
            }
        }
    }

    /** The elements named in {@code order} first, in that order, then the others as they were. */
    private static ArrayNode order(ArrayNode list, ArrayNode order, String key) {
        List<JsonNode> rest = new ArrayList<>();
        list.forEach(rest::add);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode o : order) {
            for (Iterator<JsonNode> it = rest.iterator(); it.hasNext(); ) {
                JsonNode e = it.next();
                boolean same = key == null || key.equals(PatchMergeKeys.SET) ? Objects.equals(e, o)
                        : e.isObject() && o.isObject() && Objects.equals(e.get(key), o.get(key));
                if (same) {
                    out.add(e);
                    it.remove();
                    break;
                }
            }
        }
        rest.forEach(out::add);
        return out;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (e.isObject() && value.equals(e.get(key))) {
                return i;
            }
        }
        return -1;
    }

    /** A copy without {@code $...} directive keys, at every depth. */
    private static <N extends JsonNode> N stripDirectives(N node) {
        @SuppressWarnings("unchecked")
        N copy = (N) node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> directives = new ArrayList<>();
            o.fieldNames().forEachRemaining(n -> {
                if (n.startsWith("$")) {
                    directives.add(n);
                }
            });
            o.remove(directives);
            o.forEach(StrategicMergePatch::strip);
        } else if (node.isArray()) {
            node.forEach(StrategicMergePatch::strip);
        }
    }
}
