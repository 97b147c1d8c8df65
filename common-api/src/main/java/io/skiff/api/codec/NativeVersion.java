package io.skiff.api.codec;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A version whose wire form is exactly the hub's record shape: the Kubernetes v1 family
 * ({@code v1}, {@code coordination.k8s.io/v1}, {@code autoscaling/v1}). Conversion is plain
 * Jackson data binding, and encoding writes the records straight to bytes.
 */
public final class NativeVersion implements VersionConverter {
    private final String apiVersion;
    private final Map<String, Class<? extends ApiObject>> types;
    private final Map<String, JavaType> listTypes;
    private final Set<String> kinds;

    /**
     * @param objectKinds kinds and their hub types; each {@link KubeObject} kind also gets its
     *     {@code <Kind>List}
     */
    public NativeVersion(String apiVersion, Map<String, Class<? extends ApiObject>> objectKinds) {
        this.apiVersion = apiVersion;
        this.types = Map.copyOf(objectKinds);
        Map<String, JavaType> lists = new LinkedHashMap<>();
        objectKinds.forEach((kind, type) -> {
            if (KubeObject.class.isAssignableFrom(type)) {
                lists.put(KubeList.listKind(kind),
                        Json.mapper().getTypeFactory().constructParametricType(KubeList.class, type));
            }
        });
        this.listTypes = Map.copyOf(lists);
        Set<String> all = new TreeSet<>(types.keySet());
        all.addAll(listTypes.keySet());
        this.kinds = Collections.unmodifiableSet(all);
    }

    @Override
    public String apiVersion() {
        return apiVersion;
    }

    @Override
    public Set<String> kinds() {
        return kinds;
    }

    public Class<? extends ApiObject> typeOf(String kind) {
        return types.get(kind);
    }

    @Override
    public ApiObject toHub(String kind, JsonNode node) throws DecodeException {
        Class<? extends ApiObject> type = types.get(kind);
        if (type != null) {
            return Json.fromTree(node, type);
        }
        JavaType listType = listTypes.get(kind);
        if (listType == null) {
            throw Scheme.unknownKind(kind, apiVersion);
        }
        try {
            KubeList<?> list = Json.mapper().treeToValue(node, listType);
            // A list decoded without kind/apiVersion fields still says what it is.
            return new KubeList<>(apiVersion, kind, list.metadata(), list.items());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DecodeException.from(e, "JSON");
        }
    }

    @Override
    public JsonNode fromHub(ApiObject obj) {
        checkServed(obj);
        ObjectNode node = Json.mapper().valueToTree(obj);
        node.put("apiVersion", apiVersion);
        return node;
    }

    @Override
    public byte[] encode(ApiObject obj) {
        checkServed(obj);
        return apiVersion.equals(obj.apiVersion()) ? Json.toBytes(obj) : Json.toBytes(fromHub(obj));
    }

    private void checkServed(ApiObject obj) {
        if (!types.containsKey(obj.kind()) && !listTypes.containsKey(obj.kind())) {
            throw new IllegalArgumentException(
                    "kind \"" + obj.kind() + "\" is not registered for version \"" + apiVersion + "\"");
        }
    }
}
