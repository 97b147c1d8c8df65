package io.skiff.apiserver.rest;

import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.selector.FieldSelector;
import io.skiff.api.selector.InvalidSelectorException;
import io.skiff.api.selector.LabelSelector;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.registry.ListOptions;
import java.util.Set;

/** Query parameters of LIST, WATCH and DELETE, parsed and checked (bad ones are 400). */
final class QueryOptions {
    private QueryOptions() {}

    /**
     * @param selectable the field selector names the kind supports
     * @param name       a single object named in the path (legacy {@code /watch/.../name}), or ""
     */
    static ListOptions list(RequestContext rc, Set<String> selectable, String name) {
        LabelSelector labels;
        FieldSelector fields;
        try {
            labels = LabelSelector.parse(nullToEmpty(rc.query("labelSelector")));
        } catch (InvalidSelectorException e) {
            throw ApiErrors.badRequest(e.getMessage());
        }
        try {
            fields = FieldSelector.parse(nullToEmpty(rc.query("fieldSelector")));
            if (!name.isEmpty()) {
                fields = FieldSelector.parse(fields.isEmpty() ? "metadata.name=" + FieldSelector.escapeValue(name)
                        : fields + ",metadata.name=" + FieldSelector.escapeValue(name));
            }
            fields = fields.restrictTo(selectable);
        } catch (InvalidSelectorException e) {
            throw ApiErrors.badRequest(e.getMessage());
        }
        String resourceVersion = nullToEmpty(rc.query("resourceVersion"));
        if (!resourceVersion.isEmpty() && !resourceVersion.equals("0") && parseRevision(resourceVersion) < 0) {
            throw ApiErrors.badRequest("invalid resource version \"" + resourceVersion + "\"");
        }
        int limit = (int) nonNegative(rc, "limit", 0, Integer.MAX_VALUE);
        String continueToken = rc.query("continue");
        if (continueToken != null && continueToken.isEmpty()) {
            continueToken = null;
        }
        if (continueToken != null && !resourceVersion.isEmpty()) {
            throw ApiErrors.badRequest("specifying resource version is not allowed when using continue");
        }
        return new ListOptions(labels, fields, resourceVersion, limit, continueToken);
    }

    static boolean watchParam(RequestContext rc) {
        return bool(rc, "watch");
    }

    static boolean bool(RequestContext rc, String name) {
        String v = rc.query(name);
        if (v == null || v.isEmpty()) {
            return false;
        }
        return switch (v) {
            case "true", "1", "True", "TRUE" -> true;
            case "false", "0", "False", "FALSE" -> false;
            default -> throw ApiErrors.badRequest("invalid value for " + name + ": \"" + v + "\" (true or false)");
        };
    }

    /** A non-negative integer parameter, {@code absent} when missing. */
    static long nonNegative(RequestContext rc, String name, long absent, long max) {
        String v = rc.query(name);
        if (v == null || v.isEmpty()) {
            return absent;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0 || n > max) {
                throw ApiErrors.badRequest("invalid value for " + name + ": " + v + " (0 to " + max + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiErrors.badRequest("invalid value for " + name + ": \"" + v + "\" (an integer)");
        }
    }

    /** A revision ({@code resourceVersion}) as a number, or -1 when it is not one. */
    static long parseRevision(String rv) {
        try {
            long n = Long.parseLong(rv);
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** DeleteOptions from the body, completed by the query parameters Kubernetes also accepts. */
    static DeleteOptions delete(RequestContext rc, DeleteOptions body) {
        DeleteOptions b = body == null ? new DeleteOptions(null, null, null, null, null) : body;
        if (b.dryRun() != null && !b.dryRun().isEmpty()) {
            throw ApiErrors.badRequest("dryRun is not supported by this server");
        }
        Long grace = b.gracePeriodSeconds();
        if (grace == null && rc.query("gracePeriodSeconds") != null) {
            try {
                grace = Long.parseLong(rc.query("gracePeriodSeconds"));
            } catch (NumberFormatException e) {
                throw ApiErrors.badRequest("invalid value for gracePeriodSeconds: \"" + rc.query("gracePeriodSeconds") + "\"");
            }
        }
        String policy = b.propagationPolicy() != null ? b.propagationPolicy() : rc.query("propagationPolicy");
        Boolean orphan = b.orphanDependents() != null ? b.orphanDependents()
                : rc.query("orphanDependents") != null ? bool(rc, "orphanDependents") : null;
        return new DeleteOptions(grace, b.preconditions(), orphan, policy, b.dryRun());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
