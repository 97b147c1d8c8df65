package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.KubeObject;
import io.skiff.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registries of every served resource, by group and plural name. */
public final class Registries {
    private final Map<String, Registry<?>> byResource = new LinkedHashMap<>();
    private final Registry<Pod> pods;
    private final Registry<ReplicationController> replicationControllers;
    private final Registry<Service> services;
    private final Registry<Endpoints> endpoints;
    private final Registry<Node> nodes;
    private final Registry<Event> events;
    private final Registry<Namespace> namespaces;
    private final Registry<Lease> leases;
    private final NamespaceStrategy namespaceStrategy;
    private final ServiceStrategy serviceStrategy;

    /**
     * @param serviceClusterIpRange the CIDR service cluster IPs come from
     * @param serviceNodePortRange  the ports node ports come from, {@code 30000-32767}
     * @param eventTtl              how long events live
     */
    public Registries(Scheme scheme, Storage storage, RegistryKeys keys, String serviceClusterIpRange,
            String serviceNodePortRange, Duration eventTtl, Clock clock) {
        namespaceStrategy = new NamespaceStrategy(info(scheme, Namespace.KIND));
        namespaces = add(scheme, namespaceStrategy, storage, keys, CreateAdmission.NONE, clock);
        CreateAdmission admission = new NamespaceAdmission(namespaces, namespaceStrategy);
        pods = add(scheme, new PodStrategy(info(scheme, Pod.KIND)), storage, keys, admission, clock);
        replicationControllers = add(scheme, new ReplicationControllerStrategy(info(scheme, ReplicationController.KIND)),
                storage, keys, admission, clock);
        serviceStrategy = new ServiceStrategy(info(scheme, Service.KIND),
                new ServiceIpAllocator(storage, keys, serviceClusterIpRange),
                new NodePortAllocator(storage, keys, serviceNodePortRange));
        services = add(scheme, serviceStrategy, storage, keys, admission, clock);
        endpoints = add(scheme, new EndpointsStrategy(info(scheme, Endpoints.KIND)), storage, keys, admission, clock);
        nodes = add(scheme, new NodeStrategy(info(scheme, Node.KIND)), storage, keys, admission, clock);
        events = add(scheme, new EventStrategy(info(scheme, Event.KIND), eventTtl), storage, keys, admission, clock);
        leases = add(scheme, new LeaseStrategy(info(scheme, Lease.KIND)), storage, keys, admission, clock);
    }

    private static ResourceInfo info(Scheme scheme, String kind) {
        return scheme.resourceForKind(kind).orElseThrow(() -> new IllegalStateException("no resource for kind " + kind));
    }

    private <T extends KubeObject> Registry<T> add(Scheme scheme, Strategy<T> strategy, Storage storage, RegistryKeys keys,
            CreateAdmission admission, Clock clock) {
        Registry<T> registry = new Registry<>(strategy, storage, keys, new ObjectCodec<>(scheme, strategy.type()),
                admission, clock);
        ResourceInfo r = strategy.resource();
        byResource.put(r.group() + "/" + r.plural(), registry);
        return registry;
    }

    /** The registry serving {@code plural} in {@code group} ("" for core). */
    public Optional<Registry<?>> find(String group, String plural) {
        return Optional.ofNullable(byResource.get(group + "/" + plural));
    }

    public List<Registry<?>> all() {
        return List.copyOf(byResource.values());
    }

    /** The registries of namespaced resources, the ones a namespace's deletion empties. */
    public List<Registry<?>> namespaced() {
        List<Registry<?>> out = new ArrayList<>();
        for (Registry<?> r : byResource.values()) {
            if (r.resource().namespaced()) {
                out.add(r);
            }
        }
        return out;
    }

    public Registry<Pod> pods() {
        return pods;
    }

    public Registry<ReplicationController> replicationControllers() {
        return replicationControllers;
    }

    public Registry<Service> services() {
        return services;
    }

    public Registry<Endpoints> endpoints() {
        return endpoints;
    }

    public Registry<Node> nodes() {
        return nodes;
    }

    public Registry<Event> events() {
        return events;
    }

    public Registry<Namespace> namespaces() {
        return namespaces;
    }

    public Registry<Lease> leases() {
        return leases;
    }

    public NamespaceStrategy namespaceStrategy() {
        return namespaceStrategy;
    }

    /** The services' strategy, whose allocators hold the cluster IP and node port ranges. */
    public ServiceStrategy serviceStrategy() {
        return serviceStrategy;
    }
}
