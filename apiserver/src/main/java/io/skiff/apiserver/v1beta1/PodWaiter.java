package io.skiff.apiserver.v1beta1;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodStatus;
import io.skiff.api.selector.FieldSelector;
import io.skiff.api.selector.LabelSelector;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.registry.ListOptions;
import io.skiff.apiserver.registry.Registry;
import io.skiff.apiserver.registry.SelectionPredicate;
import io.skiff.apiserver.watch.CacheWatcher;
import io.skiff.apiserver.watch.CachedEvent;
import io.skiff.apiserver.watch.Delivery;
import io.skiff.apiserver.watch.WatchCache;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * Waits for one pod to run, or to be gone, by watching the pods' watch cache from the revision
 * of the write that started the wait — no polling, and no change between the write and the
 * watch can be missed. A watch the cache ends (a slow watcher, a relist) is reopened from the
 * last revision seen.
 */
final class PodWaiter {
    enum Goal { RUNNING, GONE }

    /** Phases after which waiting for Running is pointless: the pod runs, or ran and ended. */
    private static final Set<String> SETTLED = Set.of(PodStatus.PHASE_RUNNING, PodStatus.PHASE_SUCCEEDED,
            PodStatus.PHASE_FAILED);
    private static final int QUEUE_CAPACITY = 64;

    private final Registry<Pod> pods;

    PodWaiter(Registry<Pod> pods) {
        this.pods = pods;
    }

    static boolean settled(Pod pod) {
        return pod.status() != null && SETTLED.contains(pod.status().phase());
    }

    /** What a wait ended with. */
    sealed interface Result {
        /** The goal was reached; {@code pod} is the running pod (null for GONE). */
        record Reached(Pod pod) implements Result {}

        /** The goal cannot be reached (deleted while waiting for Running) or the wait failed. */
        record Failed(ApiException error) implements Result {}
    }

    /**
     * Blocks until pod {@code namespace/name} reaches {@code goal} through a change after
     * {@code fromRevision}, or {@code maxWait} passes (a 504 Timeout result).
     */
    Result await(String namespace, String name, long fromRevision, Goal goal, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        SelectionPredicate<Pod> predicate = pods.predicate(new ListOptions(LabelSelector.everything(),
                FieldSelector.oneTermEqual("metadata.name", name), "", 0, null));
        String prefix = pods.collectionPrefix(namespace);
        long from = fromRevision;
        while (true) {
            WatchCache<Pod> cache = pods.cache();
            if (cache == null) {
                return new Result.Failed(ApiErrors.serviceUnavailable("the pod watch cache is not running"));
            }
            CacheWatcher<Pod> watcher;
            try {
                watcher = cache.watch(prefix, predicate, from, false, QUEUE_CAPACITY);
            } catch (ApiException e) {
                if (e.code() != 410 || from == 0) {
                    return new Result.Failed(e);
                }
                // The window moved past our revision: start from the current state instead.
                if (pods.find(namespace, name).isEmpty()) {
                    return goal == Goal.GONE ? new Result.Reached(null)
                            : new Result.Failed(ApiErrors.notFound(pods.groupResource(), name));
                }
                from = 0;
                continue;
            }
            ScheduledFuture<?> timer = WatchDeadlines.endAfter(watcher, Duration.ofNanos(deadline - System.nanoTime()));
            try {
                while (true) {
                    Delivery<Pod> d = watcher.take();
                    if (d.isEnd()) {
                        if (System.nanoTime() - deadline >= 0) {
                            return new Result.Failed(ApiErrors.storageTimeout("pod \"" + name + "\" did not "
                                    + (goal == Goal.RUNNING ? "start running" : "go away") + " within " + maxWait));
                        }
                        break; // cut off by the cache: reopen from the last revision seen
                    }
                    from = Math.max(from, d.revision());
                    CachedEvent<Pod> event = d.event();
                    if (event == null) {
                        continue;
                    }
                    if (d.type().equals(CachedEvent.DELETED)) {
                        return goal == Goal.GONE ? new Result.Reached(null)
                                : new Result.Failed(ApiErrors.notFound(pods.groupResource(), name));
                    }
                    if (goal == Goal.RUNNING && settled(event.object())) {
                        return new Result.Reached(event.object());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result.Failed(ApiErrors.serviceUnavailable("the server is stopping"));
            } finally {
                timer.cancel(false);
                watcher.close();
            }
        }
    }
}
