package io.skiff.api.v1beta1;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.ObjectMeta;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link TypeMeta} to and from the hub's {@link ObjectMeta} / {@link ListMeta}. The only change
 * of form is {@code resourceVersion}: a JSON number in v1beta1, a string on the hub. 0 meant
 * "unset" in v1beta1 (Go's omitempty), so it reads as absent.
 */
final class MetaConversion {
    /** The decimal form of a storage revision; anything else cannot become a v1beta1 number. */
    private static final Pattern REVISION = Pattern.compile("0|[1-9][0-9]{0,18}");

    private MetaConversion() {}

    static ObjectMeta toHub(TypeMeta m, Map<String, String> labels) throws DecodeException {
        return ObjectMeta.EMPTY.withName(m.id())
                .withNamespace(m.namespace())
                .withUid(m.uid())
                .withResourceVersion(resourceVersionToHub(m.resourceVersion()))
                .withCreationTimestamp(m.creationTimestamp())
                .withAnnotations(m.annotations())
                .withLabels(labels);
    }

    /** The top-level fields of a {@code kind} object with this metadata (labels go elsewhere). */
    static TypeMeta fromHub(String kind, ObjectMeta meta) {
        ObjectMeta m = meta == null ? ObjectMeta.EMPTY : meta;
        return new TypeMeta(kind, m.name(), m.uid(), m.creationTimestamp(), null,
                resourceVersionFromHub(m.resourceVersion()), V1beta1.API_VERSION, m.namespace(), m.annotations());
    }

    static ListMeta listMetaToHub(TypeMeta m) throws DecodeException {
        String rv = resourceVersionToHub(m.resourceVersion());
        return rv == null ? ListMeta.EMPTY : ListMeta.atVersion(rv);
    }

    static TypeMeta listMetaFromHub(String kind, ListMeta meta) {
        return TypeMeta.of(kind, meta == null ? null : resourceVersionFromHub(meta.resourceVersion()));
    }

    static String resourceVersionToHub(Long rv) throws DecodeException {
        if (rv == null || rv == 0) {
            return null;
        }
        if (rv < 0) {
            throw new DecodeException("resourceVersion: must be a non-negative integer, got " + rv);
        }
        return Long.toString(rv);
    }

    /**
     * The hub's resourceVersion as a v1beta1 number. The apiserver's revisions are numbers; any
     * other string is a caller's bug (an object that never came from storage), not user input.
     */
    static Long resourceVersionFromHub(String rv) {
        if (rv == null || rv.isEmpty()) {
            return null;
        }
        if (!REVISION.matcher(rv).matches()) {
            throw new IllegalArgumentException("resourceVersion \"" + rv
                    + "\" is not a revision number; v1beta1 can only carry a JSON number");
        }
        return Long.parseLong(rv);
    }
}
