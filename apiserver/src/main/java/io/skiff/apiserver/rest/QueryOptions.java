package io.skiff.apiserver.rest;

import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.selector.FieldSelector;
import io.skiff.api.selector.InvalidSelectorException;
import io.skiff.api.selector.LabelSelector;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.registry.ListOptions;
import java.util.List;
import java.util.Set;

/** Query parameters of LIST, WATCH, DELETE and dry runs, parsed and checked (bad ones are 400, a bad dryRun 422). */
final class QueryOptions {
    static final String DRY_RUN_ALL = "All";

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

    /**
     * Whether a write is a dry run: {@code dryRun=All}. Any other value is refused as Kubernetes'
     * {@code ValidateDryRun} refuses it: 422 on the verb's options kind ({@code CreateOptions}, ...).
     */
    static boolean dryRun(RequestContext rc) {
        return dryRun(rc.queryParameters().get("dryRun"), optionsKind(rc.info().verb()));
    }

    private static boolean dryRun(List<String> values, String optionsKind) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        if (!values.stream().allMatch(DRY_RUN_ALL::equals)) {
            throw ApiErrors.invalid("meta.k8s.io", optionsKind, "",
                    List.of(FieldError.notSupported(FieldPath.root("dryRun"), values, List.of(DRY_RUN_ALL))));
        }
        return true;
    }

    private static String optionsKind(String verb) {
        return switch (verb) {
            case "create" -> "CreateOptions";
            case "patch" -> "PatchOptions";
            case "delete", "deletecollection" -> "DeleteOptions";
            default -> "UpdateOptions";
        };
    }

    /** DeleteOptions from the body, completed by the query parameters Kubernetes also accepts. */
    static DeleteOptions delete(RequestContext rc, DeleteOptions body) {
        DeleteOptions b = body == null ? new DeleteOptions(null, null, null, null, null) : body;
        List<String> dryRunValues = b.dryRun() != null && !b.dryRun().isEmpty() ? b.dryRun()
                : rc.queryParameters().get("dryRun");
        List<String> dryRun = dryRun(dryRunValues, "DeleteOptions") ? List.of(DRY_RUN_ALL) : null;
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
        return new DeleteOptions(grace, b.preconditions(), orphan, policy, dryRun);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
