package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.Json;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.Rfc3339;
import io.skiff.api.patch.PatchMergeKeys;
import io.skiff.api.resource.Quantity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Swagger definitions generated from the API model by reflection, through Jackson's own view of
 * each record (so property names and types are exactly what goes on the wire). Each kind gets
 * {@code apiVersion}/{@code kind} and its {@code x-kubernetes-group-version-kind}; lists that
 * strategic merge patch merges by key get {@code x-kubernetes-patch-merge-key} and
 * {@code x-kubernetes-patch-strategy}, from the same table the server's patcher uses.
 */
final class Definitions {
    static final String TIME = "io.k8s.apimachinery.pkg.apis.meta.v1.Time";
    static final String MICRO_TIME = "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime";
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    static final String STATUS = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
    static final String DELETE_OPTIONS = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
    static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = Json.mapper();

    private final Map<String, ObjectNode> definitions = new TreeMap<>();
    private final Map<String, Map<String, String>> mergeKeys = new HashMap<>(); // definition -> property -> key
    private final Deque<Class<?>> pending = new ArrayDeque<>();

    Definitions() {
        definitions.put(TIME, primitive("string", "date-time", "Time is a wrapper around time.Time which supports"
                + " correct marshaling to YAML and JSON."));
        definitions.put(MICRO_TIME, primitive("string", "date-time", "MicroTime is version of Time with microsecond"
                + " level precision."));
        definitions.put(QUANTITY, primitive("string", null, "Quantity is a fixed-point representation of a number."));
        definitions.put(INT_OR_STRING, primitive("string", "int-or-string", "IntOrString is a type that can hold an"
                + " int32 or a string."));
        definitions.put(PATCH, NODES.objectNode().put("description", "Patch is provided to give a concrete name and"
                + " type to the Kubernetes PATCH request body.").put("type", "object"));
    }

    /** Adds a kind: its definition (and those of every type it uses), tagged with its group/version/kind. */
    String addKind(Class<?> type, String group, String version, String kind) {
        String name = ensure(type);
        tagKind(definitions.get(name), group, version, kind);
        collectMergeKeys(type, "", kind, 0);
        return name;
    }

    /** A {@code <Kind>List} definition: apiVersion, kind, metadata (ListMeta), items. */
    String addList(String itemDefinition, String listMetaDefinition, String group, String version, String kind) {
        ObjectNode props = NODES.objectNode();
        props.set("apiVersion", string("APIVersion defines the versioned schema of this representation of an object."));
        props.set("items", NODES.objectNode().put("type", "array").set("items", ref(itemDefinition)));
        props.set("kind", string("Kind is a string value representing the REST resource this object represents."));
        props.set("metadata", ref(listMetaDefinition));
        ObjectNode def = NODES.objectNode().put("description", kind + " is a list of " + kind.replace("List", "") + ".");
        def.putArray("required").add("items");
        def.put("type", "object");
        def.set("properties", props);
        String name = itemDefinition + "List";
        definitions.put(name, def);
        tagKind(def, group, version, kind);
        return name;
    }

    /** The definition name of a model type, generating it (and what it references) on first use. */
    String ensure(Class<?> type) {
        String name = Names.of(type);
        if (!definitions.containsKey(name)) {
            definitions.put(name, NODES.objectNode()); // placeholder: cycles end here
            pending.push(type);
            while (!pending.isEmpty()) {
                Class<?> next = pending.pop();
                definitions.put(Names.of(next), object(next));
            }
        }
        return name;
    }

    /** Every definition, with the merge extensions applied. */
    Map<String, ObjectNode> all() {
        mergeKeys.forEach((definition, props) -> props.forEach((property, key) -> {
            ObjectNode p = (ObjectNode) definitions.get(definition).path("properties").path(property);
            if (!key.isEmpty()) {
                p.put("x-kubernetes-patch-merge-key", key);
            }
            p.put("x-kubernetes-patch-strategy", "merge");
        }));
        return definitions;
    }

    private ObjectNode object(Class<?> type) {
        BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
        ObjectNode props = NODES.objectNode();
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (p.couldSerialize()) {
                sorted.put(p.getName(), schema(p.getPrimaryType(), p.getAccessor()));
            }
        }
        sorted.forEach(props::set);
        ObjectNode def = NODES.objectNode();
        def.put("type", "object");
        def.set("properties", props);
        return def;
    }

    private JsonNode schema(JavaType t, AnnotatedMember accessor) {
        Class<?> raw = t.getRawClass();
        if (t.isCollectionLikeType() || t.isArrayType()) {
            return NODES.objectNode().put("type", "array").set("items", schema(t.getContentType(), null));
        }
        if (t.isMapLikeType()) {
            return NODES.objectNode().put("type", "object").set("additionalProperties", schema(t.getContentType(), null));
        }
        if (raw == String.class || raw.isEnum()) {
            return NODES.objectNode().put("type", "string");
        }
        if (raw == Integer.class || raw == int.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (raw == Long.class || raw == long.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            return NODES.objectNode().put("type", "number").put("format", "double");
        }
        if (raw == Instant.class) {
            JsonSerialize how = accessor == null ? null : accessor.getAnnotation(JsonSerialize.class);
            return ref(how != null && how.using() == Rfc3339.MicroTimeSerializer.class ? MICRO_TIME : TIME);
        }
        if (raw == Quantity.class) {
            return ref(QUANTITY);
        }
        if (raw == IntOrString.class) {
            return ref(INT_OR_STRING);
        }
        if (raw.isRecord()) {
            String name = Names.of(raw);
            if (!definitions.containsKey(name)) {
                definitions.put(name, NODES.objectNode());
                pending.push(raw);
            }
            return ref(name);
        }
        return NODES.objectNode().put("type", "object"); // free-form (a RawExtension in Kubernetes)
    }

    /** Walks a kind from its root, noting the lists the patch table merges by key (paths leave out positions). */
    private void collectMergeKeys(Class<?> type, String path, String kind, int depth) {
        if (depth > 12 || !type.isRecord()) {
            return;
        }
        BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
        for (BeanPropertyDefinition p : bean.findProperties()) {
            JavaType t = p.getPrimaryType();
            String at = path + p.getName();
            if (t.isCollectionLikeType()) {
                String key = PatchMergeKeys.mergeKey(kind, at);
                if (key != null) {
                    mergeKeys.computeIfAbsent(Names.of(type), k -> new HashMap<>()).put(p.getName(), key);
                }
                t = t.getContentType();
            } else if (t.isMapLikeType()) {
                continue;
            }
            collectMergeKeys(t.getRawClass(), at + ".", kind, depth + 1);
        }
    }

    private static void tagKind(ObjectNode def, String group, String version, String kind) {
        ArrayNode gvks = def.putArray("x-kubernetes-group-version-kind");
        gvks.addObject().put("group", group).put("kind", kind).put("version", version);
    }

    static ObjectNode ref(String definition) {
        return NODES.objectNode().put("$ref", "#/definitions/" + definition);
    }

    private static ObjectNode string(String description) {
        return NODES.objectNode().put("description", description).put("type", "string");
    }

    private static ObjectNode primitive(String type, String format, String description) {
        ObjectNode n = NODES.objectNode().put("description", description).put("type", type);
        if (format != null) {
            n.put("format", format);
        }
        return n;
    }
}
