package io.skiff.cli.testing;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.KubeObject;
import io.skiff.client.ResourceClient;
import io.skiff.client.SkiffClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small valid objects, and a fresh namespace per test so tests sharing a server never meet. */
public final class Fixtures {
    private Fixtures() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String freshNamespace(SkiffClient client) {
        String ns = unique("t");
        client.namespaces().create(new Namespace(ObjectMeta.named(ns), null, null));
        return ns;
    }

    public static PodSpec podSpec(String image) {
        return PodSpec.of(List.of(new Container("main", image, null, null, null,
                List.of(new ContainerPort(null, null, 8080, "TCP", null)), null, null, null, null, null, null, null,
                null)));
    }

    public static Pod pod(String ns, String name, Map<String, String> labels) {
        return new Pod(ObjectMeta.of(ns, name).withLabels(labels), podSpec("busybox:latest"), null);
    }

    public static ReplicationController rc(String ns, String name, int replicas, Map<String, String> selector) {
        return new ReplicationController(ObjectMeta.of(ns, name).withLabels(selector),
                new ReplicationControllerSpec(replicas, null, selector,
                        new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(selector), podSpec("busybox:latest"))), null);
    }

    /** Creates every object of a YAML manifest through the typed client (not through the CLI under test). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void create(SkiffClient client, String yaml) {
        try {
            for (var obj : client.scheme().decodeManifest(yaml)) {
                KubeObject k = (KubeObject) obj;
                ResourceInfo info = client.scheme().resourceForKind(k.kind()).orElseThrow();
                ((ResourceClient) client.resource(info.type(), info.namespaced() ? k.namespace() : null)).create(k);
            }
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
