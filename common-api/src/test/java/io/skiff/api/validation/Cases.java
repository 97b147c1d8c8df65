package io.skiff.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.defaults.Defaults;
import io.skiff.api.meta.KubeObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Table rows for validation tests: a golden v1 object, edited at JSON pointers, decoded and
 * defaulted as the apiserver does before it validates; expected errors are Kubernetes' literal
 * messages ({@code spec.containers[0].image: Required value}), compared by reason, field and body.
 */
final class Cases {

    private static final Scheme SCHEME = Scheme.defaultScheme();
    private static final Map<String, String> REASONS = Map.of(
            "Required value", "FieldValueRequired",
            "Invalid value", "FieldValueInvalid",
            "Unsupported value", "FieldValueNotSupported",
            "Duplicate value", "FieldValueDuplicate",
            "Not found", "FieldValueNotFound",
            "Forbidden", "FieldValueForbidden",
            "Too long", "FieldValueTooLong");

    private Cases() {
    }

    /** A change to a JSON object: set a value (any Jackson-convertible Java value or a JsonNode), or remove. */
    record Edit(String pointer, Object value, boolean remove) {
        @Override
        public String toString() {
            return remove ? "remove " + pointer : pointer + "=" + value;
        }
    }

    static Edit set(String pointer, Object value) {
        return new Edit(pointer, value, false);
    }

    static Edit remove(String pointer) {
        return new Edit(pointer, null, true);
    }

    static JsonNode json(String text) {
        try {
            return Json.readTree(text);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A golden file of {@code golden/v1}, as a mutable tree. */
    static ObjectNode golden(String file) {
        try (InputStream in = Cases.class.getResourceAsStream("/golden/v1/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + file);
            }
            return (ObjectNode) Json.readTree(in.readAllBytes());
        } catch (IOException | DecodeException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** The golden object with the edits applied, decoded and defaulted. */
    static <T extends KubeObject> T object(String file, List<Edit> edits) {
        return object(golden(file), edits);
    }

    /** A copy of {@code base} with the edits applied, decoded and defaulted. */
    @SuppressWarnings("unchecked")
    static <T extends KubeObject> T object(JsonNode base, List<Edit> edits) {
        ObjectNode tree = (ObjectNode) base.deepCopy();
        edits.forEach(e -> apply(tree, e));
        return (T) decode(tree);
    }

    static KubeObject decode(JsonNode tree) {
        try {
            return Defaults.apply((KubeObject) SCHEME.decode(tree));
        } catch (DecodeException e) {
            throw new IllegalArgumentException("the edited object does not decode: " + e.getMessage(), e);
        }
    }

    private static void apply(ObjectNode root, Edit edit) {
        String pointer = edit.pointer();
        int slash = pointer.lastIndexOf('/');
        String parentPointer = pointer.substring(0, slash);
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
        if (parent.isMissingNode()) {
            throw new IllegalArgumentException("no " + parentPointer + " to edit");
        }
        JsonNode value = edit.value() instanceof JsonNode n ? n : Json.toTree(edit.value());
        if (parent instanceof ObjectNode o) {
            if (edit.remove()) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
                a.add(value);
            } else if (edit.remove()) {
                a.remove(Integer.parseInt(last));
            } else {
                a.set(Integer.parseInt(last), value);
            }
        }
    }

    /** An error as Kubernetes prints it, split into reason, field and body. */
    record Expected(String reason, String field, String body) {
        @Override
        public String toString() {
            return field + ": " + body;
        }
    }

    /** Kubernetes' literal messages, e.g. {@code metadata.name: Required value: name or generateName is required}. */
    static List<Expected> errors(String... messages) {
        return Arrays.stream(messages).map(Cases::expected).toList();
    }

    private static Expected expected(String message) {
        int colon = message.indexOf(": ");
        String field = message.substring(0, colon);
        String body = message.substring(colon + 2);
        String reason = REASONS.entrySet().stream().filter(e -> body.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no error type in " + message));
        return new Expected(reason, field, body);
    }

    /** What a validator returned, in the same shape. */
    static List<Expected> actual(List<FieldError> errors) {
        return errors.stream().map(e -> new Expected(e.reason(), e.field(), e.body())).toList();
    }

    /** Go's %q of a string, for building expected messages. */
    static String q(String s) {
        return GoFormat.quote(s);
    }
}
