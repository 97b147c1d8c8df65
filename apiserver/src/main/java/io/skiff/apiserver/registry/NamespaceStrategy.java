package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Namespace;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.GroupResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Namespaces (cluster-scoped): created Active with the {@code kubernetes} finalizer in
 * spec.finalizers; a DELETE turns them Terminating, the {@link NamespaceCleaner} deletes what is
 * in them and removes the finalizer, and then they go. The system namespaces cannot be deleted.
 */
public final class NamespaceStrategy extends KindStrategy<Namespace> {
    public static final String FINALIZER_KUBERNETES = "kubernetes";
    public static final String KUBE_NODE_LEASE = "kube-node-lease";
    public static final Set<String> SYSTEM = Set.of(Namespace.DEFAULT, Namespace.KUBE_SYSTEM, "kube-public");

    private final List<Consumer<String>> onTerminating = new CopyOnWriteArrayList<>();

    public NamespaceStrategy(ResourceInfo resource) {
        super(resource, Namespace.class, "status.phase");
    }

    /** Called with the name of a namespace this server turned Terminating (cleaner, admission). */
    public void onTerminating(Consumer<String> hook) {
        onTerminating.add(hook);
    }

    @Override
    public void afterDelete(Namespace ns, boolean deleted) {
        if (!deleted) {
            onTerminating.forEach(hook -> hook.accept(ns.name()));
        }
    }

    @Override
    public Namespace prepareForCreate(Namespace ns) {
        List<String> finalizers = new ArrayList<>(ns.spec() == null || ns.spec().finalizers() == null
                ? List.of() : ns.spec().finalizers());
        if (!finalizers.contains(FINALIZER_KUBERNETES)) {
            finalizers.add(FINALIZER_KUBERNETES);
        }
        return ns.withSpec(new Namespace.Spec(finalizers)).withStatus(new Namespace.Status(Namespace.PHASE_ACTIVE));
    }

    @Override
    public Namespace prepareForUpdate(Namespace updated, Namespace old) {
        // spec.finalizers change only through /finalize (or the cleaner); status only through /status
        return updated.withSpec(old.spec()).withStatus(old.status());
    }

    @Override
    public Namespace prepareForStatusUpdate(Namespace updated, Namespace old) {
        return old.withMetadata(statusMeta(updated.metadataOrEmpty(), old.metadataOrEmpty())).withStatus(updated.status());
    }

    @Override
    public Namespace markDeleting(Namespace ns) {
        return ns.withStatus(new Namespace.Status(Namespace.PHASE_TERMINATING));
    }

    @Override
    public boolean finalizing(Namespace ns) {
        return ns.spec() != null && ns.spec().finalizers() != null && !ns.spec().finalizers().isEmpty();
    }

    /** Refuses to delete the namespaces the system lives in. */
    @Override
    public void checkDelete(Namespace ns) {
        if (SYSTEM.contains(ns.name())) {
            throw ApiErrors.forbidden(GroupResource.of(resource), ns.name(), "this namespace may not be deleted");
        }
    }

    public static boolean isTerminating(Namespace ns) {
        return ns.metadataOrEmpty().deletionTimestamp() != null
                || (ns.status() != null && Namespace.PHASE_TERMINATING.equals(ns.status().phase()));
    }

    @Override
    protected void addSelectableFields(Namespace ns, Map<String, String> fields) {
        fields.put("status.phase", ns.status() == null ? "" : orEmpty(ns.status().phase()));
    }
}
