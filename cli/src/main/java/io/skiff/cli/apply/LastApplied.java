package io.skiff.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.meta.KubeObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The {@code kubectl.kubernetes.io/last-applied-configuration} annotation, kept exactly as
 * kubectl writes it (so kubectl and skiff can apply to the same objects): the file's object,
 * without the annotation itself, as compact JSON with sorted keys and a final newline.
 */
final class LastApplied {
    static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private LastApplied() {}

    /** The object to send: the file's, in {@code namespace} when it names none, with the annotation set. */
    static ObjectNode modified(JsonNode fileObject, String namespace) {
        ObjectNode obj = (ObjectNode) fileObject.deepCopy();
        ObjectNode metadata = obj.has("metadata") && obj.get("metadata").isObject()
                ? (ObjectNode) obj.get("metadata") : obj.putObject("metadata");
        if (namespace != null && !metadata.hasNonNull("namespace")) {
            metadata.put("namespace", namespace);
        }
        ObjectNode annotations = metadata.has("annotations") && metadata.get("annotations").isObject()
                ? (ObjectNode) metadata.get("annotations") : metadata.putObject("annotations");
        annotations.remove(ANNOTATION);
        String serialized = Json.toString(sorted(obj)) + "\n";
        annotations.put(ANNOTATION, serialized);
        return obj;
    }

    /** The configuration last applied to the live object, or null when it carries none. */
    static JsonNode original(KubeObject current) {
        Map<String, String> annotations = current.metadataOrEmpty().annotations();
        String text = annotations == null ? null : annotations.get(ANNOTATION);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.readTree(text);
        } catch (DecodeException e) {
            // An unreadable annotation is treated as none: nothing is deleted on its say-so.
            return null;
        }
    }

    /** Go marshals maps with sorted keys; a sorted copy makes the same bytes. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            names.forEach(n -> out.set(n, sorted(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }
}
