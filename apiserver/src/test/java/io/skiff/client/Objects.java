package io.skiff.client;

import io.skiff.api.core.Container;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.meta.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small valid objects for the client's tests against a real apiserver. */
final class Objects {
    private Objects() {}

    static Pod pod(String name, Map<String, String> labels) {
        return new Pod(ObjectMeta.named(name).withLabels(labels),
                PodSpec.of(List.of(Container.of("main", "busybox:latest"))), null);
    }

    static Pod pod(String name) {
        return pod(name, Map.of("app", "test"));
    }

    /** A pod created already bound to a node (spec.nodeName may be set at create). */
    static Pod boundPod(String name, String node) {
        Pod p = pod(name);
        return p.withSpec(p.spec().withNodeName(node));
    }

    /** Creates a fresh namespace, so tests sharing a server never see each other's objects. */
    static String freshNamespace(SkiffClient client) {
        String ns = "t-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().create(new Namespace(ObjectMeta.named(ns), null, null));
        return ns;
    }
}
