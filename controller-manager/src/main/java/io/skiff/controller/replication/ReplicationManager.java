package io.skiff.controller.replication;

import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.meta.OwnerReference;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.Indexers;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.controller.Metrics;
import io.skiff.controller.Pods;
import io.skiff.controller.QueueController;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code spec.replicas} active pods for every replication controller, as Kubernetes'
 * replication manager: RC and pod informers feed a work queue of RC keys; {@code --concurrent-rc-syncs}
 * workers sync different RCs in parallel (one RC is never synced by two workers at once).
 *
 * <p>A sync claims the RC's pods ({@link PodClaims}), then, unless earlier creates or deletes
 * are still unobserved ({@link ControllerExpectations}), creates the missing pods in slow-start
 * batches or deletes the surplus in {@link DeletionOrder}, at most {@code burstReplicas} per
 * sync, and writes the status when it changed.
 */
public final class ReplicationManager extends QueueController {
    private static final Logger log = LoggerFactory.getLogger(ReplicationManager.class);
    public static final String NAME = "replication";

    private final SharedInformer<ReplicationController> rcs;
    private final SharedInformer<Pod> pods;
    private final ReplicaControl control;
    private final ControllerExpectations expectations;
    private final int burstReplicas;
    private final Clock clock;

    public ReplicationManager(SharedInformer<ReplicationController> rcs, SharedInformer<Pod> pods,
            ReplicaControl control, ControllerExpectations expectations, int workers, int burstReplicas, Clock clock,
            Metrics metrics) {
        super(NAME, workers, metrics);
        this.rcs = rcs;
        this.pods = pods;
        this.control = control;
        this.expectations = expectations;
        this.burstReplicas = burstReplicas;
        this.clock = clock;
        rcs.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ReplicationController rc) {
                enqueue(rc);
            }

            @Override
            public void onUpdate(ReplicationController old, ReplicationController rc) {
                enqueue(rc);
            }

            @Override
            public void onDelete(ReplicationController rc, boolean finalStateUnknown) {
                expectations.delete(Indexer.keyOf(rc));
                enqueue(rc);
            }
        });
        pods.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                podAdded(pod);
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                podUpdated(old, pod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                podDeleted(pod);
            }
        });
    }

    // ---- event handlers: only bookkeeping and enqueueing ---------------------------------

    private void enqueue(ReplicationController rc) {
        queue.add(Indexer.keyOf(rc));
    }

    private void podAdded(Pod pod) {
        if (pod.metadata().deletionTimestamp() != null) {
            podDeleted(pod); // seen for the first time already terminating (e.g. after a relist)
            return;
        }
        ReplicationController owner = resolve(pod.namespace(), Pods.controllerRef(pod));
        if (owner != null) {
            String key = Indexer.keyOf(owner);
            expectations.creationObserved(key);
            queue.add(key);
            return;
        }
        matchingControllers(pod).forEach(this::enqueue); // an orphan: whoever matches may adopt it
    }

    private void podUpdated(Pod old, Pod pod) {
        if (Objects.equals(old.metadata().resourceVersion(), pod.metadata().resourceVersion())) {
            return; // a resync: nothing changed
        }
        boolean labelsChanged = !Objects.equals(old.metadata().labels(), pod.metadata().labels());
        if (pod.metadata().deletionTimestamp() != null) {
            // Graceful deletion: the pod stops counting now, not when it is finally DELETED.
            podDeleted(pod);
            if (labelsChanged) {
                podDeleted(old);
            }
            return;
        }
        OwnerReference oldRef = Pods.controllerRef(old);
        OwnerReference newRef = Pods.controllerRef(pod);
        if (oldRef != null && !Objects.equals(oldRef, newRef)) {
            ReplicationController previous = resolve(old.namespace(), oldRef);
            if (previous != null) {
                enqueue(previous);
            }
        }
        if (newRef != null) {
            ReplicationController owner = resolve(pod.namespace(), newRef);
            if (owner != null) {
                enqueue(owner);
                int minReady = owner.spec().minReadySeconds() == null ? 0 : owner.spec().minReadySeconds();
                if (minReady > 0 && !Pods.isReady(old) && Pods.isReady(pod)) {
                    // Becomes available minReadySeconds from now: look again then.
                    queue.addAfter(Indexer.keyOf(owner), Duration.ofSeconds(minReady).plusMillis(100));
                }
            }
            return;
        }
        if (labelsChanged || oldRef != null) {
            matchingControllers(pod).forEach(this::enqueue);
        }
    }

    private void podDeleted(Pod pod) {
        ReplicationController owner = resolve(pod.namespace(), Pods.controllerRef(pod));
        if (owner == null) {
            return;
        }
        String key = Indexer.keyOf(owner);
        expectations.deletionObserved(key, Indexer.keyOf(pod));
        queue.add(key);
    }

    /** The RC a controller ref names, if the cache has it with that uid. */
    private ReplicationController resolve(String namespace, OwnerReference ref) {
        if (ref == null || !ReplicationController.KIND.equals(ref.kind())) {
            return null;
        }
        return rcs.getIndexer().get(namespace, ref.name())
                .filter(rc -> Objects.equals(rc.metadata().uid(), ref.uid()))
                .orElse(null);
    }

    private List<ReplicationController> matchingControllers(Pod pod) {
        List<ReplicationController> out = new ArrayList<>();
        for (ReplicationController rc : rcs.getIndexer().byIndex(Indexers.NAMESPACE, pod.namespace())) {
            if (PodClaims.selects(rc.spec().selector(), pod.metadata().labels())) {
                out.add(rc);
            }
        }
        return out;
    }

    // ---- sync -----------------------------------------------------------------------------

    /** Brings one RC's pods and status in line with its spec. */
    @Override
    protected void sync(String key) {
        long start = System.nanoTime();
        Optional<ReplicationController> cached = rcs.getIndexer().get(key);
        if (cached.isEmpty()) {
            expectations.delete(key);
            return;
        }
        ReplicationController rc = cached.get();
        boolean mayAct = expectations.satisfied(key);
        List<Pod> active = pods.getIndexer().byIndex(Indexers.NAMESPACE, rc.namespace()).stream()
                .filter(Pods::isActive).toList();
        List<Pod> owned = claim(rc, active);

        RuntimeException failure = null;
        String failureReason = null;
        if (mayAct && rc.metadata().deletionTimestamp() == null) {
            int want = rc.spec().replicas() == null ? 1 : rc.spec().replicas();
            int diff = owned.size() - want;
            if (diff < 0) {
                failure = createPods(key, rc, Math.min(-diff, burstReplicas));
                failureReason = ReplicaStatus.REASON_FAILED_CREATE;
            } else if (diff > 0) {
                failure = deletePods(key, rc, owned, Math.min(diff, burstReplicas));
                failureReason = ReplicaStatus.REASON_FAILED_DELETE;
            }
        }

        ReplicationControllerStatus status = ReplicaStatus.compute(rc, owned, clock.instant(), failureReason, failure);
        if (ReplicaStatus.changed(rc.status(), status)) {
            control.updateStatus(rc, status);
        }
        log.debug("synced rc {} in {} ms: {} owned, want {}, expectations {}", key,
                (System.nanoTime() - start) / 1_000_000, owned.size(), rc.spec().replicas(), expectations.describe(key));
        if (failure != null) {
            throw failure;
        }
        int minReady = rc.spec().minReadySeconds() == null ? 0 : rc.spec().minReadySeconds();
        if (minReady > 0 && !Objects.equals(status.readyReplicas(), status.availableReplicas())) {
            queue.addAfter(key, Duration.ofSeconds(minReady));
        }
    }

    /** Adopts matching orphans and releases owned pods that stopped matching; returns the owned pods. */
    private List<Pod> claim(ReplicationController rc, List<Pod> active) {
        PodClaims claims = PodClaims.of(rc, active);
        List<Pod> owned = new ArrayList<>(claims.owned());
        if (!claims.toAdopt().isEmpty()) {
            // Re-check the RC itself, fresh: a controller deleted meanwhile must not adopt (Kubernetes' canAdopt).
            Optional<ReplicationController> fresh = control.current(rc);
            if (fresh.isPresent() && Objects.equals(fresh.get().metadata().uid(), rc.metadata().uid())
                    && fresh.get().metadata().deletionTimestamp() == null) {
                for (Pod p : claims.toAdopt()) {
                    control.adoptPod(rc, p).ifPresent(adopted -> {
                        owned.add(adopted);
                        log.info("rc {}/{} adopted pod {}", rc.namespace(), rc.name(), p.name());
                    });
                }
            }
        }
        for (Pod p : claims.toRelease()) {
            control.releasePod(rc, p);
            log.info("rc {}/{} released pod {} (labels no longer match)", rc.namespace(), rc.name(), p.name());
        }
        return owned;
    }

    private RuntimeException createPods(String key, ReplicationController rc, int count) {
        expectations.expectCreations(key, count);
        log.info("rc {}: too few replicas, creating {}", key, count);
        SlowStartBatch.Outcome outcome = SlowStartBatch.run(count, 1, burstReplicas, i -> control.createPod(rc));
        // Creates that failed or never ran will never be observed: stop expecting them.
        for (int i = outcome.successes(); i < count; i++) {
            expectations.creationObserved(key);
        }
        return outcome.firstError();
    }

    private RuntimeException deletePods(String key, ReplicationController rc, List<Pod> owned, int count) {
        List<Pod> ranked = new ArrayList<>(owned);
        ranked.sort(DeletionOrder.INSTANCE);
        List<Pod> victims = ranked.subList(0, count);
        Set<String> victimKeys = new HashSet<>();
        victims.forEach(p -> victimKeys.add(Indexer.keyOf(p)));
        expectations.expectDeletions(key, victimKeys);
        log.info("rc {}: too many replicas, deleting {}", key, count);
        RuntimeException first = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Pod p : victims) {
                futures.add(pool.submit(() -> {
                    try {
                        if (!control.deletePod(rc, p)) {
                            expectations.deletionObserved(key, Indexer.keyOf(p)); // gone already
                        }
                    } catch (RuntimeException e) {
                        expectations.deletionObserved(key, Indexer.keyOf(p)); // it will not go
                        throw e;
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException re ? re : new RuntimeException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new IllegalStateException("interrupted while deleting pods", e);
                }
            }
        }
        return first;
    }
}
