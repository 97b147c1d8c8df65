package io.skiff.client;

import static io.skiff.client.Objects.freshNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Container;
import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.testing.TestApiServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Create, get, list, update, watch and delete of every served kind through its own path. */
@Timeout(120)
class EveryKindTest {
    @RegisterExtension
    static final TestApiServer api = TestApiServer.sqlite();

    private static SkiffClient client;

    @BeforeAll
    static void connect() {
        client = new SkiffClient(ClientConfig.forServer(api.url().toString()));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    /** kind, the client for a namespace, a valid object named {@code name}. */
    static Stream<Arguments> kinds() {
        Map<String, String> sel = Map.of("app", "x");
        return Stream.of(
                kind("ReplicationController", (c, ns) -> c.replicationControllers(ns),
                        (name, ns) -> new ReplicationController(ObjectMeta.named(name), new ReplicationControllerSpec(0, null,
                                sel, new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(sel),
                                        PodSpec.of(List.of(Container.of("c", "busybox:latest"))))), null)),
                kind("Service", SkiffClient::services, (name, ns) -> new Service(ObjectMeta.named(name),
                        ServiceSpec.of(List.of(ServicePort.of(80, IntOrString.of(8080))), sel), null)),
                kind("Endpoints", SkiffClient::endpoints, (name, ns) -> new Endpoints(ObjectMeta.named(name),
                        List.of(new EndpointSubset(List.of(new EndpointSubset.EndpointAddress("10.0.0.1", null, null,
                                null)), null, List.of(new EndpointSubset.EndpointPort("http", 8080, "TCP")))))),
                kind("Event", SkiffClient::events, (name, ns) -> new Event(ObjectMeta.named(name),
                        ObjectReference.to("Pod", ns, "p"), "Started", "started", new Event.Source("test", null),
                        Instant.parse("2014-06-06T00:00:00Z"), Instant.parse("2014-06-06T00:00:00Z"), 1, "Normal",
                        null, null, null, null)),
                kind("Lease", SkiffClient::leases, (name, ns) -> new Lease(ObjectMeta.named(name),
                        new Lease.Spec("holder", 15, null, Instant.parse("2014-06-06T00:00:00.123456Z"), 0))),
                kind("Node", (c, ns) -> c.nodes(), (name, ns) -> new Node(ObjectMeta.named(name), null, null)),
                kind("Namespace", (c, ns) -> c.namespaces(), (name, ns) -> new Namespace(ObjectMeta.named(name), null, null)));
    }

    private static Arguments kind(String kind, BiFunction<SkiffClient, String, ResourceClient<?>> clientOf,
            BiFunction<String, String, KubeObject> make) {
        return Arguments.of(kind, clientOf, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void roundTrip(String kind, BiFunction<SkiffClient, String, ResourceClient<?>> clientOf,
            BiFunction<String, String, KubeObject> make) {
        String ns = freshNamespace(client);
        roundTrip(clientOf.apply(client, ns), ns, make, kind);
    }

    @SuppressWarnings("unchecked")
    private static <T extends KubeObject> void roundTrip(ResourceClient<T> rc, String ns,
            BiFunction<String, String, KubeObject> make,
            String kind) {
        String name = "x-" + UUID.randomUUID().toString().substring(0, 8);
        String rv0 = rc.list().metadata().resourceVersion();
        T created = rc.create((T) make.apply(name, ns));
        assertThat(created.kind()).isEqualTo(kind);
        assertThat(created.metadata().uid()).isNotBlank();
        assertThat(rc.get(name)).isEqualTo(created);
        assertThat(rc.list().items()).contains(created);

        Map<String, String> labels = new HashMap<>(Map.of("touched", "yes"));
        T updated = rc.updateWithRetry(name, o -> (T) o.withMetadata(o.metadata().withLabels(labels)));
        assertThat(updated.metadata().labels()).containsEntry("touched", "yes");
        assertThat(rc.list(ListOptions.labelSelector("touched=yes")).items()).extracting(KubeObject::name)
                .contains(name);

        try (Watch<T> w = rc.watch(ListOptions.NONE.withResourceVersion(rv0)
                .withFieldSelector("metadata.name=" + name).withTimeoutSeconds(5L))) {
            assertThat(w.next().type()).isEqualTo(Watch.EventType.ADDED);
            assertThat(w.next().object()).isEqualTo(updated);
        }
        rc.delete(name);
        if (kind.equals("Namespace")) { // a namespace terminates first (its contents go), then goes
            rc.find(name).ifPresent(n -> assertThat(n.metadata().deletionTimestamp()).isNotNull());
        } else {
            assertThat(rc.find(name)).isEmpty();
        }
    }
}
