package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.RequestInfo;
import io.skiff.apiserver.patch.PatchException;
import io.skiff.apiserver.patch.Patches;
import io.skiff.apiserver.registry.DeleteResult;
import io.skiff.apiserver.registry.ListOptions;
import io.skiff.apiserver.registry.Page;
import io.skiff.apiserver.registry.Registry;
import java.util.List;

/**
 * The verbs on a resource's objects (everything but WATCH, which streams): get, list, create,
 * update, patch, delete, deletecollection, and the subresources through {@link Subresources}.
 * Pure request-in, response-out: it never touches the HTTP exchange, so the server can bound it
 * with the request timeout.
 */
public final class ResourceHandler {
    private final BodyDecoder decoder;
    private final Subresources subresources;

    ResourceHandler(BodyDecoder decoder, Subresources subresources) {
        this.decoder = decoder;
        this.subresources = subresources;
    }

    public ApiResponse handle(RequestContext rc, Registry<?> registry, RequestBody body) {
        return handleTyped(rc, registry, body);
    }

    private <T extends KubeObject> ApiResponse handleTyped(RequestContext rc, Registry<T> r, RequestBody body) {
        RequestInfo info = rc.info();
        String ns = namespace(info, r.resource());
        String name = info.name();
        if (!info.subresource().isEmpty()) {
            return subresources.handle(rc, r, ns, name, info.subresource(), body);
        }
        return switch (info.verb()) {
            case "list" -> ApiResponse.ok(list(r, ns, QueryOptions.list(rc, r.strategy().selectableFieldNames(), "")));
            case "get" -> ApiResponse.ok(r.get(ns, name));
            case "create" -> {
                if (!name.isEmpty()) {
                    throw ApiErrors.methodNotSupported(r.groupResource(), "create on a named object");
                }
                yield ApiResponse.created(r.create(objectForCreate(r, ns, body), QueryOptions.dryRun(rc)));
            }
            case "update" -> update(r, ns, name, body, Registry.Target.MAIN, QueryOptions.dryRun(rc));
            case "patch" -> ApiResponse.ok(patch(r, ns, name, body, current -> current, (patched, current) ->
                    r.prepareUpdate(decoder.decode(patched, r.resource().apiVersion(), r.resource().kind(),
                            r.strategy().type()), current, Registry.Target.MAIN), QueryOptions.dryRun(rc)));
            case "delete" -> {
                DeleteOptions options = QueryOptions.delete(rc, decoder.deleteOptions(body));
                DeleteResult<T> result = r.delete(ns, name, options);
                yield ApiResponse.ok(result.object());
            }
            case "deletecollection" -> {
                DeleteOptions options = QueryOptions.delete(rc, decoder.deleteOptions(body));
                ListOptions selection = QueryOptions.list(rc, r.strategy().selectableFieldNames(), "");
                List<T> deleted = r.deleteCollection(ns, selection, options);
                yield ApiResponse.ok(KubeList.of(r.resource().apiVersion(), r.resource().kind(), ListMeta.EMPTY, deleted));
            }
            default -> throw ApiErrors.methodNotSupported(r.groupResource(), info.verb());
        };
    }

    /**
     * The namespace a request addresses: the path's for namespaced resources (404 when a single
     * object is named without one), none for cluster-scoped ones (404 under a namespace path).
     */
    static String namespace(RequestInfo info, ResourceInfo resource) {
        if (!resource.namespaced()) {
            if (!info.namespace().isEmpty() && !resource.plural().equals("namespaces")) {
                throw notFound();
            }
            return "";
        }
        boolean collection = info.name().isEmpty();
        boolean allNamespaces = info.verb().equals("list") || info.verb().equals("watch");
        if (info.namespace().isEmpty() && !(collection && allNamespaces)) {
            throw notFound();
        }
        return info.namespace();
    }

    static ApiException notFound() {
        return new ApiException(io.skiff.api.meta.Status.failure(404, io.skiff.api.meta.Status.REASON_NOT_FOUND,
                "the server could not find the requested resource", null));
    }

    static <T extends KubeObject> KubeList<T> list(Registry<T> r, String ns, ListOptions options) {
        Page<T> page = r.list(ns, options);
        return KubeList.of(r.resource().apiVersion(), r.resource().kind(),
                new ListMeta(Long.toString(page.revision()), page.continueToken(), page.remainingItemCount()),
                page.items());
    }

    /** The body of a create: the path's kind; the namespace from the path (a different one is 400). */
    private <T extends KubeObject> T objectForCreate(Registry<T> r, String ns, RequestBody body) {
        T obj = decoder.decode(body, r.resource().apiVersion(), r.resource().kind(), r.strategy().type());
        ObjectMeta meta = obj.metadataOrEmpty();
        if (r.resource().namespaced()) {
            if (meta.namespace() != null && !meta.namespace().isEmpty() && !meta.namespace().equals(ns)) {
                throw ApiErrors.badRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            meta = meta.withNamespace(ns);
        } else {
            meta = meta.withNamespace(null);
        }
        return withMeta(obj, meta);
    }

    /** The body of an update: as for a create, and a name that differs from the path's is 400. */
    <T extends KubeObject> T objectForUpdate(Registry<T> r, String ns, String name, RequestBody body,
            String apiVersion, String kind, Class<T> type) {
        T obj = decoder.decode(body, apiVersion, kind, type);
        ObjectMeta meta = obj.metadataOrEmpty();
        if (meta.name() != null && !meta.name().isEmpty() && !meta.name().equals(name)) {
            throw ApiErrors.badRequest("the name of the object (" + meta.name()
                    + ") does not match the name on the URL (" + name + ")");
        }
        if (r.resource().namespaced() && meta.namespace() != null && !meta.namespace().isEmpty()
                && !meta.namespace().equals(ns)) {
            throw ApiErrors.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        return withMeta(obj, meta.withName(name).withNamespace(r.resource().namespaced() ? ns : null));
    }

    <T extends KubeObject> ApiResponse update(Registry<T> r, String ns, String name, RequestBody body,
            Registry.Target target, boolean dryRun) {
        T obj = objectForUpdate(r, ns, name, body, r.resource().apiVersion(), r.resource().kind(), r.strategy().type());
        Registry.Written<T> written = r.update(ns, name, obj, target, dryRun);
        // A PUT that created the object (endpoints, events) answers 201 as Kubernetes does.
        return written.created() ? ApiResponse.created(written.object()) : ApiResponse.ok(written.object());
    }

    /** How a patched document becomes the object's successor. */
    interface Successor<T extends KubeObject> {
        T of(JsonNode patched, T current);
    }

    /** How the patch target looks as JSON (the object itself, or a view such as Scale). */
    interface View<T extends KubeObject> {
        Object of(T current);
    }

    /**
     * A PATCH, applied server-side in a compare-and-swap loop: each attempt patches the JSON of
     * the object as stored now (or of a view of it), decodes the result and runs it through the
     * same rules as an update.
     */
    <T extends KubeObject> T patch(Registry<T> r, String ns, String name, RequestBody body, View<T> view,
            Successor<T> successor, boolean dryRun) {
        Patches.Type type = switch (body.mediaType()) {
            case RequestBody.JSON_PATCH -> Patches.Type.JSON_PATCH;
            case RequestBody.MERGE_PATCH -> Patches.Type.MERGE_PATCH;
            case RequestBody.STRATEGIC_MERGE_PATCH -> Patches.Type.STRATEGIC_MERGE_PATCH;
            default -> throw ApiErrors.unsupportedMediaType(body.mediaType(), RequestBody.PATCH_TYPES);
        };
        JsonNode patchDoc;
        try {
            patchDoc = Json.readTree(body.bytes());
        } catch (DecodeException e) {
            throw ApiErrors.badRequest(e.getMessage());
        }
        return r.guaranteedUpdate(ns, name, null, current -> {
            Object target = view.of(current);
            JsonNode currentJson = Json.toTree(target);
            JsonNode patched;
            try {
                patched = Patches.apply(type, currentJson, patchDoc, r.resource().kind());
            } catch (PatchException e) {
                if (e.malformed()) {
                    throw ApiErrors.badRequest(e.getMessage());
                }
                throw new ApiException(io.skiff.api.meta.Status.failure(422, io.skiff.api.meta.Status.REASON_INVALID,
                        e.getMessage(), null));
            }
            return successor.of(patched, current);
        }, dryRun);
    }

    @SuppressWarnings("unchecked")
    static <T extends KubeObject> T withMeta(T obj, ObjectMeta meta) {
        return (T) obj.withMetadata(meta);
    }
}
