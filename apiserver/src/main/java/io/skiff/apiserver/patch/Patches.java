package io.skiff.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.InvalidJsonPatchException;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.util.EnumSet;
import java.util.Map;

/**
 * The PATCH formats: RFC 7386 JSON merge patch, RFC 6902 JSON patch (zjsonpatch; the
 * {@code test} operation included) and Kubernetes' strategic merge patch. Each works on the
 * object's JSON as served and returns a new document.
 */
public final class Patches {
    /** RFC 6902 as written (and as Kubernetes applies it): removing what is not there is an error. */
    private static final EnumSet<CompatibilityFlags> STRICT = EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

    private Patches() {}

    public enum Type { JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH }

    public static JsonNode apply(Type type, JsonNode target, JsonNode patch, String kind) {
        return switch (type) {
            case MERGE_PATCH -> mergePatch(target, patch);
            case JSON_PATCH -> jsonPatch(target, patch);
            case STRATEGIC_MERGE_PATCH -> new StrategicMergePatch(kind).apply(target, patch);
        };
    }

    /** RFC 7386: objects merge recursively, null removes, anything else replaces. */
    public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> f : patch.properties()) {
            if (f.getValue().isNull()) {
                result.remove(f.getKey());
            } else {
                result.set(f.getKey(), mergePatch(result.get(f.getKey()), f.getValue()));
            }
        }
        return result;
    }

    static JsonNode jsonPatch(JsonNode target, JsonNode patch) {
        if (!patch.isArray()) {
            throw new PatchException("a JSON patch is an array of operations, got " + patch.getNodeType());
        }
        try {
            JsonPatch.validate(patch, STRICT);
        } catch (InvalidJsonPatchException e) {
            throw new PatchException("invalid JSON patch: " + e.getMessage());
        }
        try {
            return JsonPatch.apply(patch, target, STRICT);
        } catch (JsonPatchApplicationException e) {
            throw new PatchException(e.getMessage(), false);
        } catch (RuntimeException e) {
            throw new PatchException("invalid JSON patch: " + e.getMessage());
        }
    }
}
