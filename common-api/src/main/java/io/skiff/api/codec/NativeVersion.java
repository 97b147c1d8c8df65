package io.skiff.api.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
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
    /** A reader per kind, lists included, made once: binding is the whole cost of this version. */
    private final Map<String, ObjectReader> readers;
    private final Set<String> kinds;

    /**
     * @param objectKinds kinds and their hub types; each {@link KubeObject} kind also gets its
     *     {@code <Kind>List}
     */
    public NativeVersion(String apiVersion, Map<String, Class<? extends ApiObject>> objectKinds) {
        this.apiVersion = apiVersion;
        this.types = Map.copyOf(objectKinds);
        Map<String, ObjectReader> byKind = new LinkedHashMap<>();
        objectKinds.forEach((kind, type) -> {
            byKind.put(kind, Json.readerFor(Json.mapper().constructType(type)));
            if (KubeObject.class.isAssignableFrom(type)) {
                byKind.put(KubeList.listKind(kind), Json.readerFor(
                        Json.mapper().getTypeFactory().constructParametricType(KubeList.class, type)));
            }
        });
        this.readers = Map.copyOf(byKind);
        this.kinds = Collections.unmodifiableSet(new TreeSet<>(readers.keySet()));
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
        return served(kind, Json.fromTree(reader(kind), node));
    }

    /**
     * Binds the bytes of an object of {@code kind} straight to its hub type, in one pass and
     * without a tree: the wire form of this version is the hub's own.
     */
    ApiObject read(String kind, byte[] json) throws DecodeException {
        return served(kind, Json.read(reader(kind), json));
    }

    /**
     * Binds the rest of an object of {@code kind} from a parser at one of its fields (after its
     * apiVersion and kind, which binding ignores), and checks nothing follows the object.
     */
    ApiObject readRest(String kind, JsonParser p) throws DecodeException {
        return served(kind, Json.read(reader(kind), p));
    }

    private ObjectReader reader(String kind) throws DecodeException {
        ObjectReader reader = readers.get(kind);
        if (reader == null) {
            throw Scheme.unknownKind(kind, apiVersion);
        }
        return reader;
    }

    private ApiObject served(String kind, Object decoded) {
        // A list decoded without kind/apiVersion fields still says what it is.
        return decoded instanceof KubeList<?> list
                ? new KubeList<>(apiVersion, kind, list.metadata(), list.items())
                : (ApiObject) decoded;
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
        if (!readers.containsKey(obj.kind())) {
            throw new IllegalArgumentException(
                    "kind \"" + obj.kind() + "\" is not registered for version \"" + apiVersion + "\"");
        }
    }
}
