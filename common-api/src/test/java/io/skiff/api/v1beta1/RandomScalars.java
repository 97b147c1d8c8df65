package io.skiff.api.v1beta1;

import io.skiff.api.meta.IntOrString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Random scalars, lists and maps for the v1beta1 generators: absent one time in five. */
abstract class RandomScalars {
    /** Strings that trip up encoders: JSON escapes, numbers as text, non-ASCII, the empty string. */
    private static final List<String> TRICKY = List.of("", "true", "null", "123", "-1", "0.5", "1e3", "\"dq\"",
            "back\\slash", "tab\there", "line\nbreak", "ünïcödé ✓", "{y}", "[x]", "2014-10-20T15:04:05Z", " ");

    final Random r;

    RandomScalars(Random random) {
        this.r = random;
    }

    <T> T maybe(Supplier<T> value) {
        return r.nextInt(5) == 0 ? null : value.get();
    }

    <T> T oneOf(List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    <T> List<T> list(Supplier<T> element) {
        return r.nextInt(5) == 0 ? null : nonNullList(element);
    }

    <T> List<T> nonNullList(Supplier<T> element) {
        int n = r.nextInt(4);
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(element.get());
        }
        return list;
    }

    List<String> stringList() {
        return list(this::word);
    }

    Map<String, String> stringMap() {
        if (r.nextInt(5) == 0) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put(word(), word());
        }
        return m;
    }

    String string() {
        return r.nextInt(5) == 0 ? null : word();
    }

    String word() {
        if (r.nextInt(4) == 0) {
            return oneOf(TRICKY);
        }
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /** A unique non-empty name, for map keys that must not collide (container names in info). */
    String uniqueName(int index) {
        return word() + "-" + index;
    }

    Integer integer() {
        return r.nextInt(5) == 0 ? null : r.nextInt();
    }

    Boolean bool() {
        return r.nextInt(5) == 0 ? null : r.nextBoolean();
    }

    /** A positive amount, as resource limits are (0 meant unlimited in v1beta1). */
    long positive() {
        return 1 + (r.nextBoolean() ? r.nextInt(100_000) : (r.nextLong() >>> 2));
    }

    /** A storage revision. */
    Long revision() {
        return r.nextInt(5) == 0 ? null : 1 + (r.nextLong() >>> 1) % Long.MAX_VALUE;
    }

    IntOrString intOrString() {
        return r.nextBoolean() ? IntOrString.of(r.nextInt(70_000) - 100) : IntOrString.of(word());
    }

    /** An RFC 3339 time at second precision, year 1970 to 2200. */
    Instant time() {
        return r.nextInt(5) == 0 ? null : Instant.ofEpochSecond((long) (r.nextDouble() * 7_258_118_400L));
    }
}
