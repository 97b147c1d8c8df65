package io.skiff.cli.describe;

import static io.skiff.cli.describe.DescribeWriter.LEVEL_0;

import io.skiff.api.meta.KubeObject;

/** The lines every describe starts with. */
final class Common {
    /** Not shown: the whole object again, as kubectl also hides it. */
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private Common() {}

    /** {@code Name:} and, for namespaced objects, {@code Namespace:}. */
    static void header(DescribeWriter w, KubeObject obj, boolean namespaced) {
        w.field(LEVEL_0, "Name", obj.name());
        if (namespaced) {
            w.field(LEVEL_0, "Namespace", obj.namespace());
        }
    }

    static void labelsAndAnnotations(DescribeWriter w, KubeObject obj) {
        w.map(LEVEL_0, "Labels", obj.metadataOrEmpty().labels(), null);
        w.map(LEVEL_0, "Annotations", obj.metadataOrEmpty().annotations(), LAST_APPLIED);
    }
}
