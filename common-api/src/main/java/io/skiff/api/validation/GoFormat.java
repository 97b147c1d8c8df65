package io.skiff.api.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders values the way Go's fmt does in Kubernetes' error messages, so Skiff's messages match
 * the apiserver's byte for byte: strings as {@code %q} (strconv.Quote), numbers and booleans as
 * {@code %v}, string slices as {@code %#v}.
 */
final class GoFormat {

    private GoFormat() {
    }

    /** strconv.Quote: double-quoted, Go escapes for quotes, backslashes and unprintable runes. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (isPrint(c)) {
                        out.appendCodePoint(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", c));
                    } else if (c < 0x10000) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        out.append(String.format(Locale.ROOT, "\\U%08x", c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                 Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** A bad value as field.Error.ErrorBody prints it. */
    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence s) {
            return quote(s.toString());
        }
        if (value instanceof Double d) {
            return shortestFloat(d, Double.toString(d));
        }
        if (value instanceof Float f) {
            return shortestFloat(f, Float.toString(f));
        }
        if (value instanceof Map<?, ?> map) {
            return stringMap(map);
        }
        if (value instanceof Instant instant) {
            return time(instant);
        }
        if (value instanceof Collection<?> items && items.stream().allMatch(i -> i instanceof CharSequence)) {
            StringBuilder out = new StringBuilder("[]string{");
            boolean first = true;
            for (Object item : items) {
                out.append(first ? "" : ", ").append(quote(item.toString()));
                first = false;
            }
            return out.append('}').toString();
        }
        // Integers, booleans and anything with a toString (Go's fmt.Stringer) print as themselves.
        return value.toString();
    }

    /** Go's %v of a float: %g with the shortest digits, exponent form below 1e-4 and from 1e+06. */
    private static String shortestFloat(double d, String javaShortest) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(javaShortest).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + exact.abs().toPlainString();
    }

    /** A Go map[string]string as %#v prints it: keys sorted, {@code map[string]string{"a":"b", "c":"d"}}. */
    private static String stringMap(Map<?, ?> map) {
        StringBuilder out = new StringBuilder("map[string]string{");
        boolean first = true;
        for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
            out.append(first ? "" : ", ").append(quote(String.valueOf(e.getKey()))).append(':')
                    .append(quote(e.getValue() == null ? "" : e.getValue().toString()));
            first = false;
        }
        return out.append('}').toString();
    }

    private static final DateTimeFormatter GO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * A timestamp as Go's time.Time String() prints a UTC time (metav1.Time is a Stringer):
     * {@code 2021-03-02 10:15:01 +0000 UTC}, fractional seconds only when present.
     */
    static String time(Instant t) {
        String fraction = "";
        if (t.getNano() != 0) {
            fraction = String.format(Locale.ROOT, ".%09d", t.getNano()).replaceAll("0+$", "");
        }
        return GO_TIME.format(t) + fraction + " +0000 UTC";
    }

    /**
     * A value printed verbatim: Go literals that have no Java counterpart, such as the %#v of a
     * struct ({@code core.NodeAddress{Type:"Hostname", Address:"a"}}) or a nil map.
     */
    static Object literal(String text) {
        return new Object() {
            @Override
            public String toString() {
                return text;
            }
        };
    }
}
