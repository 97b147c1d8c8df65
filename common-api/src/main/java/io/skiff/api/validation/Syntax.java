package io.skiff.api.validation;

/**
 * The name grammars of {@link Validation} matched by hand: every API write checks dozens of
 * names, and java.util.regex was half of the validation time of a typical pod. Each method
 * accepts exactly what its regex (kept in {@link Validation} for the messages) accepts; the
 * property test SyntaxProperties checks them against the regexes.
 */
final class Syntax {

    private static final boolean[] LOWER_ALNUM_DASH = chars("-", "a-z", "0-9");
    private static final boolean[] QUALIFIED = chars("-_.", "A-Z", "a-z", "0-9");
    private static final boolean[] C_IDENTIFIER_REST = chars("_", "A-Z", "a-z", "0-9");
    private static final boolean[] ENV_VAR_FIRST = chars("-._", "A-Z", "a-z");
    private static final boolean[] ENV_VAR_REST = chars("-._", "A-Z", "a-z", "0-9");
    private static final boolean[] HEADER = chars("-", "A-Z", "a-z", "0-9");

    private Syntax() {
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} over {@code s[from, to)}. */
    static boolean dns1123Label(String s, int from, int to) {
        return to > from && lowerAlnum(s.charAt(from)) && lowerAlnum(s.charAt(to - 1))
                && all(s, from, to, LOWER_ALNUM_DASH);
    }

    static boolean dns1123Label(String s) {
        return dns1123Label(s, 0, s.length());
    }

    /** Dot-separated DNS-1123 labels over {@code s[from, to)}. */
    static boolean dns1123Subdomain(String s, int from, int to) {
        int start = from;
        for (int dot = s.indexOf('.', start); dot >= 0 && dot < to; dot = s.indexOf('.', start)) {
            if (!dns1123Label(s, start, dot)) {
                return false;
            }
            start = dot + 1;
        }
        return dns1123Label(s, start, to);
    }

    static boolean dns1123Subdomain(String s) {
        return dns1123Subdomain(s, 0, s.length());
    }

    /**
     * A whole valid qualified name: a name part of at most {@code maxName} characters, after an
     * optional DNS-1123 subdomain prefix of at most {@code maxPrefix} and a '/'.
     */
    static boolean qualifiedName(String s, int maxName, int maxPrefix) {
        int slash = s.indexOf('/');
        int nameStart = slash + 1;
        if (slash >= 0 && (slash > maxPrefix || s.indexOf('/', nameStart) >= 0 || !dns1123Subdomain(s, 0, slash))) {
            return false;
        }
        return s.length() - nameStart <= maxName && qualifiedNamePart(s, nameStart, s.length());
    }

    /** {@code [a-z]([-a-z0-9]*[a-z0-9])?}. */
    static boolean dns1035Label(String s) {
        return dns1123Label(s) && s.charAt(0) >= 'a' && s.charAt(0) <= 'z';
    }

    /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]} over {@code s[from, to)}. */
    static boolean qualifiedNamePart(String s, int from, int to) {
        return to > from && alnum(s.charAt(from)) && alnum(s.charAt(to - 1)) && all(s, from, to, QUALIFIED);
    }

    /** {@code (([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?}. */
    static boolean labelValue(String s) {
        return s.isEmpty() || qualifiedNamePart(s, 0, s.length());
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}. */
    static boolean cIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        return (first == '_' || (first | 0x20) >= 'a' && (first | 0x20) <= 'z') && all(s, 1, s.length(), C_IDENTIFIER_REST);
    }

    /** {@code [-._a-zA-Z][-._a-zA-Z0-9]*}. */
    static boolean envVarName(String s) {
        return !s.isEmpty() && in(s.charAt(0), ENV_VAR_FIRST) && all(s, 1, s.length(), ENV_VAR_REST);
    }

    /** {@code [-a-z0-9]+}. */
    static boolean portNameCharset(String s) {
        return !s.isEmpty() && all(s, 0, s.length(), LOWER_ALNUM_DASH);
    }

    /** Contains a match of {@code [a-z]}. */
    static boolean hasLowerLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
                return true;
            }
        }
        return false;
    }

    /** {@code [-A-Za-z0-9]+}. */
    static boolean httpHeaderName(String s) {
        return !s.isEmpty() && all(s, 0, s.length(), HEADER);
    }

    private static boolean all(String s, int from, int to, boolean[] allowed) {
        for (int i = from; i < to; i++) {
            if (!in(s.charAt(i), allowed)) {
                return false;
            }
        }
        return true;
    }

    private static boolean in(char c, boolean[] allowed) {
        return c < allowed.length && allowed[c];
    }

    private static boolean lowerAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean alnum(char c) {
        return lowerAlnum(c) || c >= 'A' && c <= 'Z';
    }

    /** An ASCII table from single characters and {@code x-y} ranges. */
    private static boolean[] chars(String... specs) {
        boolean[] table = new boolean[128];
        for (String spec : specs) {
            if (spec.length() == 3 && spec.charAt(1) == '-') {
                for (char c = spec.charAt(0); c <= spec.charAt(2); c++) {
                    table[c] = true;
                }
            } else {
                spec.chars().forEach(c -> table[c] = true);
            }
        }
        return table;
    }
}
