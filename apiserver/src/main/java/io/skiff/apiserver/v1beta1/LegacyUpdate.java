package io.skiff.apiserver.v1beta1;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.v1beta1.V1beta1;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.rest.BodyDecoder;

/**
 * A v1beta1 PUT as the successor of the stored object. A 2014 client sends back what it read,
 * changed; it cannot send what v1beta1 cannot say (a service's second port, a template's
 * annotations, a node's taints). Replacing the stored object with its body would drop those, so
 * the update is three-way: the difference between the stored object as the client saw it
 * (through v1beta1 and back) and the body is applied to the stored object. A field the client
 * changed is changed; a field it could not see is kept.
 */
final class LegacyUpdate {
    private final Scheme scheme;
    private final BodyDecoder decoder;

    LegacyUpdate(Scheme scheme, BodyDecoder decoder) {
        this.scheme = scheme;
        this.decoder = decoder;
    }

    /** {@code current} with the changes of {@code body} (both hub objects of {@code r}). */
    <T extends KubeObject> T merge(LegacyResource<T> r, T current, T body) {
        JsonNode seen;
        try {
            seen = Json.toTree(scheme.decode(scheme.toJson(current, V1beta1.API_VERSION)));
        } catch (DecodeException e) {
            throw ApiErrors.internal(e); // our own encoding must decode
        }
        JsonNode changes = JsonDiff.asJson(seen, Json.toTree(body), DiffFlags.dontNormalizeOpIntoMoveAndCopy());
        JsonNode merged;
        try {
            merged = JsonPatch.apply(changes, Json.toTree(current));
        } catch (JsonPatchApplicationException e) {
            return body; // the stored object is shaped unlike its v1beta1 view: the body as sent
        }
        String apiVersion = r.registry().resource().apiVersion();
        return decoder.decode(merged, apiVersion, r.registry().resource().kind(), r.type());
    }
}
