package io.skiff.api.validation;

/**
 * Addresses a service or endpoint may not use (Kubernetes' {@code ValidateNonSpecialIP}):
 * unspecified, loopback and link-local addresses mean something else on every node.
 */
final class IpRules {

    private IpRules() {
    }

    /** The address at {@code path} is an IP that is neither unspecified, loopback nor link-local. */
    static void nonSpecialIP(String ip, FieldPath path, ErrorList errs) {
        byte[] b = IpLiteral.isValid(ip) ? IpLiteral.bytes(ip) : null;
        if (b == null) {
            errs.add(FieldError.invalid(path, ip, "must be a valid IP address"));
            return;
        }
        boolean v4 = b.length == 4;
        if (isZero(b)) {
            errs.add(FieldError.invalid(path, ip, "may not be unspecified (" + ip + ")"));
        }
        if (v4 ? u(b[0]) == 127 : isV6Loopback(b)) {
            errs.add(FieldError.invalid(path, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
        }
        if (v4 ? u(b[0]) == 169 && u(b[1]) == 254 : u(b[0]) == 0xfe && (u(b[1]) & 0xc0) == 0x80) {
            errs.add(FieldError.invalid(path, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
        }
        if (v4 ? u(b[0]) == 224 && u(b[1]) == 0 && u(b[2]) == 0 : u(b[0]) == 0xff && (u(b[1]) & 0x0f) == 0x02) {
            errs.add(FieldError.invalid(path, ip,
                    "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isV6Loopback(byte[] b) {
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[15] == 1;
    }

    private static int u(byte b) {
        return b & 0xff;
    }
}
