package io.skiff.client.informer;

import io.skiff.api.core.Pod;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.OwnerReference;
import java.util.List;

/** The indexes every component asks for; an informer may add its own ({@link SharedInformer#addIndex}). */
public final class Indexers {
    /** {@code metadata.namespace}. */
    public static final String NAMESPACE = "namespace";
    /** {@code spec.nodeName} of a bound pod: the pods on a node. */
    public static final String NODE_NAME = "spec.nodeName";
    /** The uid of every owner in {@code metadata.ownerReferences}: an owner's dependents. */
    public static final String OWNER_UID = "ownerUid";

    private Indexers() {}

    public static <T extends KubeObject> Indexer.IndexFunction<T> byNamespace() {
        return obj -> obj.namespace() == null || obj.namespace().isEmpty() ? List.of() : List.of(obj.namespace());
    }

    public static <T extends KubeObject> Indexer.IndexFunction<T> byOwnerUid() {
        return obj -> {
            if (obj.metadata() == null || obj.metadata().ownerReferences() == null) {
                return List.of();
            }
            return obj.metadata().ownerReferences().stream()
                    .map(OwnerReference::uid)
                    .filter(uid -> uid != null && !uid.isEmpty())
                    .toList();
        };
    }

    public static Indexer.IndexFunction<Pod> byNodeName() {
        return pod -> pod.spec() == null || pod.spec().nodeName() == null || pod.spec().nodeName().isEmpty()
                ? List.of()
                : List.of(pod.spec().nodeName());
    }
}
