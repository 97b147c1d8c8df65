package io.skiff.storage.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque token of a paginated list: the revision the first page was read at and the last
 * key returned, so the next page reads the keys after it at the same revision. Base64url of
 * {@code "<revision>:<last key>"}.
 */
public record ContinueToken(long revision, String lastKey) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((revision + ":" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a token handed back by a caller, checking it belongs to {@code prefix}.
     *
     * @throws IllegalArgumentException when it is not a token of ours or not for this prefix
     */
    public static ContinueToken decode(String token, String prefix) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("continue token is not valid base64url: " + token);
        }
        int colon = text.indexOf(':');
        long revision;
        try {
            revision = colon > 0 ? Long.parseLong(text.substring(0, colon)) : -1;
        } catch (NumberFormatException e) {
            revision = -1;
        }
        if (revision <= 0) {
            throw new IllegalArgumentException("continue token is malformed: " + token);
        }
        String lastKey = text.substring(colon + 1);
        if (!lastKey.startsWith(prefix)) {
            throw new IllegalArgumentException("continue token was issued for another prefix than " + prefix);
        }
        return new ContinueToken(revision, lastKey);
    }
}
