package io.skiff.controller.testing;

import io.skiff.api.core.Pod;
import io.skiff.client.ListOptions;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.ListerWatcher;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.controller.Pods;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Watches the active pods of one label selector and records the most and the fewest there ever
 * were since the last {@link #resetExtremes}: what a test of "never above the target" needs,
 * since polling would miss a short overshoot.
 */
public final class PodCountWatcher implements AutoCloseable {
    private final SharedInformer<Pod> informer;
    private final Set<String> active = new HashSet<>();
    private int max;
    private int min;

    public PodCountWatcher(SkiffClient client, String namespace, String labelSelector) throws InterruptedException {
        informer = new SharedInformer<>("count-" + labelSelector,
                ListerWatcher.of(client.pods(namespace), ListOptions.labelSelector(labelSelector)), Duration.ZERO);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                record(pod, Pods.isActive(pod));
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                record(pod, Pods.isActive(pod));
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                record(pod, false);
            }
        });
        informer.start();
        if (!informer.waitForSync(Duration.ofSeconds(10))) {
            throw new IllegalStateException("pod watcher did not sync");
        }
    }

    private synchronized void record(Pod pod, boolean isActive) {
        if (isActive) {
            active.add(Indexer.keyOf(pod));
        } else {
            active.remove(Indexer.keyOf(pod));
        }
        max = Math.max(max, active.size());
        min = Math.min(min, active.size());
    }

    public synchronized int count() {
        return active.size();
    }

    public synchronized int max() {
        return max;
    }

    public synchronized int min() {
        return min;
    }

    public synchronized void resetExtremes() {
        max = active.size();
        min = active.size();
    }

    @Override
    public void close() {
        informer.stop();
    }
}
