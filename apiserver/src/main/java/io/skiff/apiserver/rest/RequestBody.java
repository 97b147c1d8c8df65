package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Yaml;
import io.skiff.apiserver.ApiErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A request body, read whole (up to the size limit: 413 beyond it, nothing stored) with its media
 * type. No Content-Type means JSON (kubectl 1.20 sends none on some creates); a type that is
 * named and not served is 415.
 */
public record RequestBody(byte[] bytes, String mediaType) {
    public static final String JSON = "application/json";
    public static final String YAML = "application/yaml";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String JSON_PATCH = "application/json-patch+json";
    public static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    static final List<String> OBJECT_TYPES = List.of(JSON, YAML);
    static final List<String> PATCH_TYPES = List.of(JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH);

    public static final RequestBody EMPTY = new RequestBody(new byte[0], JSON);

    /** Reads at most {@code maxBytes}; a declared or actual larger body is 413. */
    public static RequestBody read(InputStream in, long declaredLength, String contentType, long maxBytes)
            throws IOException {
        if (declaredLength > maxBytes) {
            throw ApiErrors.tooLarge(maxBytes);
        }
        // A declared length is exact (the server enforces it): read just that, without growing
        // buffers up to the limit; without one (chunked), read up to one byte past the limit.
        byte[] bytes = in.readNBytes((int) (declaredLength >= 0 ? declaredLength
                : Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)));
        if (bytes.length > maxBytes) {
            throw ApiErrors.tooLarge(maxBytes);
        }
        return new RequestBody(bytes, mediaType(contentType));
    }

    /** The media type without parameters, lower case; JSON when absent. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return JSON;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? JSON : type;
    }

    public boolean isEmpty() {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** The body of a create or update as a tree: JSON or YAML (one document), else 415; malformed is 400. */
    public JsonNode objectTree() {
        try {
            return switch (mediaType) {
                case JSON -> Json.readTree(bytes);
                case YAML, "application/x-yaml", "text/yaml" -> yaml();
                default -> throw ApiErrors.unsupportedMediaType(mediaType, OBJECT_TYPES);
            };
        } catch (DecodeException e) {
            throw ApiErrors.badRequest(e.getMessage());
        }
    }

    private JsonNode yaml() throws DecodeException {
        List<JsonNode> docs = Yaml.readDocuments(new String(bytes, StandardCharsets.UTF_8));
        if (docs.size() != 1) {
            throw new DecodeException("expected one YAML document, got " + docs.size());
        }
        return docs.get(0);
    }
}
