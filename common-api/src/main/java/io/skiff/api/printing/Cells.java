package io.skiff.api.printing;

import io.skiff.api.meta.ObjectMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Column definitions and cell formats every kind shares (NAME, AGE, label maps, {@code <none>}). */
final class Cells {
    static final String NONE = "<none>";
    static final String UNKNOWN = "<unknown>";

    static final Table.Column NAME = Table.Column.of("Name", "string",
            "Name must be unique within a namespace. Is required when creating resources, although some resources"
                    + " may allow a client to request the generation of an appropriate name automatically. Name is"
                    + " primarily intended for creation idempotence and configuration definition. Cannot be updated."
                    + " More info: http://kubernetes.io/docs/user-guide/identifiers#names")
            .format("name");
    static final Table.Column AGE = Table.Column.of("Age", "string",
            "CreationTimestamp is a timestamp representing the server time when this object was created. It is not"
                    + " guaranteed to be set in happens-before order across separate operations. Clients may not set"
                    + " this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system."
                    + " Read-only. Null for lists. More info:"
                    + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata");
    static final Table.Column CONTAINERS =
            Table.Column.of("Containers", "string", "Names of each container in the template.").wide();
    static final Table.Column IMAGES =
            Table.Column.of("Images", "string", "Images referenced by each container in the template.").wide();

    private Cells() {}

    static String name(ObjectMeta meta) {
        return meta == null || meta.name() == null ? "" : meta.name();
    }

    /** AGE: time since creation as kubectl shows it; {@code <unknown>} without a timestamp. */
    static String age(ObjectMeta meta, Instant now) {
        return since(meta == null ? null : meta.creationTimestamp(), now);
    }

    static String since(Instant t, Instant now) {
        return t == null ? UNKNOWN : HumanDuration.format(Duration.between(t, now));
    }

    /** {@code labels.FormatLabels}: {@code k=v,k2=v2} sorted by key, {@code <none>} when empty. */
    static String labels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return NONE;
        }
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    static String orNone(String s) {
        return s == null || s.isEmpty() ? NONE : s;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static long count(Integer n) {
        return n == null ? 0 : n;
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
