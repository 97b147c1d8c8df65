package io.skiff.controller.scheduler;

import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.client.ApiException;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.controller.EventRecorder;
import io.skiff.controller.Metrics;
import io.skiff.controller.Pods;
import io.skiff.controller.QueueController;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds pods that have no node to a Ready, schedulable node that fits them. Decisions are made
 * one pod at a time by one worker on a {@link SchedulerCache} snapshot (so each decision sees
 * the previous ones, through assumptions); bindings are sent concurrently (at most
 * {@value #MAX_BINDS_IN_FLIGHT} at once) so the apiserver's latency does not cap throughput.
 *
 * <p>A pod that fits nowhere gets a FailedScheduling event saying why and waits among the
 * unschedulable pods; any change that could make room (a node added or changed, a bound pod
 * gone) sends them all back to the queue, and each is retried on its own every
 * {@code unschedulableRetry} anyway.
 */
public final class Scheduler extends QueueController {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    public static final String NAME = "scheduler";
    static final int MAX_BINDS_IN_FLIGHT = 64;

    private final SharedInformer<Pod> pods;
    private final SchedulerCache cache;
    private final Binder binder;
    private final EventRecorder events;
    private final RandomGenerator random;
    private final Duration unschedulableRetry;
    private final Set<String> unschedulable = new HashSet<>();
    private final Semaphore bindSlots = new Semaphore(MAX_BINDS_IN_FLIGHT);
    private final LongAdder bound;
    private final LongAdder bindErrors;
    private final LongAdder unschedulableAttempts;

    public Scheduler(SharedInformer<Pod> pods, SharedInformer<Node> nodes, SchedulerCache cache, Binder binder,
            EventRecorder events, RandomGenerator random, Duration unschedulableRetry, Metrics metrics) {
        super(NAME, 1, metrics);
        this.pods = pods;
        this.cache = cache;
        this.binder = binder;
        this.events = events;
        this.random = random;
        this.unschedulableRetry = unschedulableRetry;
        this.bound = metrics.counter("skiff_scheduler_bindings_total", "Pods bound to a node.");
        this.bindErrors = metrics.counter("skiff_scheduler_binding_errors_total", "Bindings that failed.");
        this.unschedulableAttempts = metrics.counter("skiff_scheduler_unschedulable_total",
                "Scheduling attempts that found no fitting node.");
        metrics.gauge("skiff_scheduler_unschedulable_pods", "Pods waiting for a node to fit them.", this::unschedulableCount);
        nodes.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node) {
                cache.putNode(node);
                retryUnschedulable("node " + node.name() + " added");
            }

            @Override
            public void onUpdate(Node old, Node node) {
                cache.putNode(node);
                if (mayFitMore(old, node)) {
                    retryUnschedulable("node " + node.name() + " changed");
                }
            }

            @Override
            public void onDelete(Node node, boolean finalStateUnknown) {
                cache.removeNode(node.name());
            }
        });
        pods.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                podChanged(pod);
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                podChanged(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                String key = Indexer.keyOf(pod);
                cache.removePod(key);
                forgetUnschedulable(key);
                if (Pods.isScheduled(pod)) {
                    retryUnschedulable("pod " + key + " deleted");
                }
            }
        });
    }

    /** Only pods for the default scheduler, not bound, not being deleted. */
    static boolean needsScheduling(Pod pod) {
        String scheduler = pod.spec() == null ? null : pod.spec().schedulerName();
        return !Pods.isScheduled(pod) && pod.metadata().deletionTimestamp() == null
                && (scheduler == null || scheduler.isEmpty() || PodSpec.DEFAULT_SCHEDULER.equals(scheduler))
                && Pods.isActive(pod);
    }

    private void podChanged(Pod pod) {
        String key = Indexer.keyOf(pod);
        boolean wasCounted = Pods.isScheduled(pod);
        cache.putPod(pod);
        if (needsScheduling(pod)) {
            queue.add(key);
        } else {
            forgetUnschedulable(key);
            if (wasCounted && !Pods.isActive(pod)) {
                retryUnschedulable("pod " + key + " finished or terminating");
            }
        }
    }

    @Override
    protected void sync(String key) throws InterruptedException {
        schedule(key);
    }

    /** One scheduling decision; the binding goes on in the background. */
    void schedule(String key) throws InterruptedException {
        Optional<Pod> cached = pods.getIndexer().get(key);
        if (cached.isEmpty() || !needsScheduling(cached.get()) || cache.isAssumed(key)) {
            return;
        }
        Pod pod = cached.get();
        Placement.Result result = Placement.schedule(pod, cache.snapshot(), random);
        switch (result) {
            case Placement.Fit fit -> {
                forgetUnschedulable(key);
                cache.assume(pod, fit.nodeName());
                bindSlots.acquire();
                Thread.ofVirtual().name("bind-" + key).start(() -> {
                    try {
                        bind(key, pod, fit.nodeName());
                    } finally {
                        bindSlots.release();
                    }
                });
            }
            case Placement.FitFailure failure -> {
                unschedulableAttempts.increment();
                String message = failure.error().message();
                synchronized (unschedulable) {
                    unschedulable.add(key);
                }
                log.info("pod {} is unschedulable: {}", key, message);
                events.warning(pod, EventRecorder.REASON_FAILED_SCHEDULING, message);
                queue.addAfter(key, unschedulableRetry);
            }
        }
    }

    private void bind(String key, Pod pod, String nodeName) {
        try {
            binder.bind(pod, nodeName);
            bound.increment();
            log.debug("bound pod {} to {}", key, nodeName);
            events.normal(pod, EventRecorder.REASON_SCHEDULED, "Successfully assigned " + key + " to " + nodeName);
        } catch (ApiException e) {
            cache.forget(key);
            if (e.code() == 409 || e.isNotFound()) {
                // Bound by someone else meanwhile, or gone: the watch will tell; nothing to retry.
                log.debug("binding {} to {} not needed: {}", key, nodeName, e.getMessage());
                return;
            }
            bindErrors.increment();
            log.warn("binding {} to {} failed: {}", key, nodeName, e.getMessage());
            queue.addRateLimited(key);
        } catch (RuntimeException e) {
            cache.forget(key);
            bindErrors.increment();
            log.warn("binding {} to {} failed: {}", key, nodeName, e.toString());
            queue.addRateLimited(key);
        }
    }

    private void retryUnschedulable(String why) {
        List<String> keys;
        synchronized (unschedulable) {
            if (unschedulable.isEmpty()) {
                return;
            }
            keys = List.copyOf(unschedulable);
            unschedulable.clear();
        }
        log.debug("{}: retrying {} unschedulable pods", why, keys.size());
        keys.forEach(queue::add);
    }

    private void forgetUnschedulable(String key) {
        synchronized (unschedulable) {
            unschedulable.remove(key);
        }
    }

    private int unschedulableCount() {
        synchronized (unschedulable) {
            return unschedulable.size();
        }
    }

    /** A node change that can let a pod fit where it did not (heartbeats alone cannot). */
    static boolean mayFitMore(Node old, Node node) {
        return Predicates.isReady(old) != Predicates.isReady(node)
                || !Objects.equals(old.spec(), node.spec())
                || !Objects.equals(old.metadata().labels(), node.metadata().labels())
                || !Objects.equals(old.status() == null ? null : old.status().allocatable(),
                        node.status() == null ? null : node.status().allocatable());
    }
}
