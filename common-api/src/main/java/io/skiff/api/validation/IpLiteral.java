package io.skiff.api.validation;

/**
 * Recognises IP address literals as Kubernetes' {@code netutils.ParseIPSloppy} does (Go's pre-1.17
 * parser: IPv4 octets may carry leading zeros; IPv6 with '::' and an embedded IPv4 tail; no zone).
 * Purely syntactic: unlike {@code InetAddress.getByName}, it never resolves a host name.
 */
final class IpLiteral {

    private static final int IPV4_LEN = 4;
    private static final int IPV6_LEN = 16;
    /** Go's dtoi/xtoi give up at this value, whatever the digits. */
    private static final int BIG = 0xFFFFFF;

    private IpLiteral() {
    }

    static boolean isValid(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '.':
                    return ipv4End(s, 0) == s.length();
                case ':':
                    return isIPv6(s);
                default:
                    break;
            }
        }
        return false;
    }

    /** {@code ip/prefix}: an address literal, then a decimal prefix length within its family's bits. */
    static boolean isValidCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0 || !isValid(s.substring(0, slash))) {
            return false;
        }
        int bits = s.substring(0, slash).indexOf(':') >= 0 ? IPV6_LEN * 8 : IPV4_LEN * 8;
        String prefix = s.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3) {
            return false;
        }
        int n = 0;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            n = n * 10 + (c - '0');
        }
        return n <= bits;
    }

    /**
     * The address bytes of a literal that {@link #isValid} accepted: 4 for IPv4 and IPv4-mapped
     * IPv6 (as Go's {@code To4} sees them), 16 otherwise; null for the odd IPv6 literal with a
     * zero-padded IPv4 tail, which Java's parser refuses.
     */
    static byte[] bytes(String validLiteral) {
        if (validLiteral.indexOf(':') < 0) {
            String[] parts = validLiteral.split("\\.");
            byte[] out = new byte[IPV4_LEN];
            for (int i = 0; i < IPV4_LEN; i++) {
                out[i] = (byte) Integer.parseInt(parts[i]);
            }
            return out;
        }
        try {
            // A literal already checked, so this parses and never resolves a host name.
            return java.net.InetAddress.getByName("[" + validLiteral + "]").getAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** Parses a dotted quad from {@code start}; returns the index after it, or -1. */
    private static int ipv4End(String s, int start) {
        int pos = start;
        for (int octet = 0; octet < IPV4_LEN; octet++) {
            if (pos >= s.length()) {
                return -1;
            }
            if (octet > 0) {
                if (s.charAt(pos) != '.') {
                    return -1;
                }
                pos++;
            }
            int n = 0;
            int digits = 0;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                n = n * 10 + (s.charAt(pos) - '0');
                if (n >= BIG) {
                    return -1;
                }
                pos++;
                digits++;
            }
            if (digits == 0 || n > 0xFF) {
                return -1;
            }
        }
        return pos;
    }

    private static boolean isIPv6(String s) {
        int pos = 0;
        boolean ellipsis = false;
        if (s.startsWith("::")) {
            ellipsis = true;
            pos = 2;
            if (pos == s.length()) {
                return true;
            }
        }
        int bytes = 0;
        while (bytes < IPV6_LEN) {
            int start = pos;
            int n = 0;
            while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0 && s.charAt(pos) < 0x80) {
                n = n * 16 + Character.digit(s.charAt(pos), 16);
                if (n >= BIG) {
                    return false;
                }
                pos++;
            }
            if (pos == start || n > 0xFFFF) {
                return false;
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                // An IPv4 tail fills the last four bytes, or any place after an ellipsis.
                if ((!ellipsis && bytes != IPV6_LEN - IPV4_LEN) || bytes + IPV4_LEN > IPV6_LEN) {
                    return false;
                }
                if (ipv4End(s, start) != s.length()) {
                    return false;
                }
                pos = s.length();
                bytes += IPV4_LEN;
                break;
            }
            bytes += 2;
            if (pos == s.length()) {
                break;
            }
            if (s.charAt(pos) != ':' || pos + 1 == s.length()) {
                return false;
            }
            pos++;
            if (s.charAt(pos) == ':') {
                if (ellipsis) {
                    return false;
                }
                ellipsis = true;
                pos++;
                if (pos == s.length()) {
                    break;
                }
            }
        }
        if (pos != s.length()) {
            return false;
        }
        // Short of 16 bytes needs an ellipsis to fill; a full address must not have one.
        return bytes < IPV6_LEN ? ellipsis : !ellipsis;
    }
}
