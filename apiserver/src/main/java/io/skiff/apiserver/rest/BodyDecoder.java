package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.apiserver.ApiErrors;

/**
 * Turns request bodies into objects of the kind the path names: apiVersion and kind may be left
 * out (the path implies them); if given they must match (400 otherwise); type errors are 400
 * with the field and position.
 */
public final class BodyDecoder {
    private final Scheme scheme;

    public BodyDecoder(Scheme scheme) {
        this.scheme = scheme;
    }

    /**
     * The object of a create, update or subresource body. A JSON body that names the expected
     * apiVersion and kind (as clients send them) binds in one pass; any other goes through its
     * tree, which checks and words every problem.
     */
    public <T extends ApiObject> T decode(RequestBody body, String apiVersion, String kind, Class<T> type) {
        if (body.mediaType().equals(RequestBody.JSON)) {
            ApiObject direct = scheme.decodeDirect(body.bytes(), apiVersion, kind);
            if (type.isInstance(direct)) {
                return type.cast(direct);
            }
        }
        return decode(body.objectTree(), apiVersion, kind, type);
    }

    public <T extends ApiObject> T decode(JsonNode tree, String apiVersion, String kind, Class<T> type) {
        if (!tree.isObject()) {
            throw ApiErrors.badRequest("the body of the request must be a JSON object, got " + tree.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT));
        }
        String givenVersion = tree.path("apiVersion").isTextual() ? tree.get("apiVersion").asText() : "";
        String givenKind = tree.path("kind").isTextual() ? tree.get("kind").asText() : "";
        if (!givenKind.isEmpty() && !givenKind.equals(kind)) {
            throw ApiErrors.badRequest("the kind of the provided object (" + givenKind
                    + ") does not match the kind of the resource (" + kind + ")");
        }
        if (!givenVersion.isEmpty() && !givenVersion.equals(apiVersion)) {
            throw ApiErrors.badRequest("the API version in the data (" + givenVersion
                    + ") does not match the expected API version (" + apiVersion + ")");
        }
        try {
            ApiObject obj = scheme.decode(tree, apiVersion, kind);
            if (!type.isInstance(obj)) {
                throw ApiErrors.badRequest("the body is a " + obj.kind() + ", expected a " + kind);
            }
            return type.cast(obj);
        } catch (DecodeException e) {
            throw ApiErrors.badRequest(e.getMessage());
        }
    }

    /** A DELETE's optional DeleteOptions body (any of the apiVersions clients send it with). */
    DeleteOptions deleteOptions(RequestBody body) {
        if (body.isEmpty()) {
            return null;
        }
        JsonNode tree = body.objectTree();
        String kind = tree.path("kind").asText("");
        if (!kind.isEmpty() && !kind.equals(DeleteOptions.KIND)) {
            throw ApiErrors.badRequest("the body of a DELETE is a DeleteOptions, got " + kind);
        }
        try {
            return Json.fromTree(tree, DeleteOptions.class);
        } catch (DecodeException e) {
            throw ApiErrors.badRequest(e.getMessage());
        }
    }
}
