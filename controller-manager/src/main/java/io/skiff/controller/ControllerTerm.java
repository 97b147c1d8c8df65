package io.skiff.controller;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.client.ListOptions;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.SharedInformer;
import io.skiff.client.informer.SharedInformerFactory;
import io.skiff.controller.endpoints.EndpointsController;
import io.skiff.controller.gc.GarbageCollector;
import io.skiff.controller.gc.Monitor;
import io.skiff.controller.node.NodeHealth;
import io.skiff.controller.node.NodeLifecycleController;
import io.skiff.controller.replication.ApiReplicaControl;
import io.skiff.controller.replication.ControllerExpectations;
import io.skiff.controller.replication.ReplicationManager;
import io.skiff.controller.scheduler.Scheduler;
import io.skiff.controller.scheduler.SchedulerCache;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the controllers: while this process leads (or from start to stop without leader
 * election). Everything here is made fresh for the term — its own REST client, informers,
 * queues and expectations — and closing it stops all of it at once: the client is closed
 * first, so that no request of a controller still in the middle of a sync reaches the
 * apiserver after leadership is lost.
 */
final class ControllerTerm implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControllerTerm.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final ControllerManagerConfig config;
    private final SkiffClient client;
    private final SharedInformerFactory informers;
    private final List<Controller> controllers = new ArrayList<>();
    private final List<ApiEventRecorder> recorders = new ArrayList<>();
    private volatile boolean closed;

    ControllerTerm(ControllerManagerConfig config, String identity, Metrics metrics) {
        this.config = config;
        this.client = new SkiffClient(config.client());
        this.informers = new SharedInformerFactory(client, config.resyncPeriod());
        Clock clock = Clock.systemUTC();
        SharedInformer<Pod> pods = informers.pods();
        if (config.runs(ReplicationManager.NAME)) {
            controllers.add(new ReplicationManager(informers.replicationControllers(), pods,
                    new ApiReplicaControl(client, recorder("replication-controller", identity, clock)),
                    new ControllerExpectations(), config.concurrentRcSyncs(), config.burstReplicas(), clock, metrics));
        }
        if (config.runs(Scheduler.NAME)) {
            controllers.add(new Scheduler(pods, informers.nodes(), new SchedulerCache(clock, Duration.ofMinutes(5)),
                    (pod, node) -> client.pods(pod.namespace()).bind(pod.name(), node),
                    recorder("default-scheduler", identity, clock), new SecureRandom(), config.unschedulableRetry(),
                    metrics));
        }
        if (config.runs(NodeLifecycleController.NAME)) {
            SharedInformer<Lease> nodeLeases = informers.informerFor(Lease.class, Lease.NODE_LEASE_NAMESPACE,
                    ListOptions.NONE);
            controllers.add(new NodeLifecycleController(informers.nodes(), nodeLeases, pods, client,
                    recorder("node-controller", identity, clock),
                    new NodeHealth(config.nodeMonitorGracePeriod(), config.podEvictionTimeout()),
                    config.nodeMonitorPeriod(), clock, metrics));
        }
        if (config.runs(EndpointsController.NAME)) {
            controllers.add(new EndpointsController(informers.services(), pods, informers.endpoints(), client,
                    config.concurrentEndpointSyncs(), metrics));
        }
        if (config.runs(GarbageCollector.NAME)) {
            controllers.add(new GarbageCollector(List.of(
                    new Monitor<>(Pod.KIND, true, pods, client::pods),
                    new Monitor<>(ReplicationController.KIND, true, informers.replicationControllers(),
                            client::replicationControllers),
                    new Monitor<>(Service.KIND, true, informers.services(), client::services),
                    new Monitor<>(Endpoints.KIND, true, informers.endpoints(), client::endpoints),
                    new Monitor<>(Node.KIND, false, informers.nodes(), ns -> client.nodes())),
                    config.concurrentGcSyncs(), metrics));
        }
    }

    /** Starts the informers, waits for their first list, then starts the controllers. */
    void start() throws InterruptedException {
        informers.start();
        while (!closed && !informers.waitForCacheSync(Duration.ofSeconds(10))) {
            log.info("waiting for informer caches to sync with {}", config.client().server());
        }
        if (closed) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            controllers.forEach(Controller::start);
        }
        log.info("controllers running: {}", controllers.stream().map(Controller::name).toList());
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        informers.stop(); // closes the watches: no more events, no more work queued
        client.close(); // in-flight writes fail rather than land after we stopped leading
        recorders.forEach(ApiEventRecorder::close);
        controllers.forEach(c -> c.stop(STOP_TIMEOUT));
        log.info("controllers stopped");
    }

    private EventRecorder recorder(String component, String identity, Clock clock) {
        ApiEventRecorder r = new ApiEventRecorder(client, component, identity, clock);
        recorders.add(r);
        return r;
    }
}
