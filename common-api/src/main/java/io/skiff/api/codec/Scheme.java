package io.skiff.api.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.WatchEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of API versions and resources. Decoding reads {@code apiVersion} to pick a
 * {@link VersionConverter} and {@code kind} to pick the type, and yields hub objects; encoding
 * turns a hub object into the wire form of a version. Immutable and thread-safe.
 *
 * <pre>{@code
 * Scheme scheme = Scheme.defaultScheme();
 * Pod pod = scheme.decode(bytes, Pod.class);        // any registered version in, hub out
 * byte[] v1 = scheme.encode(pod);                   // the hub's own (v1) wire form, fast
 * byte[] other = scheme.encode(pod, "v1beta1");     // another version, once registered
 * }</pre>
 */
public final class Scheme {
    private static final Scheme DEFAULT = io.skiff.api.v1beta1.V1beta1.register(v1Builder()).build();

    private final Map<String, VersionConverter> versions;
    private final List<ResourceInfo> resources;
    private final Map<String, ResourceInfo> resourcesByKind;
    private final Map<String, ResourceInfo> resourcesByName;

    private Scheme(Map<String, VersionConverter> versions, List<ResourceInfo> resources) {
        this.versions = Map.copyOf(versions);
        this.resources = List.copyOf(resources);
        Map<String, ResourceInfo> byKind = new LinkedHashMap<>();
        Map<String, ResourceInfo> byName = new LinkedHashMap<>();
        for (ResourceInfo r : resources) {
            byKind.put(r.kind(), r);
            byName.putIfAbsent(r.plural(), r);
            byName.putIfAbsent(r.singular(), r);
            byName.putIfAbsent(r.kind().toLowerCase(Locale.ROOT), r);
            r.shortNames().forEach(s -> byName.putIfAbsent(s, r));
        }
        this.resourcesByKind = Map.copyOf(byKind);
        this.resourcesByName = Map.copyOf(byName);
    }

    /**
     * The v1 family (core v1, coordination.k8s.io/v1, autoscaling/v1) with Skiff's resources, and
     * the 2014 {@code v1beta1} ({@link io.skiff.api.v1beta1.V1beta1}).
     */
    public static Scheme defaultScheme() {
        return DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder already holding the v1 family, to which other versions can be added. */
    public static Builder v1Builder() {
        Builder b = new Builder();
        V1.converters().forEach(b::version);
        V1.resources().forEach(b::resource);
        return b;
    }

    // ---- decoding -------------------------------------------------------------------------

    /**
     * Decodes JSON bytes of any registered version and kind into a hub object. A v1-family body
     * that names its apiVersion and kind is bound straight from the bytes, in one pass; any other
     * body, and any body that fails that way, takes the tree path ({@link #decodeViaTree}), so
     * errors read the same whichever way a body came.
     */
    public ApiObject decode(byte[] json) throws DecodeException {
        ApiObject direct = decodeDirect(json);
        return direct != null ? direct : decodeViaTree(json);
    }

    /**
     * The one-pass path: null when it does not apply (no apiVersion/kind, a version that converts
     * from a tree) or when the bytes do not bind; the tree path then decides.
     */
    ApiObject decodeDirect(byte[] json) {
        try (JsonParser p = Json.parser(json)) {
            TypeMeta type = TypeMeta.read(p);
            if (type == null || !(versions.get(type.apiVersion()) instanceof NativeVersion version)
                    || !version.kinds().contains(type.kind())) {
                return null;
            }
            // Type first (as clients write it): bind the rest with the same parser. Otherwise
            // the fields before it are gone from the parser, so bind the bytes from the top.
            return type.first() && p.nextToken() == JsonToken.FIELD_NAME
                    ? version.readRest(type.kind(), p)
                    : version.read(type.kind(), json);
        } catch (DecodeException | IOException e) {
            return null;
        }
    }

    /**
     * The one-pass decode of a body that names exactly {@code apiVersion} and {@code kind} (what a
     * request path implies): the object, or null when the body names another type or none, or
     * does not bind — then the caller decodes its tree, which words what is wrong.
     */
    public ApiObject decodeDirect(byte[] json, String apiVersion, String kind) {
        ApiObject obj = decodeDirect(json);
        return obj != null && obj.apiVersion().equals(apiVersion) && obj.kind().equals(kind) ? obj : null;
    }

    /** The reference path: parse a tree, check apiVersion and kind, convert the tree. */
    ApiObject decodeViaTree(byte[] json) throws DecodeException {
        JsonNode node = Json.readTree(json);
        try {
            return decode(node);
        } catch (DecodeException e) {
            throw locate(e, node, json);
        }
    }

    public ApiObject decode(String json) throws DecodeException {
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    public ApiObject decode(JsonNode node) throws DecodeException {
        return decode(node, null, null);
    }

    /**
     * Decodes, taking {@code apiVersion} / {@code kind} from the defaults when the body has none
     * (a request to {@code /api/v1/namespaces/x/pods} implies v1 Pod). A body that states them
     * wins; the caller checks it is the kind it expected.
     */
    public ApiObject decode(JsonNode node, String defaultApiVersion, String defaultKind) throws DecodeException {
        if (node == null || !node.isObject()) {
            throw new DecodeException("expected a JSON object, got " + describe(node));
        }
        String apiVersion = stringField(node, "apiVersion", defaultApiVersion);
        String kind = stringField(node, "kind", defaultKind);
        if (kind == null || kind.isEmpty()) {
            throw new DecodeException("Object 'Kind' is missing in '" + abbreviate(node) + "'");
        }
        if (apiVersion == null || apiVersion.isEmpty()) {
            throw new DecodeException("Object 'apiVersion' is missing in '" + abbreviate(node) + "'");
        }
        VersionConverter version = versions.get(apiVersion);
        if (version == null || !version.kinds().contains(kind)) {
            throw unknownKind(kind, apiVersion);
        }
        return version.toHub(kind, node);
    }

    /** Decodes and checks the result is a {@code type} (e.g. the body of a Pod create is a Pod). */
    public <T extends ApiObject> T decode(byte[] json, Class<T> type) throws DecodeException {
        return expect(decode(json), type);
    }

    public <T extends ApiObject> T decode(JsonNode node, Class<T> type) throws DecodeException {
        return expect(decode(node), type);
    }

    /** Decodes a list ({@code PodList}, ...) and checks its items are {@code itemType}. */
    @SuppressWarnings("unchecked")
    public <T extends KubeObject> KubeList<T> decodeList(byte[] json, Class<T> itemType) throws DecodeException {
        KubeList<?> list = expect(decode(json), KubeList.class);
        if (list.items() != null) {
            for (Object item : list.items()) {
                expect((ApiObject) item, itemType);
            }
        }
        return (KubeList<T>) list;
    }

    /** One line of a watch stream: {@code {"type": ..., "object": {...}}}. */
    public WatchEvent decodeWatchEvent(byte[] line) throws DecodeException {
        JsonNode node = Json.readTree(line);
        JsonNode type = node.get("type");
        JsonNode object = node.get("object");
        if (type == null || !type.isTextual() || object == null) {
            throw new DecodeException("a watch event needs a string \"type\" and an \"object\"");
        }
        return new WatchEvent(type.asText(), decode(object));
    }

    /**
     * Every object of a manifest: JSON, or YAML with any number of {@code ---} separated
     * documents; a {@code kind: List} document contributes its items.
     */
    public List<ApiObject> decodeManifest(String text) throws DecodeException {
        String trimmed = text.stripLeading();
        List<JsonNode> docs = trimmed.startsWith("{") ? List.of(Json.readTree(text)) : Yaml.readDocuments(text);
        List<ApiObject> objects = new ArrayList<>();
        for (JsonNode doc : docs) {
            if ("List".equals(doc.path("kind").asText()) && doc.path("items").isArray()) {
                for (JsonNode item : doc.get("items")) {
                    objects.add(decode(item));
                }
            } else {
                objects.add(decode(doc));
            }
        }
        return objects;
    }

    // ---- encoding -------------------------------------------------------------------------

    /** Encodes a hub object in its own apiVersion (the v1 family): the fast path, no tree. */
    public byte[] encode(ApiObject obj) {
        return converterFor(obj, obj.apiVersion()).encode(obj);
    }

    /** Encodes a hub object in the wire form of {@code apiVersion}. */
    public byte[] encode(ApiObject obj, String apiVersion) {
        return converterFor(obj, apiVersion).encode(obj);
    }

    /** The wire form of a hub object in {@code apiVersion}, as a tree (for patches, tables, tests). */
    public JsonNode toJson(ApiObject obj, String apiVersion) {
        return converterFor(obj, apiVersion).fromHub(obj);
    }

    // ---- registry -------------------------------------------------------------------------

    public Optional<VersionConverter> version(String apiVersion) {
        return Optional.ofNullable(versions.get(apiVersion));
    }

    public Set<String> apiVersions() {
        return versions.keySet();
    }

    public List<ResourceInfo> resources() {
        return resources;
    }

    public Optional<ResourceInfo> resourceForKind(String kind) {
        return Optional.ofNullable(resourcesByKind.get(kind));
    }

    /**
     * The resource named by a plural ({@code pods}), singular ({@code pod}), short name
     * ({@code po}) or kind ({@code Pod}), case-insensitively: what the CLI accepts.
     */
    public Optional<ResourceInfo> resource(String name) {
        return Optional.ofNullable(resourcesByName.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * A type error found in a tree has a path but no line; for the v1 family, binding the bytes
     * again (only on this error path) finds the line and column too.
     */
    private DecodeException locate(DecodeException e, JsonNode node, byte[] json) {
        if (e.line() > 0 || e.field() == null
                || !(versions.get(node.path("apiVersion").asText()) instanceof NativeVersion v)
                || v.typeOf(node.path("kind").asText()) == null) {
            return e;
        }
        try {
            Json.read(json, v.typeOf(node.path("kind").asText()));
            return e;
        } catch (DecodeException located) {
            return e.withLocationOf(located);
        }
    }

    static DecodeException unknownKind(String kind, String apiVersion) {
        return new DecodeException("no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\"");
    }

    private VersionConverter converterFor(ApiObject obj, String apiVersion) {
        VersionConverter v = versions.get(apiVersion);
        if (v == null || !v.kinds().contains(obj.kind())) {
            throw new IllegalArgumentException(
                    "no kind \"" + obj.kind() + "\" is registered for version \"" + apiVersion + "\"");
        }
        return v;
    }

    private static <T extends ApiObject> T expect(ApiObject obj, Class<T> type) throws DecodeException {
        if (!type.isInstance(obj)) {
            throw new DecodeException("expected " + type.getSimpleName() + ", got " + obj.kind()
                    + " (apiVersion " + obj.apiVersion() + ")");
        }
        return type.cast(obj);
    }

    private static String stringField(JsonNode node, String name, String fallback) throws DecodeException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new DecodeException(name + ": expected a string, got " + describe(v));
        }
        return v.asText().isEmpty() ? fallback : v.asText();
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** Collects versions and resources; later registrations of the same apiVersion replace earlier ones. */
    public static final class Builder {
        private final Map<String, VersionConverter> versions = new LinkedHashMap<>();
        private final List<ResourceInfo> resources = new ArrayList<>();

        public Builder version(VersionConverter converter) {
            versions.put(converter.apiVersion(), converter);
            return this;
        }

        public Builder resource(ResourceInfo resource) {
            resources.add(resource);
            return this;
        }

        public Scheme build() {
            return new Scheme(versions, resources);
        }
    }
}
