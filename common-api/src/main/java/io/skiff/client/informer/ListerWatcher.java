package io.skiff.client.informer;

import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.client.ListOptions;
import io.skiff.client.ResourceClient;
import io.skiff.client.Watch;

/**
 * Where an informer lists and watches: the seam between it and the REST client. The selectors
 * are fixed by the implementation; the informer passes only resourceVersion, timeout and
 * bookmarks.
 */
public interface ListerWatcher<T extends KubeObject> {
    /** Every object (all pages), with the list's resourceVersion. */
    KubeList<T> list();

    /** A watch from {@code options.resourceVersion()}. */
    Watch<T> watch(ListOptions options);

    /** Lists and watches {@code client}'s namespace (all, if null) with {@code selectors}' label and field selectors. */
    static <T extends KubeObject> ListerWatcher<T> of(ResourceClient<T> client, ListOptions selectors) {
        ListOptions base = ListOptions.NONE.withLabelSelector(selectors.labelSelector())
                .withFieldSelector(selectors.fieldSelector());
        return new ListerWatcher<>() {
            @Override
            public KubeList<T> list() {
                return client.listAll(base.withLimit(selectors.limit()));
            }

            @Override
            public Watch<T> watch(ListOptions options) {
                return client.watch(base.withResourceVersion(options.resourceVersion())
                        .withTimeoutSeconds(options.timeoutSeconds())
                        .withAllowWatchBookmarks(options.allowWatchBookmarks()));
            }
        };
    }
}
