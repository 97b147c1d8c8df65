package io.skiff.controller.endpoints;

import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.client.ApiException;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.Indexers;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.controller.Metrics;
import io.skiff.controller.QueueController;
import io.skiff.controller.replication.PodClaims;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each Service's Endpoints (same namespace and name) equal to {@link EndpointSubsets} of
 * the pods it selects. Services without a selector are left alone: their Endpoints are written
 * by hand. Writes are compare-and-swap on the cached Endpoints; a lost race is retried.
 */
public final class EndpointsController extends QueueController {
    public static final String NAME = "endpoints";

    private final SharedInformer<Service> services;
    private final SharedInformer<Pod> pods;
    private final SharedInformer<Endpoints> endpoints;
    private final SkiffClient client;

    public EndpointsController(SharedInformer<Service> services, SharedInformer<Pod> pods,
            SharedInformer<Endpoints> endpoints, SkiffClient client, int workers, Metrics metrics) {
        super(NAME, workers, metrics);
        this.services = services;
        this.pods = pods;
        this.endpoints = endpoints;
        this.client = client;
        services.addEventHandler(ResourceEventHandler.onAnyChange(s -> queue.add(Indexer.keyOf(s))));
        pods.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                enqueueServicesOf(pod);
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                if (Objects.equals(old.metadata().resourceVersion(), pod.metadata().resourceVersion())) {
                    return;
                }
                enqueueServicesOf(pod);
                if (!Objects.equals(old.metadata().labels(), pod.metadata().labels())) {
                    enqueueServicesOf(old);
                }
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                enqueueServicesOf(pod);
            }
        });
        // An Endpoints changed or deleted by someone else is put back.
        endpoints.addEventHandler(ResourceEventHandler.onAnyChange(e -> {
            if (services.getIndexer().get(Indexer.keyOf(e)).isPresent()) {
                queue.add(Indexer.keyOf(e));
            }
        }));
    }

    private void enqueueServicesOf(Pod pod) {
        for (Service s : services.getIndexer().byIndex(Indexers.NAMESPACE, pod.namespace())) {
            if (s.spec() != null && PodClaims.selects(s.spec().selector(), pod.metadata().labels())) {
                queue.add(Indexer.keyOf(s));
            }
        }
    }

    @Override
    protected void sync(String key) {
        Optional<Service> cached = services.getIndexer().get(key);
        String[] nsName = key.split("/", 2);
        if (cached.isEmpty()) {
            try {
                client.endpoints(nsName[0]).delete(nsName[1]);
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
            return;
        }
        Service service = cached.get();
        if (service.spec() == null || service.spec().selector() == null || service.spec().selector().isEmpty()) {
            return;
        }
        List<EndpointSubset> subsets = EndpointSubsets.of(service,
                pods.getIndexer().byIndex(Indexers.NAMESPACE, service.namespace()));
        Optional<Endpoints> current = endpoints.getIndexer().get(key);
        if (current.isPresent()) {
            Endpoints e = current.get();
            List<EndpointSubset> have = e.subsets() == null ? List.of() : e.subsets();
            if (have.equals(subsets) && Objects.equals(e.metadata().labels(), service.metadata().labels())) {
                return;
            }
            client.endpoints(service.namespace()).update(e.withSubsets(subsets)
                    .withMetadata(e.metadata().withLabels(service.metadata().labels())));
        } else {
            Endpoints e = new Endpoints(ObjectMeta.of(service.namespace(), service.name())
                    .withLabels(service.metadata().labels()), subsets);
            try {
                client.endpoints(service.namespace()).create(e);
            } catch (ApiException ex) {
                if (!ex.isAlreadyExists()) {
                    throw ex;
                }
                // Our cache is behind: the Endpoints watch event will bring this key back.
            }
        }
    }
}
