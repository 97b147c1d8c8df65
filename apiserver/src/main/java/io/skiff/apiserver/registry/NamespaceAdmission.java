package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Namespace;
import io.skiff.api.meta.KubeObject;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.GroupResource;
import io.skiff.apiserver.watch.WatchCache;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubernetes' NamespaceLifecycle admission: a namespaced object may be created only in a
 * namespace that exists (404 otherwise) and is not being terminated (403). Reads the namespace
 * watch cache, and storage when the cache cannot be trusted: it does not know the namespace
 * (just created), or this server has just turned it Terminating and the cache may lag (as
 * Kubernetes' force-live-lookup list).
 */
public final class NamespaceAdmission implements CreateAdmission {
    private static final Duration LIVE_LOOKUP_FOR = Duration.ofMinutes(1);

    private final Registry<Namespace> namespaces;
    private final Map<String, Long> recentlyTerminated = new ConcurrentHashMap<>();

    public NamespaceAdmission(Registry<Namespace> namespaces, NamespaceStrategy strategy) {
        this.namespaces = namespaces;
        strategy.onTerminating(name -> {
            long now = System.nanoTime();
            recentlyTerminated.values().removeIf(at -> now - at > LIVE_LOOKUP_FOR.toNanos());
            recentlyTerminated.put(name, now);
        });
    }

    private boolean mustLookUp(String name) {
        Long at = recentlyTerminated.get(name);
        return at != null && System.nanoTime() - at < LIVE_LOOKUP_FOR.toNanos();
    }

    @Override
    public void admit(ResourceInfo resource, KubeObject obj) {
        if (!resource.namespaced()) {
            return;
        }
        String name = obj.namespace();
        WatchCache<Namespace> cache = namespaces.cache();
        Optional<Namespace> ns = cache != null && cache.isReady() && !mustLookUp(name)
                ? cache.get(namespaces.key("", name)) : Optional.empty();
        if (ns.isEmpty()) {
            ns = namespaces.find("", name);
        }
        if (ns.isEmpty()) {
            throw ApiErrors.notFound(namespaces.groupResource(), name);
        }
        if (ns.get().metadataOrEmpty().deletionTimestamp() != null) {
            throw ApiErrors.forbidden(GroupResource.of(resource), obj.name(),
                    "unable to create new content in namespace " + name + " because it is being terminated");
        }
    }
}
