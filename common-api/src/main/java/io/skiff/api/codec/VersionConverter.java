package io.skiff.api.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.meta.ApiObject;
import java.util.Set;

/**
 * One external API version: converts its wire JSON to hub objects and back. The {@link Scheme}
 * picks the converter by {@code apiVersion}; the converter picks the type by {@code kind}.
 * List kinds ({@code PodList}) are kinds like any other: the converter decodes and encodes them
 * as {@link io.skiff.api.meta.KubeList}.
 */
public interface VersionConverter {
    /** {@code v1}, {@code coordination.k8s.io/v1}, {@code v1beta1}, ... */
    String apiVersion();

    /** The kinds this version decodes and encodes, lists included. */
    Set<String> kinds();

    /**
     * Decodes one object of {@code kind} from its wire form. The node's own apiVersion/kind were
     * already checked by the scheme (they may be absent in list items).
     */
    ApiObject toHub(String kind, JsonNode node) throws DecodeException;

    /** The wire form of a hub object, with this version's {@code apiVersion} and {@code kind} set. */
    JsonNode fromHub(ApiObject obj);

    /** The wire form as bytes; versions whose wire form is the hub's own override it to skip the tree. */
    default byte[] encode(ApiObject obj) {
        return Json.toBytes(fromHub(obj));
    }
}
