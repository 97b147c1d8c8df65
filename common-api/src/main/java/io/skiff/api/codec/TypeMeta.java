package io.skiff.api.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The {@code apiVersion} and {@code kind} of a JSON object, read from its top-level fields with
 * a streaming parser that stops as soon as it has both. Clients write them first (kubectl,
 * client-go and Skiff's own encoder do), so the look costs a few tokens, and the same parser then
 * binds the rest of the object to the type they name, with no tree in between.
 *
 * <p>Stopping early has one cost: a body that repeats {@code apiVersion} or {@code kind} after
 * both were seen is typed by the first pair, where the tree path (like Kubernetes) takes the
 * last. Making sure there is no repeat means scanning the whole object, which costs a third of
 * binding it; duplicate names are malformed JSON in all but the letter, and no client writes them.
 *
 * @param first whether they were the object's first fields: the parser, left just after them,
 *     is then at the rest of the object and can bind it
 */
record TypeMeta(String apiVersion, String kind, boolean first) {

    /**
     * Both fields, as non-empty strings, read from a parser at the start of a document; null when
     * the document is anything else (not an object, a field missing, empty, null or not a string,
     * malformed JSON before both were seen). A null sends the caller to the tree path, which tells
     * each of those apart and reports it.
     */
    static TypeMeta read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String apiVersion = null;
        String kind = null;
        boolean first = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("apiVersion".equals(name) || "kind".equals(name)) {
                if (value != JsonToken.VALUE_STRING || p.getTextLength() == 0) {
                    return null;
                }
                if (name.equals("kind")) {
                    kind = p.getText();
                } else {
                    apiVersion = p.getText();
                }
                if (apiVersion != null && kind != null) {
                    return new TypeMeta(apiVersion, kind, first);
                }
            } else {
                first = false;
                p.skipChildren();
            }
        }
        return null;
    }
}
