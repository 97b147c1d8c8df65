package io.skiff.api.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * String and number rules of Kubernetes' {@code k8s.io/apimachinery/pkg/util/validation}: each
 * returns every problem as a message, worded as Kubernetes words it, or an empty list when the value
 * is valid. Lengths are counted in UTF-8 bytes, as Go's {@code len} does.
 *
 * <p>The texts are the long-standing ones of {@code util/validation} ("must be no more than 63
 * characters", "a qualified name must consist of ..."). The newest apimachinery moved these rules
 * to {@code api/validate/content} and words a few of them differently ("bytes", "a valid label key").
 */
public final class Validation {

    public static final int DNS1123_LABEL_MAX_LENGTH = 63;
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    public static final int DNS1035_LABEL_MAX_LENGTH = 63;
    public static final int LABEL_VALUE_MAX_LENGTH = 63;
    public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
    public static final int PORT_NAME_MAX_LENGTH = 15;

    private static final String QUALIFIED_NAME_CHAR_FMT = "[A-Za-z0-9]";
    private static final String QUALIFIED_NAME_EXT_CHAR_FMT = "[-A-Za-z0-9_.]";
    private static final String QUALIFIED_NAME_FMT =
            "(" + QUALIFIED_NAME_CHAR_FMT + QUALIFIED_NAME_EXT_CHAR_FMT + "*)?" + QUALIFIED_NAME_CHAR_FMT;
    private static final String QUALIFIED_NAME_ERR_MSG =
            "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    private static final String LABEL_VALUE_ERR_MSG =
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_LABEL_ERR_MSG =
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

    private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    private static final String DNS1123_SUBDOMAIN_ERR_MSG =
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1035_LABEL_ERR_MSG =
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

    private static final String C_IDENTIFIER_FMT = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String C_IDENTIFIER_ERR_MSG =
            "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";

    private static final String ENV_VAR_NAME_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private static final String ENV_VAR_NAME_ERR_MSG =
            "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

    private static final String HTTP_HEADER_NAME_FMT = "[-A-Za-z0-9]+";
    private static final String HTTP_HEADER_NAME_ERR_MSG =
            "a valid HTTP header must consist of alphanumeric characters or '-'";


    private Validation() {
    }

    // ---- message builders, shared by every rule ----

    /** {@code must be no more than N characters}. */
    public static String maxLenError(int length) {
        return "must be no more than " + length + " characters";
    }

    /** A regex failure with examples: {@code msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')}. */
    public static String regexError(String msg, String fmt, String... examples) {
        if (examples.length == 0) {
            return msg + " (regex used for validation is '" + fmt + "')";
        }
        StringBuilder out = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                out.append(" or ");
            }
            out.append('\'').append(examples[i]).append("', ");
        }
        return out.append("regex used for validation is '").append(fmt).append("')").toString();
    }

    /** {@code must be non-empty}. */
    public static String emptyError() {
        return "must be non-empty";
    }

    /** {@code must be between lo and hi, inclusive}. */
    public static String inclusiveRangeError(long lo, long hi) {
        return "must be between " + lo + " and " + hi + ", inclusive";
    }

    // ---- rules ----

    /**
     * A qualified name (label and annotation keys, finalizers): an optional DNS-1123 subdomain prefix
     * and '/', then a name of at most 63 alphanumerics, '-', '_' or '.'.
     */
    public static List<String> isQualifiedName(String value) {
        if (Syntax.qualifiedName(value, QUALIFIED_NAME_MAX_LENGTH, DNS1123_SUBDOMAIN_MAX_LENGTH)) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        switch (parts.length) {
            case 1 -> name = parts[0];
            case 2 -> {
                String prefix = parts[0];
                name = parts[1];
                if (prefix.isEmpty()) {
                    errs.add("prefix part " + emptyError());
                } else {
                    isDNS1123Subdomain(prefix).forEach(msg -> errs.add("prefix part " + msg));
                }
            }
            default -> {
                errs.add("a qualified name " + regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
                        + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errs;
            }
        }
        if (name.isEmpty()) {
            errs.add("name part " + emptyError());
        } else if (utf8Length(name) > QUALIFIED_NAME_MAX_LENGTH) {
            errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
        }
        if (!Syntax.qualifiedNamePart(name, 0, name.length())) {
            errs.add("name part " + regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    /** A label value: empty, or at most 63 alphanumerics, '-', '_' or '.' starting and ending alphanumeric. */
    public static List<String> isValidLabelValue(String value) {
        if (value.length() <= LABEL_VALUE_MAX_LENGTH && Syntax.labelValue(value)) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (utf8Length(value) > LABEL_VALUE_MAX_LENGTH) {
            errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
        }
        if (!Syntax.labelValue(value)) {
            errs.add(regexError(LABEL_VALUE_ERR_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    /** An RFC 1123 DNS label (namespace names, most object names that are labels). */
    public static List<String> isDNS1123Label(String value) {
        if (value.length() <= DNS1123_LABEL_MAX_LENGTH && Syntax.dns1123Label(value)) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (utf8Length(value) > DNS1123_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
        }
        if (!Syntax.dns1123Label(value)) {
            if (Syntax.dns1123Subdomain(value)) {
                // A valid subdomain but not a label: the length was checked, so it is the dots.
                errs.add("must not contain dots");
            } else {
                errs.add(regexError(DNS1123_LABEL_ERR_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
            }
        }
        return errs;
    }

    /** An RFC 1123 DNS subdomain (most object names). */
    public static List<String> isDNS1123Subdomain(String value) {
        if (value.length() <= DNS1123_SUBDOMAIN_MAX_LENGTH && Syntax.dns1123Subdomain(value)) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!Syntax.dns1123Subdomain(value)) {
            errs.add(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    /** An RFC 1035 DNS label (service names): starts with a letter. */
    public static List<String> isDNS1035Label(String value) {
        if (value.length() <= DNS1035_LABEL_MAX_LENGTH && Syntax.dns1035Label(value)) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (utf8Length(value) > DNS1035_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1035_LABEL_MAX_LENGTH));
        }
        if (!Syntax.dns1035Label(value)) {
            errs.add(regexError(DNS1035_LABEL_ERR_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
        }
        return errs;
    }

    /** A C identifier; the format only, not the length. */
    public static List<String> isCIdentifier(String value) {
        if (Syntax.cIdentifier(value)) {
            return List.of();
        }
        return List.of(regexError(C_IDENTIFIER_ERR_MSG, C_IDENTIFIER_FMT, "my_name", "MY_NAME", "MyName"));
    }

    /** A container environment variable name; never '.', '..' or starting with '..'. */
    public static List<String> isEnvVarName(String value) {
        if (Syntax.envVarName(value) && !value.equals(".") && !value.startsWith("..")) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (!Syntax.envVarName(value)) {
            errs.add(regexError(ENV_VAR_NAME_ERR_MSG, ENV_VAR_NAME_FMT, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        }
        if (value.equals(".")) {
            errs.add("must not be '.'");
        } else if (value.equals("..")) {
            errs.add("must not be '..'");
        } else if (value.startsWith("..")) {
            errs.add("must not start with '..'");
        }
        return errs;
    }

    /** A port number, 1 to 65535. */
    public static List<String> isValidPortNum(long port) {
        return isInRange(port, 1, 65535);
    }

    /** {@code lo <= value <= hi}. */
    public static List<String> isInRange(long value, long lo, long hi) {
        return value >= lo && value <= hi ? List.of() : List.of(inclusiveRangeError(lo, hi));
    }

    /**
     * An IANA_SVC_NAME port name: 1 to 15 of [-a-z0-9], at least one letter, no leading, trailing
     * or doubled hyphen.
     */
    public static List<String> isValidPortName(String port) {
        if (port.length() <= PORT_NAME_MAX_LENGTH && Syntax.portNameCharset(port) && Syntax.hasLowerLetter(port)
                && !port.contains("--") && !port.startsWith("-") && !port.endsWith("-")) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (utf8Length(port) > PORT_NAME_MAX_LENGTH) {
            errs.add(maxLenError(PORT_NAME_MAX_LENGTH));
        }
        if (!Syntax.portNameCharset(port)) {
            errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!Syntax.hasLowerLetter(port)) {
            errs.add("must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errs.add("must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
            errs.add("must not begin or end with a hyphen");
        }
        return errs;
    }

    /** An IPv4 or IPv6 address literal (IPv4 octets may have leading zeros, as Kubernetes accepts). */
    public static List<String> isValidIP(String value) {
        return IpLiteral.isValid(value) ? List.of() : List.of("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    }

    /** An HTTP header name as Go's HTTP library accepts it (probe httpHeaders). */
    public static List<String> isHTTPHeaderName(String value) {
        if (Syntax.httpHeaderName(value)) {
            return List.of();
        }
        return List.of(regexError(HTTP_HEADER_NAME_ERR_MSG, HTTP_HEADER_NAME_FMT, "X-Header-Name"));
    }

    /** A CIDR ({@code 10.9.8.0/24}, {@code 2001:db8::/64}) as Kubernetes' ParseCIDRSloppy reads it. */
    public static List<String> isValidCIDR(String value) {
        return IpLiteral.isValidCidr(value) ? List.of()
                : List.of("must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
    }

    /** The length Go's {@code len} reports: UTF-8 bytes. */
    static int utf8Length(String s) {
        int ascii = 0;
        while (ascii < s.length() && s.charAt(ascii) < 0x80) {
            ascii++;
        }
        return ascii == s.length() ? ascii : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
