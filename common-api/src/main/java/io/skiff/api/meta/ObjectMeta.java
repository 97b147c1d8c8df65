package io.skiff.api.meta;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** metadata of every stored object, as Kubernetes' {@code metav1.ObjectMeta}. */
public record ObjectMeta(
        String name,
        String generateName,
        String namespace,
        String uid,
        String resourceVersion,
        Long generation,
        Instant creationTimestamp,
        Instant deletionTimestamp,
        Long deletionGracePeriodSeconds,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<OwnerReference> ownerReferences,
        List<String> finalizers) {

    public static final ObjectMeta EMPTY =
            new ObjectMeta(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public static ObjectMeta named(String name) {
        return EMPTY.withName(name);
    }

    public static ObjectMeta of(String namespace, String name) {
        return EMPTY.withNamespace(namespace).withName(name);
    }

    public ObjectMeta withName(String v) {
        return new ObjectMeta(v, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withGenerateName(String v) {
        return new ObjectMeta(name, v, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withNamespace(String v) {
        return new ObjectMeta(name, generateName, v, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withUid(String v) {
        return new ObjectMeta(name, generateName, namespace, v, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withResourceVersion(String v) {
        return new ObjectMeta(name, generateName, namespace, uid, v, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withGeneration(Long v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, v, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withCreationTimestamp(Instant v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, v,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withDeletionTimestamp(Instant v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                v, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withDeletionGracePeriodSeconds(Long v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, v, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withLabels(Map<String, String> v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, v, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withAnnotations(Map<String, String> v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, v, ownerReferences, finalizers);
    }

    public ObjectMeta withOwnerReferences(List<OwnerReference> v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, v, finalizers);
    }

    public ObjectMeta withFinalizers(List<String> v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, v);
    }
}
