package io.skiff.controller.gc;

import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.OwnerReference;
import io.skiff.client.ApiException;
import io.skiff.client.ResourceClient;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.Indexers;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.controller.Metrics;
import io.skiff.controller.QueueController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cascading deletion by {@code ownerReferences}, as Kubernetes' garbage collector, over the
 * kinds it monitors. Work items are objects ({@code Kind/namespace/name}); syncing one:
 * <ul>
 *   <li>an object being deleted with the {@code orphan} finalizer: its dependents lose their
 *       ownerReference to it, then the finalizer is removed (the apiserver then deletes it);
 *   <li>an object being deleted with the {@code foregroundDeletion} finalizer: its dependents
 *       are deleted, and once none that blocks ({@code blockOwnerDeletion}) is left, the
 *       finalizer is removed;
 *   <li>an object with ownerReferences: an owner that no longer exists (checked against the
 *       apiserver, never only the cache, which may lag behind a just-created owner) is
 *       dangling; with every owner dangling the object is deleted, otherwise the dangling
 *       references are removed.
 * </ul>
 */
public final class GarbageCollector extends QueueController {
    private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);
    public static final String NAME = "garbage-collector";
    public static final String FINALIZER_ORPHAN = "orphan";
    public static final String FINALIZER_FOREGROUND = "foregroundDeletion";

    private final Map<String, Monitor<?>> monitors = new LinkedHashMap<>();
    private final LongAdder deleted;
    private final LongAdder orphaned;

    public GarbageCollector(List<Monitor<?>> monitored, int workers, Metrics metrics) {
        super(NAME, workers, metrics);
        monitored.forEach(m -> monitors.put(m.kind(), m));
        this.deleted = metrics.counter("skiff_gc_deleted_total", "Dependents deleted by the garbage collector.");
        this.orphaned = metrics.counter("skiff_gc_orphaned_total", "Dependents whose ownerReference was removed.");
        monitored.forEach(this::watch);
    }

    private <T extends KubeObject> void watch(Monitor<T> m) {
        m.informer().addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                if (hasOwners(obj) || finalizing(obj)) {
                    enqueue(m.kind(), obj);
                }
            }

            @Override
            public void onUpdate(T old, T obj) {
                if (finalizing(obj) || (hasOwners(obj)
                        && !Objects.equals(old.metadata().ownerReferences(), obj.metadata().ownerReferences()))) {
                    enqueue(m.kind(), obj);
                }
                if (obj.metadata().deletionTimestamp() != null && old.metadata().deletionTimestamp() == null) {
                    enqueueOwnersInForeground(obj); // a dependent going: its owner may be done waiting
                }
            }

            @Override
            public void onDelete(T obj, boolean finalStateUnknown) {
                enqueueDependents(obj.metadata().uid());
                enqueueOwnersInForeground(obj);
            }
        });
    }

    private void enqueue(String kind, KubeObject obj) {
        queue.add(kind + "/" + Indexer.keyOf(obj));
    }

    private void enqueueDependents(String ownerUid) {
        for (Monitor<?> m : monitors.values()) {
            for (KubeObject d : m.informer().getIndexer().byIndex(Indexers.OWNER_UID, ownerUid)) {
                enqueue(m.kind(), d);
            }
        }
    }

    private void enqueueOwnersInForeground(KubeObject dependent) {
        if (!hasOwners(dependent)) {
            return;
        }
        for (OwnerReference ref : dependent.metadata().ownerReferences()) {
            Monitor<?> m = monitors.get(ref.kind());
            if (m != null) {
                String ns = m.namespaced() ? dependent.namespace() : null;
                m.informer().getIndexer().get(ns, ref.name())
                        .filter(o -> Objects.equals(o.metadata().uid(), ref.uid()))
                        .filter(o -> has(o, FINALIZER_FOREGROUND))
                        .ifPresent(o -> enqueue(m.kind(), o));
            }
        }
    }

    // ---- sync -----------------------------------------------------------------------------

    @Override
    protected void sync(String item) {
        String[] parts = item.split("/", 2);
        Monitor<?> m = monitors.get(parts[0]);
        if (m == null) {
            return;
        }
        sync(m, parts[1]);
    }

    private <T extends KubeObject> void sync(Monitor<T> m, String key) {
        Optional<T> cached = m.informer().getIndexer().get(key);
        if (cached.isEmpty()) {
            return;
        }
        T obj = cached.get();
        if (obj.metadata().deletionTimestamp() != null) {
            if (has(obj, FINALIZER_ORPHAN)) {
                orphanDependents(obj);
                removeFinalizer(m, obj, FINALIZER_ORPHAN);
            }
            if (has(obj, FINALIZER_FOREGROUND)) {
                if (deleteDependentsAndCountBlocking(obj) == 0) {
                    removeFinalizer(m, obj, FINALIZER_FOREGROUND);
                } else {
                    // Dependents going away re-enqueue it; look again anyway in case an event is missed.
                    queue.addAfter(m.kind() + "/" + key, Duration.ofSeconds(5));
                }
            }
        }
        if (hasOwners(obj)) {
            collectIfDangling(m, obj);
        }
    }

    /** Removes the owner's references from each of its dependents. */
    private void orphanDependents(KubeObject owner) {
        String uid = owner.metadata().uid();
        for (Monitor<?> dm : monitors.values()) {
            for (KubeObject d : dm.informer().getIndexer().byIndex(Indexers.OWNER_UID, uid)) {
                removeOwnerRefs(dm, d, List.of(uid));
                orphaned.increment();
                log.info("orphaned {} {}: owner {} {} deleted with propagationPolicy=Orphan", dm.kind(),
                        Indexer.keyOf(d), owner.kind(), Indexer.keyOf(owner));
            }
        }
    }

    /** Deletes the owner's dependents; returns how many blocking dependents still exist. */
    private int deleteDependentsAndCountBlocking(KubeObject owner) {
        String uid = owner.metadata().uid();
        int blocking = 0;
        for (Monitor<?> dm : monitors.values()) {
            for (KubeObject d : dm.informer().getIndexer().byIndex(Indexers.OWNER_UID, uid)) {
                OwnerReference ref = refTo(d, uid);
                if (ref != null && Boolean.TRUE.equals(ref.blockOwnerDeletion())) {
                    blocking++;
                }
                if (d.metadata().deletionTimestamp() == null) {
                    boolean hasOwnDependents = monitors.values().stream().anyMatch(x ->
                            !x.informer().getIndexer().byIndex(Indexers.OWNER_UID, d.metadata().uid()).isEmpty());
                    delete(dm, d, hasOwnDependents ? DeleteOptions.PROPAGATION_FOREGROUND : null);
                    log.info("deleting {} {}: owner {} {} is being deleted in the foreground", dm.kind(),
                            Indexer.keyOf(d), owner.kind(), Indexer.keyOf(owner));
                }
            }
        }
        return blocking;
    }

    /** Deletes an object whose owners are all gone, or drops the references to the gone ones. */
    private <T extends KubeObject> void collectIfDangling(Monitor<T> m, T obj) {
        List<String> dangling = new ArrayList<>();
        int total = 0;
        for (OwnerReference ref : obj.metadata().ownerReferences()) {
            total++;
            Boolean exists = ownerExists(m, obj, ref);
            if (exists == null) {
                return; // an owner of a kind we cannot check: never delete on a guess
            }
            if (!exists) {
                dangling.add(ref.uid());
            }
        }
        if (dangling.isEmpty()) {
            return;
        }
        if (dangling.size() == total) {
            if (obj.metadata().deletionTimestamp() == null) {
                delete(m, obj, null);
                log.info("deleted {} {}: its owners are gone", m.kind(), Indexer.keyOf(obj));
            }
        } else {
            removeOwnerRefs(m, obj, dangling);
        }
    }

    /** True / false from the cache or, if the cache does not have it, from the apiserver; null if unknowable. */
    private Boolean ownerExists(Monitor<?> dependentMonitor, KubeObject dependent, OwnerReference ref) {
        Monitor<?> om = monitors.get(ref.kind());
        if (om == null) {
            return null;
        }
        String ns = om.namespaced() ? dependent.namespace() : null;
        Optional<? extends KubeObject> cached = om.informer().getIndexer().get(ns, ref.name());
        if (cached.isPresent() && Objects.equals(cached.get().metadata().uid(), ref.uid())) {
            return true;
        }
        // The cache may lag (an owner created a moment ago): only the apiserver can say it is gone.
        Optional<? extends KubeObject> live = om.client().apply(ns).find(ref.name());
        return live.isPresent() && Objects.equals(live.get().metadata().uid(), ref.uid());
    }

    private <T extends KubeObject> void delete(Monitor<T> m, KubeObject obj, String propagation) {
        try {
            m.client().apply(m.namespaced() ? obj.namespace() : null).delete(obj.name(), new DeleteOptions(null,
                    new DeleteOptions.Preconditions(obj.metadata().uid(), null), null, propagation, null));
            deleted.increment();
        } catch (ApiException e) {
            if (!e.isNotFound() && !e.isConflict()) {
                throw e;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends KubeObject> void removeOwnerRefs(Monitor<T> m, KubeObject obj, List<String> uids) {
        ResourceClient<T> c = m.client().apply(m.namespaced() ? obj.namespace() : null);
        try {
            c.updateWithRetry(obj.name(), fresh -> {
                if (!Objects.equals(fresh.metadata().uid(), obj.metadata().uid()) || !hasOwners(fresh)) {
                    return null;
                }
                List<OwnerReference> kept = fresh.metadata().ownerReferences().stream()
                        .filter(r -> !uids.contains(r.uid())).toList();
                if (kept.size() == fresh.metadata().ownerReferences().size()) {
                    return null;
                }
                return (T) fresh.withMetadata(fresh.metadata().withOwnerReferences(kept.isEmpty() ? null : kept));
            });
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends KubeObject> void removeFinalizer(Monitor<T> m, T obj, String finalizer) {
        ResourceClient<T> c = m.client().apply(m.namespaced() ? obj.namespace() : null);
        try {
            c.updateWithRetry(obj.name(), fresh -> {
                if (!Objects.equals(fresh.metadata().uid(), obj.metadata().uid()) || !has(fresh, finalizer)) {
                    return null;
                }
                ObjectMeta meta = fresh.metadata();
                List<String> rest = meta.finalizers().stream().filter(f -> !f.equals(finalizer)).toList();
                return (T) fresh.withMetadata(meta.withFinalizers(rest.isEmpty() ? null : rest));
            });
            log.info("removed finalizer {} from {} {}", finalizer, m.kind(), Indexer.keyOf(obj));
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    private static OwnerReference refTo(KubeObject obj, String uid) {
        for (OwnerReference r : obj.metadata().ownerReferences()) {
            if (uid.equals(r.uid())) {
                return r;
            }
        }
        return null;
    }

    private static boolean hasOwners(KubeObject obj) {
        return obj.metadata() != null && obj.metadata().ownerReferences() != null
                && !obj.metadata().ownerReferences().isEmpty();
    }

    private static boolean finalizing(KubeObject obj) {
        return obj.metadata().deletionTimestamp() != null && (has(obj, FINALIZER_ORPHAN) || has(obj, FINALIZER_FOREGROUND));
    }

    private static boolean has(KubeObject obj, String finalizer) {
        return obj.metadata().finalizers() != null && obj.metadata().finalizers().contains(finalizer);
    }
}
