package io.skiff.client;

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

/**
 * The typed REST client of the apiserver: one per process, shared by every component (it holds
 * one HTTP connection pool). Each accessor returns a cheap {@link ResourceClient} for a kind in a
 * namespace; a null namespace lists and watches all namespaces.
 *
 * <pre>{@code
 * try (SkiffClient client = new SkiffClient(ClientConfig.fromEnvironment(serverFlag))) {
 *     Pod pod = client.pods("default").get("web-1");
 *     KubeList<Pod> onNode = client.pods(null).list(ListOptions.fieldSelector("spec.nodeName=node-1"));
 *     client.pods("default").updateWithRetry("web-1", p -> p.withMetadata(p.metadata().withLabels(labels)));
 *     client.nodes().updateStatus(node);
 * }
 * }</pre>
 */
public final class SkiffClient implements AutoCloseable {
    private final RestClient rest;
    private final Scheme scheme;

    public SkiffClient(ClientConfig config) {
        this(config, Scheme.defaultScheme());
    }

    public SkiffClient(ClientConfig config, Scheme scheme) {
        this.rest = new RestClient(config);
        this.scheme = scheme;
    }

    public PodClient pods(String namespace) {
        return new PodClient(rest, scheme, info(Pod.KIND), namespace);
    }

    public ReplicationControllerClient replicationControllers(String namespace) {
        return new ReplicationControllerClient(rest, scheme, info(ReplicationController.KIND), namespace);
    }

    public ResourceClient<Service> services(String namespace) {
        return resource(Service.class, namespace);
    }

    public ResourceClient<Endpoints> endpoints(String namespace) {
        return resource(Endpoints.class, namespace);
    }

    public ResourceClient<Event> events(String namespace) {
        return resource(Event.class, namespace);
    }

    public ResourceClient<Lease> leases(String namespace) {
        return resource(Lease.class, namespace);
    }

    public ResourceClient<Node> nodes() {
        return resource(Node.class, null);
    }

    public ResourceClient<Namespace> namespaces() {
        return resource(Namespace.class, null);
    }

    /**
     * The client of any served kind by its type (what the informer factory uses). Pods and
     * replication controllers come as their richer clients.
     */
    @SuppressWarnings("unchecked")
    public <T extends KubeObject> ResourceClient<T> resource(Class<T> type, String namespace) {
        ResourceInfo info = scheme.resources().stream()
                .filter(r -> r.type() == type)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no served resource of type " + type.getName()));
        if (type == Pod.class) {
            return (ResourceClient<T>) new PodClient(rest, scheme, info, namespace);
        }
        if (type == ReplicationController.class) {
            return (ResourceClient<T>) new ReplicationControllerClient(rest, scheme, info, namespace);
        }
        return new ResourceClient<>(rest, scheme, info, type, namespace);
    }

    /** Raw HTTP for what has no typed verb (discovery, tables, /version). */
    public RestClient rest() {
        return rest;
    }

    public ClientConfig config() {
        return rest.config();
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Drops the connection pool; open watches and log streams end. */
    @Override
    public void close() {
        rest.close();
    }

    private ResourceInfo info(String kind) {
        return scheme.resourceForKind(kind)
                .orElseThrow(() -> new IllegalStateException("the scheme serves no " + kind));
    }
}
