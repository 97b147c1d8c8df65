package io.skiff.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * What differs between two specs, for the message of a forbidden update. Kubernetes appends a Go
 * {@code cmp.Diff}; Skiff lists each changed field as a {@code -} line with the old JSON value and
 * a {@code +} line with the new one, e.g. {@code - restartPolicy: "Always"}. Like Kubernetes'
 * semantic equality, an absent list or map is the same as an empty one (and an absent string the
 * same as an empty one), and quantities compare by amount (they print canonically).
 */
final class SpecDiff {

    private SpecDiff() {
    }

    /** The changed fields, one or two lines each; empty when the specs are semantically equal. */
    static String diff(Object oldValue, Object newValue) {
        StringBuilder out = new StringBuilder();
        walk("", prune(Json.toTree(oldValue)), prune(Json.toTree(newValue)), out);
        return out.toString().stripTrailing();
    }

    private static void walk(String path, JsonNode o, JsonNode n, StringBuilder out) {
        if (o != null && n != null && o.isObject() && n.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            o.fieldNames().forEachRemaining(names::add);
            n.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, o.get(name), n.get(name), out);
            }
        } else if (o != null && n != null && o.isArray() && n.isArray() && o.size() == n.size()) {
            for (int i = 0; i < o.size(); i++) {
                walk(path + "[" + i + "]", o.get(i), n.get(i), out);
            }
        } else if (o == null ? n != null : !o.equals(n)) {
            if (o != null) {
                out.append("- ").append(path).append(": ").append(o).append('\n');
            }
            if (n != null) {
                out.append("+ ").append(path).append(": ").append(n).append('\n');
            }
        }
    }

    /** Drops empty strings, lists and maps (recursively); null when nothing is left. */
    private static JsonNode prune(JsonNode node) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            return null;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode pruned = prune(e.getValue());
                if (pruned == null) {
                    it.remove();
                } else {
                    e.setValue(pruned);
                }
            }
            return node.isEmpty() ? null : node;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode pruned = prune(node.get(i));
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i,
                        pruned == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : pruned);
            }
            return node.isEmpty() ? null : node;
        }
        return node;
    }
}
