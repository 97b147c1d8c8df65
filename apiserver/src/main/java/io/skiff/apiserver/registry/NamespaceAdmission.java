package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Namespace;
import io.skiff.api.meta.KubeObject;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.GroupResource;
import io.skiff.apiserver.watch.WatchCache;
import java.util.Optional;

/**
 * Kubernetes' NamespaceLifecycle admission: a namespaced object may be created only in a
 * namespace that exists (404 otherwise) and is not being terminated (403). Reads the namespace
 * watch cache, and storage when the cache does not know the namespace (just created).
 */
public final class NamespaceAdmission implements CreateAdmission {
    private final Registry<Namespace> namespaces;

    public NamespaceAdmission(Registry<Namespace> namespaces) {
        this.namespaces = namespaces;
    }

    @Override
    public void admit(ResourceInfo resource, KubeObject obj) {
        if (!resource.namespaced()) {
            return;
        }
        String name = obj.namespace();
        WatchCache<Namespace> cache = namespaces.cache();
        Optional<Namespace> ns = cache != null && cache.isReady()
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
