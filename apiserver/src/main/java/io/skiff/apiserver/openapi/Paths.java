package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.ResourceInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Swagger paths of the served endpoints, shaped as Kubernetes publishes them: per resource
 * the collection and item paths (namespaced and, for lists, across namespaces) and the
 * subresources, each operation with its Kubernetes operationId, {@code x-kubernetes-action} and
 * {@code x-kubernetes-group-version-kind}.
 */
final class Paths {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PATCH_TYPES = List.of("application/json-patch+json",
            "application/merge-patch+json", "application/strategic-merge-patch+json");

    private final Map<String, ObjectNode> paths = new TreeMap<>();

    /** {@code kindDefinition}/{@code listDefinition}: definition names of the kind and its list. */
    void add(ResourceInfo r, String kindDefinition, String listDefinition, Map<String, String> subresourceDefinitions) {
        String prefix = r.group().isEmpty() ? "/api/" + r.version() : "/apis/" + r.group() + "/" + r.version();
        String scope = r.namespaced() ? "Namespaced" : "";
        String collection = prefix + (r.namespaced() ? "/namespaces/{namespace}/" : "/") + r.plural();
        String item = collection + "/{name}";
        Op op = new Op(r, operationGroup(r));
        if (r.verbs().contains("list")) {
            item(collection, r.namespaced(), false).set("get",
                    op.build("list", "list" + op.gv + scope + r.kind(), "list", listDefinition, listParameters(), "200"));
            if (r.namespaced()) {
                item(prefix + "/" + r.plural(), false, false).set("get", op.build("list",
                        "list" + op.gv + r.kind() + "ForAllNamespaces", "list", listDefinition, listParameters(), "200"));
            }
        }
        if (r.verbs().contains("create")) {
            item(collection, r.namespaced(), false).set("post",
                    op.build("create", "create" + op.gv + scope + r.kind(), "post", kindDefinition, write(kindDefinition),
                            "201"));
        }
        if (r.verbs().contains("deletecollection")) {
            item(collection, r.namespaced(), false).set("delete", op.build("deletecollection",
                    "deleteCollection" + op.gv + scope + r.kind(), "deletecollection", Definitions.STATUS,
                    listParameters(), "200"));
        }
        if (r.verbs().contains("get")) {
            item(item, r.namespaced(), true).set("get",
                    op.build("read", "read" + op.gv + scope + r.kind(), "get", kindDefinition, NODES.arrayNode(), "200"));
        }
        if (r.verbs().contains("update")) {
            item(item, r.namespaced(), true).set("put", op.build("replace", "replace" + op.gv + scope + r.kind(), "put",
                    kindDefinition, write(kindDefinition), "200"));
        }
        if (r.verbs().contains("patch")) {
            ObjectNode patch = op.build("partially update", "patch" + op.gv + scope + r.kind(), "patch",
                    kindDefinition, write(Definitions.PATCH), "200");
            patch.set("consumes", strings(PATCH_TYPES));
            item(item, r.namespaced(), true).set("patch", patch);
        }
        if (r.verbs().contains("delete")) {
            item(item, r.namespaced(), true).set("delete", op.build("delete", "delete" + op.gv + scope + r.kind(),
                    "delete", Definitions.STATUS, write(Definitions.DELETE_OPTIONS), "200"));
        }
        for (ResourceInfo.Subresource s : r.subresources()) {
            String path = item + "/" + s.name();
            String suffix = Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1);
            String def = subresourceDefinitions.get(s.name());
            Op sub = new Op(r, op.gv, s.group(), s.version(), s.kind());
            for (String verb : s.verbs()) {
                switch (verb) {
                    case "get" -> item(path, r.namespaced(), true).set("get", s.name().equals("log")
                            ? sub.build("read log of", "read" + op.gv + scope + r.kind() + suffix, "get", null,
                                    NODES.arrayNode(), "200")
                            : sub.build("read " + s.name() + " of", "read" + op.gv + scope + r.kind() + suffix, "get",
                                    def, NODES.arrayNode(), "200"));
                    case "update" -> item(path, r.namespaced(), true).set("put", sub.build("replace " + s.name()
                            + " of", "replace" + op.gv + scope + r.kind() + suffix, "put", def, write(def), "200"));
                    case "patch" -> {
                        ObjectNode patch = sub.build("partially update " + s.name() + " of",
                                "patch" + op.gv + scope + r.kind() + suffix, "patch", def, write(Definitions.PATCH),
                                "200");
                        patch.set("consumes", strings(PATCH_TYPES));
                        item(path, r.namespaced(), true).set("patch", patch);
                    }
                    case "create" -> item(path, r.namespaced(), true).set("post", sub.build("create " + s.name()
                            + " of", "create" + op.gv + scope + r.kind() + suffix, "post", def, write(def), "201"));
                    default -> { }
                }
            }
        }
    }

    Map<String, ObjectNode> all() {
        return paths;
    }

    /** {@code Core}V1, {@code Coordination}V1: how Kubernetes' operationIds name a group version. */
    private static String operationGroup(ResourceInfo r) {
        String g = r.group().isEmpty() ? "core" : r.group().split("\\.")[0];
        return Character.toUpperCase(g.charAt(0)) + g.substring(1) + Character.toUpperCase(r.version().charAt(0))
                + r.version().substring(1);
    }

    private ObjectNode item(String path, boolean namespaced, boolean named) {
        return paths.computeIfAbsent(path, p -> {
            ObjectNode n = NODES.objectNode();
            ArrayNode params = n.putArray("parameters");
            if (named) {
                params.add(pathParameter("name", "name of the object"));
            }
            if (namespaced) {
                params.add(pathParameter("namespace", "object name and auth scope, such as for teams and projects"));
            }
            params.add(query("pretty", "string", "If 'true', then the output is pretty printed."));
            return n;
        });
    }

    private static ArrayNode listParameters() {
        ArrayNode a = NODES.arrayNode();
        a.add(query("allowWatchBookmarks", "boolean", "allowWatchBookmarks requests watch events with type"
                + " \"BOOKMARK\"."));
        a.add(query("continue", "string", "The continue option should be set when retrieving more results from the"
                + " server."));
        a.add(query("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields."));
        a.add(query("labelSelector", "string", "A selector to restrict the list of returned objects by their labels."));
        a.add(query("limit", "integer", "limit is a maximum number of responses to return for a list call."));
        a.add(query("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a"
                + " request may be served from."));
        a.add(query("timeoutSeconds", "integer", "Timeout for the list/watch call."));
        a.add(query("watch", "boolean", "Watch for changes to the described resources and return them as a stream"
                + " of add, update, and remove notifications."));
        return a;
    }

    /** A write's parameters: its body and {@code dryRun} (kubectl's --dry-run=server looks for it). */
    private static ArrayNode write(String definition) {
        ArrayNode a = body(definition);
        a.add(query("dryRun", "string", "When present, indicates that modifications should not be persisted. An"
                + " invalid or unrecognized dryRun directive will result in an error response and no further"
                + " processing of the request. Valid values are: - All: all dry run stages will be processed"));
        return a;
    }

    private static ArrayNode body(String definition) {
        ArrayNode a = NODES.arrayNode();
        ObjectNode p = a.addObject().put("in", "body").put("name", "body").put("required", true);
        p.set("schema", Definitions.ref(definition));
        return a;
    }

    private static ObjectNode pathParameter(String name, String description) {
        return NODES.objectNode().put("description", description).put("in", "path").put("name", name)
                .put("required", true).put("type", "string").put("uniqueItems", true);
    }

    private static ObjectNode query(String name, String type, String description) {
        return NODES.objectNode().put("description", description).put("in", "query").put("name", name)
                .put("type", type).put("uniqueItems", true);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** Builds operations of one resource (or one subresource, whose kind may be another group's). */
    private static final class Op {
        final ResourceInfo resource;
        final String gv;
        final String group;
        final String version;
        final String kind;

        Op(ResourceInfo r, String gv) {
            this(r, gv, r.group(), r.version(), r.kind());
        }

        Op(ResourceInfo r, String gv, String group, String version, String kind) {
            this.resource = r;
            this.gv = gv;
            this.group = group;
            this.version = version;
            this.kind = kind;
        }

        ObjectNode build(String what, String operationId, String action, String responseDefinition,
                ArrayNode parameters, String code) {
            ObjectNode op = NODES.objectNode();
            op.put("description", what + " " + (action.equals("list") || action.equals("deletecollection")
                    ? "objects of kind " + kind : "the specified " + kind));
            op.set("consumes", strings(List.of("*/*")));
            op.set("produces", strings(List.of("application/json", "application/yaml")));
            op.set("schemes", strings(List.of("https")));
            op.set("tags", strings(List.of((resource.group().isEmpty() ? "core" : resource.group().split("\\.")[0])
                    + "_" + resource.version())));
            op.put("operationId", operationId);
            op.set("parameters", parameters);
            ObjectNode responses = op.putObject("responses");
            ObjectNode ok = responses.putObject(code).put("description", code.equals("201") ? "Created" : "OK");
            ok.set("schema", responseDefinition == null ? NODES.objectNode().put("type", "string")
                    : Definitions.ref(responseDefinition));
            responses.putObject("401").put("description", "Unauthorized");
            op.put("x-kubernetes-action", action);
            op.putObject("x-kubernetes-group-version-kind").put("group", group).put("kind", kind).put("version", version);
            return op;
        }
    }
}
