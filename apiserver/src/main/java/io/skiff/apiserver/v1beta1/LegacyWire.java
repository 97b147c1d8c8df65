package io.skiff.apiserver.v1beta1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.api.meta.StatusDetails;
import io.skiff.api.v1beta1.V1beta1;
import io.skiff.apiserver.registry.Page;
import io.skiff.apiserver.rest.ResponseWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hub objects in the 2014 wire form: {@code scheme.encode(obj, "v1beta1")} plus what only the
 * REST layer knows, the {@code selfLink} of the request path; lists with the selfLink of every
 * item; Status errors with the v1beta1 field paths and kind words.
 */
final class LegacyWire {
    /** The reason of a Working status, as v0.5 wrote it. */
    static final String WORKING = "Working";

    private final Scheme scheme;

    LegacyWire(Scheme scheme) {
        this.scheme = scheme;
    }

    /** An object with its selfLink. */
    ObjectNode object(LegacyResource<?> r, KubeObject obj) {
        return withSelfLink((ObjectNode) scheme.toJson(obj, V1beta1.API_VERSION), r.selfLink(obj.namespace(), obj.name()));
    }

    /** A list of one namespace (or of minions), each item with its selfLink, resourceVersion the list's revision. */
    <T extends KubeObject> ObjectNode list(LegacyResource<T> r, String namespace, Page<T> page) {
        KubeList<T> list = KubeList.of(r.registry().resource().apiVersion(), r.registry().resource().kind(),
                ListMeta.atVersion(Long.toString(page.revision())), page.items());
        ObjectNode node = (ObjectNode) scheme.toJson(list, V1beta1.API_VERSION);
        if (node.get("items") instanceof ArrayNode items) {
            for (int i = 0; i < items.size(); i++) {
                T item = page.items().get(i);
                items.set(i, withSelfLink((ObjectNode) items.get(i), r.selfLink(item.namespace(), item.name())));
            }
        } else {
            node.putArray("items");
        }
        return withSelfLink(node, r.listSelfLink(namespace));
    }

    /**
     * A Status in v1beta1: field paths of causes as a 2014 client spells them, the kind as a word
     * of that API ({@code pod}, {@code minion}), and for 422 the message rebuilt from both.
     */
    ObjectNode status(LegacyResource<?> r, Status s) {
        return (ObjectNode) scheme.toJson(r == null ? s : legacy(r, s), V1beta1.API_VERSION);
    }

    private static Status legacy(LegacyResource<?> r, Status s) {
        StatusDetails d = s.details();
        if (d == null) {
            return s;
        }
        String hubKind = r.registry().resource().kind();
        boolean ours = hubKind.equals(d.kind()) || r.registry().resource().plural().equals(d.kind());
        String kind = ours ? r.singular() : d.kind();
        List<StatusCause> causes = null;
        String message = s.message();
        if (d.causes() != null) {
            causes = new ArrayList<>(d.causes().size());
            Set<String> messages = new LinkedHashSet<>();
            for (StatusCause c : d.causes()) {
                String field = FieldPaths.toV1beta1(hubKind, c.field());
                causes.add(new StatusCause(c.reason(), c.message(), field));
                messages.add(field == null || field.isEmpty() ? c.message() : field + ": " + c.message());
            }
            if (Status.REASON_INVALID.equals(s.reason()) && ours && !messages.isEmpty()) {
                String all = messages.size() == 1 ? messages.iterator().next() : "[" + String.join(", ", messages) + "]";
                message = V1beta1.kindOf(hubKind) + " " + Json.toString(d.name() == null ? "" : d.name())
                        + " is invalid: " + all;
            }
        }
        return new Status(s.metadata(), s.status(), message, s.reason(),
                new StatusDetails(d.name(), d.group(), kind, d.uid(), causes, d.retryAfterSeconds()), s.code());
    }

    /** The Status of an operation still running: 202, {@code details {"id":"<n>","kind":"operation"}}. */
    ObjectNode working(long id, String message) {
        return status(null, new Status(ListMeta.EMPTY, WORKING, message, WORKING,
                new StatusDetails(Long.toString(id), null, "operation", null, null, null), 202));
    }

    /** Any answer: an object of {@code r}, a list, or a Status. */
    JsonNode body(LegacyResource<?> r, ApiObject obj) {
        return switch (obj) {
            case Status s -> status(r, s);
            case KubeObject o -> object(r, o);
            default -> scheme.toJson(obj, V1beta1.API_VERSION);
        };
    }

    static void write(Context ctx, int code, JsonNode body) {
        ResponseWriter.writeBody(ctx, code, Json.toBytes(body));
    }

    /** One line of a watch stream: {@code {"type":"ADDED","object":{...}}}, no newline. */
    static byte[] event(String type, JsonNode object) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("type", type);
        line.set("object", object);
        return Json.toBytes(line);
    }

    /** The node with selfLink placed where v1beta1 put it: after creationTimestamp, before resourceVersion. */
    private static ObjectNode withSelfLink(ObjectNode node, String selfLink) {
        ObjectNode out = node.objectNode();
        boolean placed = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!placed && (field.getKey().equals("resourceVersion") || field.getKey().equals("apiVersion"))) {
                out.put("selfLink", selfLink);
                placed = true;
            }
            if (!field.getKey().equals("selfLink")) {
                out.set(field.getKey(), field.getValue());
            }
        }
        if (!placed) {
            out.put("selfLink", selfLink);
        }
        return out;
    }
}
