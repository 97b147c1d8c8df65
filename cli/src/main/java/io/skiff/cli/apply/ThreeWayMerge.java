package io.skiff.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.patch.PatchMergeKeys;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * kubectl apply's three-way strategic merge patch ({@code CreateThreeWayMergePatch}): from the
 * last applied configuration ({@code original}), the file ({@code modified}) and the live object
 * ({@code current}). The patch sets what the file changes or adds relative to the live object,
 * and deletes what the file dropped since it was last applied — so fields that other writers
 * (the server's defaults, controllers, {@code skiff scale}) own are left alone. Lists with a merge
 * key are diffed element by element (a dropped container becomes {@code $patch: delete}); sets
 * of strings by {@code $deleteFromPrimitiveList}; other lists are replaced whole.
 */
public final class ThreeWayMerge {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** 3 and 3.0, int and long: equal numbers are equal, whatever node held them. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private enum Mode {
        /** Changes and additions from current to modified (deletions ignored). */
        DELTA,
        /** Only what original had and modified no longer has. */
        DELETIONS
    }

    private final String kind;

    private ThreeWayMerge(String kind) {
        this.kind = kind;
    }

    /** The patch; an empty object when the live object already matches the file. */
    public static ObjectNode patch(String kind, JsonNode original, JsonNode modified, JsonNode current) {
        ThreeWayMerge m = new ThreeWayMerge(kind);
        ObjectNode delta = m.diffMaps(current, modified, "", Mode.DELTA);
        ObjectNode deletions = original == null ? F.objectNode() : m.diffMaps(original, modified, "", Mode.DELETIONS);
        return m.merge(deletions, delta, "");
    }

    static boolean same(JsonNode a, JsonNode b) {
        return a.equals(SAME_VALUE, b);
    }

    private ObjectNode diffMaps(JsonNode from, JsonNode to, String path, Mode mode) {
        ObjectNode patch = F.objectNode();
        for (Map.Entry<String, JsonNode> e : to.properties()) {
            String key = e.getKey();
            JsonNode toValue = e.getValue();
            JsonNode fromValue = from.get(key);
            String child = path.isEmpty() ? key : path + "." + key;
            if (fromValue == null || fromValue.isNull()) {
                if (mode == Mode.DELTA && !toValue.isNull()) {
                    patch.set(key, toValue);
                }
            } else if (toValue.isObject() && fromValue.isObject()) {
                ObjectNode sub = diffMaps(fromValue, toValue, child, mode);
                if (!sub.isEmpty()) {
                    patch.set(key, sub);
                }
            } else if (toValue.isArray() && fromValue.isArray()) {
                diffLists(patch, key, (ArrayNode) fromValue, (ArrayNode) toValue, child, mode);
            } else if (mode == Mode.DELTA && !same(fromValue, toValue)) {
                patch.set(key, toValue);
            }
        }
        if (mode == Mode.DELETIONS) {
            for (Map.Entry<String, JsonNode> e : from.properties()) {
                if (!to.has(e.getKey()) || to.get(e.getKey()).isNull()) {
                    patch.putNull(e.getKey());
                }
            }
        }
        return patch;
    }

    private void diffLists(ObjectNode patch, String key, ArrayNode from, ArrayNode to, String path, Mode mode) {
        String mergeKey = PatchMergeKeys.mergeKey(kind, path);
        if (PatchMergeKeys.SET.equals(mergeKey) && scalars(from) && scalars(to)) {
            diffSets(patch, key, from, to, mode);
            return;
        }
        if (mergeKey == null || mergeKey.isEmpty() || !keyed(from, mergeKey) || !keyed(to, mergeKey)) {
            if (mode == Mode.DELTA && !same(from, to)) {
                patch.set(key, to);
            }
            return;
        }
        Map<String, JsonNode> fromByKey = byKey(from, mergeKey);
        Map<String, JsonNode> toByKey = byKey(to, mergeKey);
        ArrayNode out = F.arrayNode();
        for (JsonNode element : to) {
            JsonNode before = fromByKey.get(element.get(mergeKey).asText());
            if (before == null) {
                if (mode == Mode.DELTA) {
                    out.add(element);
                }
                continue;
            }
            ObjectNode sub = diffMaps(before, element, path, mode);
            if (!sub.isEmpty()) {
                ObjectNode keyed = F.objectNode();
                keyed.set(mergeKey, element.get(mergeKey));
                keyed.setAll(sub);
                out.add(keyed);
            }
        }
        if (mode == Mode.DELETIONS) {
            for (JsonNode element : from) {
                if (!toByKey.containsKey(element.get(mergeKey).asText())) {
                    ObjectNode delete = F.objectNode();
                    delete.set(mergeKey, element.get(mergeKey));
                    delete.put("$patch", "delete");
                    out.add(delete);
                }
            }
        }
        if (!out.isEmpty()) {
            patch.set(key, out);
        }
    }

    private static void diffSets(ObjectNode patch, String key, ArrayNode from, ArrayNode to, Mode mode) {
        Set<JsonNode> before = new HashSet<>();
        from.forEach(before::add);
        Set<JsonNode> after = new HashSet<>();
        to.forEach(after::add);
        ArrayNode changed = F.arrayNode();
        if (mode == Mode.DELTA) {
            to.forEach(v -> {
                if (!before.contains(v)) {
                    changed.add(v);
                }
            });
            if (!changed.isEmpty()) {
                patch.set(key, changed);
            }
        } else {
            from.forEach(v -> {
                if (!after.contains(v)) {
                    changed.add(v);
                }
            });
            if (!changed.isEmpty()) {
                patch.set("$deleteFromPrimitiveList/" + key, changed);
            }
        }
    }

    /** Two patches as one: maps merged, keyed list elements merged by key. */
    private ObjectNode merge(ObjectNode a, ObjectNode b, String path) {
        ObjectNode result = a.deepCopy();
        for (Map.Entry<String, JsonNode> e : b.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode existing = result.get(key);
            String child = path.isEmpty() ? key : path + "." + key;
            if (existing != null && existing.isObject() && value.isObject()) {
                result.set(key, merge((ObjectNode) existing, (ObjectNode) value, child));
            } else if (existing != null && existing.isArray() && value.isArray()) {
                result.set(key, mergeLists((ArrayNode) existing, (ArrayNode) value, child));
            } else {
                result.set(key, value);
            }
        }
        return result;
    }

    private ArrayNode mergeLists(ArrayNode a, ArrayNode b, String path) {
        String mergeKey = PatchMergeKeys.mergeKey(kind, path);
        ArrayNode out = a.deepCopy();
        if (mergeKey == null || mergeKey.isEmpty()) {
            out.addAll(b);
            return out;
        }
        for (JsonNode element : b) {
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                JsonNode existing = out.get(i);
                if (existing.isObject() && element.isObject() && existing.has(mergeKey)
                        && same(existing.get(mergeKey), element.get(mergeKey))) {
                    out.set(i, merge((ObjectNode) existing, (ObjectNode) element, path));
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                out.add(element);
            }
        }
        return out;
    }

    private static boolean scalars(ArrayNode list) {
        for (JsonNode e : list) {
            if (!e.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** Every element is an object carrying the merge key: otherwise the list is replaced whole. */
    private static boolean keyed(ArrayNode list, String mergeKey) {
        Set<String> seen = new HashSet<>();
        for (JsonNode e : list) {
            if (!e.isObject() || !e.hasNonNull(mergeKey) || !e.get(mergeKey).isValueNode()
                    || !seen.add(e.get(mergeKey).asText())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byKey(ArrayNode list, String mergeKey) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        list.forEach(e -> out.put(e.get(mergeKey).asText(), e));
        return out;
    }
}
