package io.skiff.storage.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** Argument checks and byte-level key arithmetic shared by the backends. */
public final class Keys {
    private Keys() {}

    /** A key as the UTF-8 bytes both backends order by; rejects null, empty and unpaired surrogates. */
    public static byte[] key(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a key must be a non-empty string");
        }
        return utf8(key, "key");
    }

    /** A prefix as UTF-8 bytes; {@code ""} (every key) is allowed. */
    public static byte[] prefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("a prefix must not be null (use \"\" for every key)");
        }
        return utf8(prefix, "prefix");
    }

    private static byte[] utf8(String text, String what) {
        // String.getBytes would silently turn an unpaired surrogate into '?', and two different
        // keys would then collide: refuse such keys instead.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the " + what + " has an unpaired UTF-16 surrogate at index " + i);
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String string(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * The smallest key greater than every key starting with {@code prefix}, as etcd computes it:
     * drop trailing 0xff bytes and increment the last byte. Null when there is none (the prefix
     * is empty or all 0xff): the range is then unbounded above.
     */
    public static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xff) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    public static boolean hasPrefix(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    public static byte[] value(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("a value must not be null (an empty array is fine)");
        }
        return value.clone();
    }

    public static void expectedRevision(long expectedModRevision, boolean zeroAllowed) {
        if (expectedModRevision < 0 || (!zeroAllowed && expectedModRevision == 0)) {
            throw new IllegalArgumentException("expected modRevision must be "
                    + (zeroAllowed ? ">= 0" : "> 0") + ", got " + expectedModRevision);
        }
    }

    public static void limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = no limit), got " + limit);
        }
    }

    public static void fromRevision(long fromRevision) {
        if (fromRevision < 0) {
            throw new IllegalArgumentException("a watch's fromRevision must be >= 0, got " + fromRevision);
        }
    }

    /** A TTL in whole seconds, rounded up, at least 1; 0 means none. */
    public static long ttlSeconds(Duration ttl) {
        if (ttl == null) {
            return 0;
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a ttl must be positive (or null for none), got " + ttl);
        }
        long seconds = ttl.getSeconds() + (ttl.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
