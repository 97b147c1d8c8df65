package io.skiff.api.core;

/** A reference to another object (Event.involvedObject, Binding.target, endpoint targets). */
public record ObjectReference(String kind, String namespace, String name, String uid, String apiVersion,
        String resourceVersion, String fieldPath) {

    public static ObjectReference to(String kind, String namespace, String name) {
        return new ObjectReference(kind, namespace, name, null, null, null, null);
    }
}
