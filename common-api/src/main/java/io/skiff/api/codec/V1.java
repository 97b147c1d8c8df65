package io.skiff.api.codec;

import io.skiff.api.autoscaling.Scale;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Binding;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes v1 family Skiff serves: core {@code v1}, {@code coordination.k8s.io/v1}
 * ({@code Lease}) and {@code autoscaling/v1} ({@code Scale}); their wire form is the hub's own.
 * Also the table of served resources: the one place that maps kind, resource names and scope.
 */
public final class V1 {
    public static final String CORE = "v1";
    public static final String COORDINATION = Lease.API_VERSION;
    public static final String AUTOSCALING = Scale.API_VERSION;
    /** DeleteOptions may also come as meta.k8s.io/v1. */
    public static final String META = "meta.k8s.io/v1";

    private static final List<String> READ_WRITE = List.of("get", "patch", "update");
    private static final List<String> NO_COLLECTION_DELETE =
            List.of("create", "delete", "get", "list", "patch", "update", "watch");

    private V1() {}

    public static List<VersionConverter> converters() {
        Map<String, Class<? extends ApiObject>> core = new LinkedHashMap<>();
        core.put(Pod.KIND, Pod.class);
        core.put(ReplicationController.KIND, ReplicationController.class);
        core.put(Service.KIND, Service.class);
        core.put(Endpoints.KIND, Endpoints.class);
        core.put(Node.KIND, Node.class);
        core.put(Event.KIND, Event.class);
        core.put(Namespace.KIND, Namespace.class);
        core.put(Binding.KIND, Binding.class);
        core.put(Status.KIND, Status.class);
        core.put(DeleteOptions.KIND, DeleteOptions.class);
        return List.of(
                new NativeVersion(CORE, core),
                new NativeVersion(COORDINATION, Map.of(Lease.KIND, Lease.class, DeleteOptions.KIND,
                        DeleteOptions.class)),
                new NativeVersion(AUTOSCALING, Map.of(Scale.KIND, Scale.class)),
                new NativeVersion(META, Map.of(DeleteOptions.KIND, DeleteOptions.class, Status.KIND, Status.class)));
    }

    public static List<ResourceInfo> resources() {
        ResourceInfo.Subresource podStatus = status(Pod.KIND, Pod.class);
        return List.of(
                ResourceInfo.of("", "v1", Pod.KIND, "pods", "pod", List.of("po"), ResourceInfo.ALL_VERBS,
                        Pod.class, List.of(podStatus,
                                new ResourceInfo.Subresource("binding", "", "v1", Binding.KIND, Binding.class,
                                        List.of("create")),
                                new ResourceInfo.Subresource("log", "", "v1", Pod.KIND, Pod.class, List.of("get")))),
                ResourceInfo.of("", "v1", ReplicationController.KIND, "replicationcontrollers",
                        "replicationcontroller", List.of("rc"), ResourceInfo.ALL_VERBS, ReplicationController.class,
                        List.of(status(ReplicationController.KIND, ReplicationController.class),
                                new ResourceInfo.Subresource("scale", Scale.GROUP, "v1", Scale.KIND, Scale.class,
                                        READ_WRITE))),
                ResourceInfo.of("", "v1", Service.KIND, "services", "service", List.of("svc"), NO_COLLECTION_DELETE,
                        Service.class, List.of(status(Service.KIND, Service.class))),
                ResourceInfo.of("", "v1", Endpoints.KIND, "endpoints", "endpoints", List.of("ep"),
                        ResourceInfo.ALL_VERBS, Endpoints.class, List.of()),
                ResourceInfo.of("", "v1", Node.KIND, "nodes", "node", List.of("no"), ResourceInfo.ALL_VERBS,
                        Node.class, List.of(status(Node.KIND, Node.class))),
                ResourceInfo.of("", "v1", Event.KIND, "events", "event", List.of("ev"), ResourceInfo.ALL_VERBS,
                        Event.class, List.of()),
                ResourceInfo.of("", "v1", Namespace.KIND, "namespaces", "namespace", List.of("ns"),
                        NO_COLLECTION_DELETE, Namespace.class, List.of(status(Namespace.KIND, Namespace.class))),
                ResourceInfo.of("", "v1", Binding.KIND, "bindings", "binding", List.of(), List.of("create"),
                        Binding.class, List.of()),
                ResourceInfo.of(Lease.GROUP, "v1", Lease.KIND, "leases", "lease", List.of(), ResourceInfo.ALL_VERBS,
                        Lease.class, List.of()));
    }

    private static ResourceInfo.Subresource status(String kind, Class<? extends ApiObject> type) {
        return new ResourceInfo.Subresource("status", "", "v1", kind, type, READ_WRITE);
    }
}
