package io.skiff.controller.testing;

import io.skiff.api.core.Container;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.client.ClientConfig;
import io.skiff.client.ListOptions;
import io.skiff.client.SkiffClient;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.ControllerManagerConfig;
import io.skiff.controller.Pods;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the integration tests share: a client of the test apiserver, namespaces, managers, RCs. */
public final class Cluster {
    private Cluster() {}

    public static SkiffClient client(TestApiServer api) {
        return new SkiffClient(ClientConfig.forServer(api.url().toString()));
    }

    /** A namespace of the test's own. */
    public static String namespace(SkiffClient client, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().create(new Namespace(ObjectMeta.named(name), null, null));
        return name;
    }

    /** The manager's config for tests: no leader election, no health port, quick retries. */
    public static ControllerManagerConfig config(TestApiServer api) {
        return ControllerManagerConfig.defaults(ClientConfig.forServer(api.url().toString()))
                .withLeaderElection(null)
                .withPort("127.0.0.1", -1)
                .withUnschedulableRetry(Duration.ofSeconds(2));
    }

    public static ControllerManager manager(TestApiServer api, Set<String> controllers) {
        return new ControllerManager(config(api).withControllers(controllers)).start();
    }

    /** An RC with {@code replicas} pods labelled {@code app=<name>}, pods ending within 1 s of deletion. */
    public static ReplicationController rc(String namespace, String name, int replicas) {
        Map<String, String> labels = Map.of("app", name);
        PodSpec spec = PodSpec.of(List.of(Container.of("c", TestObjects.IMAGE))).withTerminationGracePeriodSeconds(1L);
        return new ReplicationController(ObjectMeta.of(namespace, name),
                new ReplicationControllerSpec(replicas, null, labels,
                        new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(labels), spec)), null);
    }

    /** Active pods (not terminating, not finished) labelled {@code app=<name>}. */
    public static List<Pod> activePods(SkiffClient client, String namespace, String app) {
        return client.pods(namespace).list(ListOptions.labelSelector("app=" + app)).items().stream()
                .filter(Pods::isActive).toList();
    }

    public static List<Pod> allPods(SkiffClient client, String namespace, String app) {
        return client.pods(namespace).list(ListOptions.labelSelector("app=" + app)).items();
    }
}
