package io.skiff.apiserver.v1beta1;

import io.javalin.http.Context;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.PodStatus;
import io.skiff.api.selector.FieldRequirement;
import io.skiff.api.selector.FieldSelector;
import io.skiff.api.selector.InvalidSelectorException;
import io.skiff.api.selector.LabelSelector;
import io.skiff.api.validation.Validation;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.registry.ListOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query parameters and path names of the 2014 API, parsed and checked (bad ones are 400):
 * {@code ?namespace=} (default {@code default}), {@code ?labels=}, {@code ?fields=} with the field
 * names v1beta1 clients used, {@code ?resourceVersion=}, {@code ?sync=} and {@code ?timeout=}
 * (a Go duration, {@code 30s}).
 */
final class LegacyParams {
    /**
     * v1beta1 field selector names and the hub fields they select. v0.5 spelled the pod's node
     * {@code DesiredState.Host} and its phase {@code CurrentState.Status}; hub names pass as is.
     */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "metadata.name"),
            Map.entry("id", "metadata.name"),
            Map.entry("DesiredState.Host", "spec.nodeName"),
            Map.entry("desiredState.host", "spec.nodeName"),
            Map.entry("CurrentState.Host", "spec.nodeName"),
            Map.entry("currentState.host", "spec.nodeName"),
            Map.entry("Status.Host", "spec.nodeName"),
            Map.entry("CurrentState.Status", "status.phase"),
            Map.entry("currentState.status", "status.phase"),
            Map.entry("Status.Phase", "status.phase"),
            Map.entry("replicas", "status.replicas"));
    /** v1beta1 pod status words that name one hub phase (Terminated is two: not selectable). */
    private static final Map<String, String> PHASES = Map.of("Waiting", PodStatus.PHASE_PENDING,
            "Running", PodStatus.PHASE_RUNNING, "Unknown", PodStatus.PHASE_UNKNOWN);
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final List<String> UNIT_NAMES = List.of("ns", "us", "µs", "ms", "s", "m", "h");
    private static final long[] UNIT_NANOS = {1L, 1_000L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L,
            3_600_000_000_000L};

    private LegacyParams() {}

    /**
     * The namespace a request addresses: {@code ?namespace=}, else the body's, else
     * {@code default}; a body naming another namespace than the query is 400. "" for minions.
     */
    static String namespace(Context ctx, LegacyResource<?> r, String fromBody) {
        if (!r.namespaced()) {
            return "";
        }
        String query = ctx.queryParam("namespace");
        boolean inBody = fromBody != null && !fromBody.isEmpty();
        String ns;
        if (query == null || query.isEmpty()) {
            ns = inBody ? fromBody : Namespace.DEFAULT;
        } else {
            if (inBody && !fromBody.equals(query)) {
                throw ApiErrors.badRequest("the namespace of the object (" + fromBody
                        + ") does not match the namespace of the request (" + query + ")");
            }
            ns = query;
        }
        List<String> problems = Validation.isDNS1123Label(ns);
        if (!problems.isEmpty()) {
            throw ApiErrors.badRequest("invalid namespace \"" + ns + "\": " + String.join("; ", problems));
        }
        return ns;
    }

    /** The {@code {id}} of the path: a name that can be one path segment of a storage key. */
    static String name(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isEmpty() || id.equals(".") || id.equals("..") || id.contains("/") || id.contains("%")) {
            throw ApiErrors.badRequest("invalid name \"" + id + "\": may not be '.' or '..' and may not contain '/' or '%'");
        }
        return id;
    }

    /** {@code ?labels=} and {@code ?fields=} (and the name of a single-object watch), for the resource's kind. */
    static ListOptions selection(Context ctx, LegacyResource<?> r, String name) {
        LabelSelector labels;
        FieldSelector fields;
        try {
            labels = LabelSelector.parse(orEmpty(ctx.queryParam("labels")));
        } catch (InvalidSelectorException e) {
            throw ApiErrors.badRequest(e.getMessage());
        }
        try {
            fields = FieldSelector.parse(orEmpty(ctx.queryParam("fields"))).transform(LegacyParams::hubField);
            if (!name.isEmpty()) {
                fields = FieldSelector.parse(fields.isEmpty() ? "metadata.name=" + FieldSelector.escapeValue(name)
                        : fields + ",metadata.name=" + FieldSelector.escapeValue(name));
            }
            fields = fields.restrictTo(r.registry().strategy().selectableFieldNames());
        } catch (InvalidSelectorException e) {
            throw ApiErrors.badRequest(e.getMessage());
        }
        return new ListOptions(labels, fields, "", 0, null);
    }

    private static FieldRequirement hubField(FieldRequirement term) {
        String field = FIELDS.getOrDefault(term.field(), term.field());
        String value = field.equals("status.phase") ? PHASES.getOrDefault(term.value(), term.value()) : term.value();
        return new FieldRequirement(field, term.operator(), value);
    }

    /** {@code ?resourceVersion=}: a revision, 0 when absent. */
    static long resourceVersion(Context ctx) {
        String rv = ctx.queryParam("resourceVersion");
        if (rv == null || rv.isEmpty()) {
            return 0;
        }
        try {
            long n = Long.parseLong(rv);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiErrors.badRequest("invalid resourceVersion \"" + rv + "\": a non-negative integer");
    }

    static boolean sync(Context ctx) {
        String v = ctx.queryParam("sync");
        if (v == null || v.isEmpty()) {
            return false;
        }
        return switch (v) {
            case "true", "1", "True", "TRUE" -> true;
            case "false", "0", "False", "FALSE" -> false;
            default -> throw ApiErrors.badRequest("invalid value for sync: \"" + v + "\" (true or false)");
        };
    }

    /** {@code ?timeout=} of a sync request, at most {@code max}. */
    static Duration timeout(Context ctx, Duration absent, Duration max) {
        String v = ctx.queryParam("timeout");
        if (v == null || v.isEmpty()) {
            return absent;
        }
        Duration d = goDuration(v);
        return d.compareTo(max) > 0 ? max : d;
    }

    /** {@code ?timeoutSeconds=} of a watch, or {@code absent}. */
    static Duration timeoutSeconds(Context ctx, Duration absent) {
        String v = ctx.queryParam("timeoutSeconds");
        if (v == null || v.isEmpty()) {
            return absent;
        }
        try {
            long n = Long.parseLong(v);
            if (n > 0 && n <= Integer.MAX_VALUE) {
                return Duration.ofSeconds(n);
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiErrors.badRequest("invalid value for timeoutSeconds: \"" + v + "\" (a positive integer)");
    }

    /** A non-negative Go duration ({@code time.ParseDuration}): {@code 30s}, {@code 1m30s}, {@code 1.5h}, {@code 0}. */
    static Duration goDuration(String s) {
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(s);
        long nanos = 0;
        int at = 0;
        try {
            while (at < s.length() && m.find(at) && m.start() == at) {
                long unit = UNIT_NANOS[UNIT_NAMES.indexOf(m.group(2))];
                nanos = Math.addExact(nanos, new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit))
                        .toBigInteger().longValueExact());
                at = m.end();
            }
        } catch (ArithmeticException e) {
            throw ApiErrors.badRequest("invalid timeout \"" + s + "\": too long");
        }
        if (at == 0 || at != s.length()) {
            throw ApiErrors.badRequest("invalid timeout \"" + s + "\": a duration such as 30s, 2m or 1m30s");
        }
        return Duration.ofNanos(nanos);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
