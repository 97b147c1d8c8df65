package io.skiff.kubelet;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodStatus;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.client.ApiException;
import io.skiff.client.ListOptions;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.SharedInformer;
import io.skiff.client.informer.SharedInformerFactory;
import io.skiff.kubelet.config.ApiserverPodSource;
import io.skiff.kubelet.config.MirrorPods;
import io.skiff.kubelet.config.PodConfig;
import io.skiff.kubelet.config.StaticPodSource;
import io.skiff.kubelet.node.HostInfo;
import io.skiff.kubelet.node.NodeLease;
import io.skiff.kubelet.node.NodeStatusManager;
import io.skiff.kubelet.pod.Backoff;
import io.skiff.kubelet.pod.ContainerConfigs;
import io.skiff.kubelet.pod.ImagePuller;
import io.skiff.kubelet.pod.PodSyncer;
import io.skiff.kubelet.pod.PodWorkers;
import io.skiff.kubelet.pod.PodWorkers.PodWork;
import io.skiff.kubelet.probe.ProbeManager;
import io.skiff.kubelet.probe.Prober;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerRuntimeException;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.server.KubeletMetrics;
import io.skiff.kubelet.server.KubeletServer;
import io.skiff.kubelet.status.ApiEventRecorder;
import io.skiff.kubelet.status.PodStatusGenerator;
import io.skiff.kubelet.status.StatusManager;
import io.skiff.kubelet.volume.VolumeManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agent, wired: pod sources feed {@link PodConfig}, which hands each pod's newest desired
 * state to its worker ({@link PodWorkers}); a worker runs {@link PodSyncer} against the container
 * runtime and writes the pod's status. Around them: the node's registration, status and lease,
 * probes, a periodic pass that re-syncs every pod and removes containers no pod wants, and the
 * HTTP server. Startable in-process ({@code skiff up} runs it next to the apiserver); it talks to
 * the apiserver only through the given client. Closing it stops the kubelet and leaves the
 * containers running: the next kubelet on this node adopts them.
 */
public final class Kubelet implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Kubelet.class);

    private final KubeletConfig config;
    private final SkiffClient client;
    private final ContainerRuntime runtime;
    private final Clock clock = Clock.systemUTC();
    private final KubeletMetrics metrics = new KubeletMetrics();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kubelet-timer").daemon().factory());
    private final ConcurrentHashMap<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final AtomicLong runningPods = new AtomicLong();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private final String nodeIp;
    private SharedInformerFactory informers;
    private SharedInformer<Pod> podInformer;
    private MirrorPods mirrorPods;
    private StatusManager statuses;
    private ProbeManager probes;
    private ImagePuller images;
    private Backoff restarts;
    private VolumeManager volumes;
    private PodSyncer syncer;
    private PodWorkers workers;
    private PodConfig podConfig;
    private NodeStatusManager nodeStatus;
    private KubeletServer server;
    private volatile boolean started;
    private volatile boolean closed;

    /** The client and the runtime stay the caller's: closing the kubelet does not close them. */
    public Kubelet(KubeletConfig config, SkiffClient client, ContainerRuntime runtime) {
        this.config = config;
        this.client = client;
        this.runtime = runtime;
        this.nodeIp = HostInfo.nodeIp(config.address());
    }

    public synchronized Kubelet start() {
        if (started) {
            return this;
        }
        started = true;
        try {
            wire();
        } catch (RuntimeException | Error e) {
            close(); // what was started (server, informers, threads) goes again
            throw e;
        }
        return this;
    }

    private void wire() {
        try {
            Files.createDirectories(config.rootDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the kubelet root directory " + config.rootDir(), e);
        }
        String runtimeName = runtimeName();
        informers = new SharedInformerFactory(client, Duration.ZERO);
        podInformer = informers.informerFor(Pod.class, null,
                ListOptions.fieldSelector("spec.nodeName=" + config.nodeName()));
        mirrorPods = new MirrorPods(client, podInformer.getIndexer());
        statuses = new StatusManager(client, this::apiPodOf);
        ApiEventRecorder events = closing(new ApiEventRecorder(client, config.nodeName()));
        probes = closing(new ProbeManager(new Prober(runtime), events, uid -> workers.resync(uid)));
        images = new ImagePuller(runtime, events, new Backoff(config.imageBackOffInitial(), config.imageBackOffMax(), clock));
        restarts = new Backoff(config.backOffInitial(), config.backOffMax(), clock);
        volumes = new VolumeManager(config.rootDir());
        syncer = new PodSyncer(config, runtime, volumes, images, restarts, probes, statuses, events, nodeIp,
                runtimeName, clock);
        workers = new PodWorkers(this::work, timer, Duration.ofMillis(500), config.syncFrequency());
        Set<PodConfig.Source> sources = config.manifestDir() == null ? EnumSet.of(PodConfig.Source.API)
                : EnumSet.of(PodConfig.Source.API, PodConfig.Source.FILE);
        podConfig = new PodConfig(new PodConfig.Listener() {
            @Override
            public void podUpdated(Pod pod) {
                firstSeenNanos.putIfAbsent(pod.metadata().uid(), System.nanoTime());
                workers.update(PodWork.sync(pod));
            }

            @Override
            public void podRemoved(Pod pod) {
                workers.update(PodWork.kill(pod, removalGrace(pod)));
            }
        }, sources);
        metrics.bind(runningPods::get, () -> podConfig.uids().size(), statuses::writes, images::pulls,
                images::pullFailures, probes::probesRun, probes::probesFailed);

        server = closing(new KubeletServer(config.address(), config.port(), new PodsView(), runtime, metrics,
                client.scheme()).start());
        nodeStatus = new NodeStatusManager(client, runtime, config.nodeName(), nodeIp, config.maxPods(), clock);
        nodeStatus.setKubeletPort(server.port());
        NodeLease lease = new NodeLease(client, config.nodeName(), config.leaseDuration(), clock, nodeStatus::nodeUid);
        Thread.ofVirtual().name("kubelet-register").start(() -> registerThen(() -> {
            every(config.nodeStatusUpdateFrequency(), "node status", nodeStatus::updateStatus);
            every(config.leaseRenewInterval(), "node lease", lease::renew);
            lease.renew();
        }));

        closing(new ApiserverPodSource(podInformer, podConfig)).start();
        closing(new io.skiff.kubelet.proxy.ServiceProxy(client, config.address())).start(); // node ports, see docs
        if (config.manifestDir() != null) {
            closing(new StaticPodSource(config.manifestDir(), config.nodeName(), podConfig,
                    config.manifestCheckFrequency(), client.scheme())).start();
        }
        every(config.syncFrequency(), "sync pods", this::syncAllPods);
        log.info("Kubelet started for node {} (root {}, runtime {}, node IP {}, port {})", config.nodeName(),
                config.rootDir(), runtimeName, nodeIp, server.port());
    }

    /** The HTTP server's port. */
    public int port() {
        return server.port();
    }

    public KubeletConfig config() {
        return config;
    }

    public KubeletMetrics metrics() {
        return metrics;
    }

    /** Whether the node is registered and every pod source has delivered its first view. */
    public boolean isReady() {
        return nodeStatus != null && nodeStatus.isRegistered() && podConfig.allSourcesReady();
    }

    /** Waits until {@link #isReady()}; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    // ---- the pod worker's job --------------------------------------------------------------

    private Duration work(PodWork w) throws Exception {
        Pod pod = w.pod();
        String uid = pod.metadata().uid();
        long start = System.nanoTime();
        try {
            if (w.type() == PodWorkers.WorkType.KILL) {
                syncer.killPod(pod, w.grace());
                if (MirrorPods.isStatic(pod)) {
                    mirrorPods.deleteMirrorOf(pod);
                }
                forget(uid);
                return null;
            }
            if (MirrorPods.isStatic(pod)) {
                ensureMirror(pod);
            }
            if (pod.metadata().deletionTimestamp() != null) {
                syncer.killPod(pod, remainingGrace(pod));
                deleteFromApi(pod);
                return null;
            }
            Duration again = syncer.syncPod(pod);
            observeStartup(uid);
            return again;
        } catch (Exception e) {
            metrics.syncErrors.increment();
            throw e;
        } finally {
            metrics.podWorkerDuration.observe(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void ensureMirror(Pod pod) {
        try {
            mirrorPods.ensure(pod);
        } catch (ApiException e) {
            log.warn("Cannot mirror static pod {}/{} into the apiserver: {}", pod.namespace(), pod.name(), e.getMessage());
        }
    }

    /** Its containers are gone: the pod object goes now (grace 0), if it is still the same pod. */
    private void deleteFromApi(Pod pod) {
        try {
            client.pods(pod.namespace()).delete(pod.name(), new DeleteOptions(0L,
                    new DeleteOptions.Preconditions(pod.metadata().uid(), null), null, null, null));
            log.info("Deleted pod {}/{} after its containers stopped", pod.namespace(), pod.name());
        } catch (ApiException e) {
            if (!e.isNotFound() && !e.isConflict()) {
                throw e;
            }
        }
    }

    private void observeStartup(String uid) {
        Long seen = firstSeenNanos.get(uid);
        if (seen != null && statuses.lastWritten(uid).map(s -> PodStatus.PHASE_RUNNING.equals(s.phase())).orElse(false)
                && firstSeenNanos.remove(uid, seen)) {
            metrics.podStartDuration.observe(Duration.ofNanos(System.nanoTime() - seen));
        }
    }

    private void forget(String uid) {
        statuses.forget(uid);
        restarts.forgetPrefix(uid + "/");
        images.forget(uid);
        probes.removePod(uid);
        firstSeenNanos.remove(uid);
    }

    /** What is left of a deleted pod's grace period: its deletion time minus now, within its grace. */
    Duration remainingGrace(Pod pod) {
        Long graceSeconds = pod.metadata().deletionGracePeriodSeconds();
        Duration grace = graceSeconds != null ? Duration.ofSeconds(Math.max(0, graceSeconds)) : PodSyncer.grace(pod);
        Instant deadline = pod.metadata().deletionTimestamp();
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left.compareTo(grace) > 0 ? grace : left;
    }

    /** A pod gone from its source: a static pod stops gracefully; one gone from the apiserver was deleted there. */
    private static Duration removalGrace(Pod pod) {
        if (MirrorPods.isStatic(pod)) {
            return PodSyncer.grace(pod);
        }
        Long seconds = pod.metadata().deletionGracePeriodSeconds();
        return Duration.ofSeconds(seconds == null ? 0 : Math.max(0, seconds));
    }

    /** The pod object in the apiserver that shows a pod: itself (same uid), or a static pod's mirror. */
    private Optional<Pod> apiPodOf(Pod pod) {
        if (MirrorPods.isStatic(pod)) {
            return mirrorPods.mirrorOf(pod);
        }
        return podInformer.getIndexer().get(pod.namespace(), pod.name())
                .filter(p -> pod.metadata().uid().equals(p.metadata().uid()));
    }

    // ---- periodic passes -------------------------------------------------------------------

    /** SyncPods: every pod again, then housekeeping. */
    private void syncAllPods() {
        for (Pod pod : podConfig.pods()) {
            workers.syncIfKnown(pod);
        }
        if (podConfig.allSourcesReady()) {
            housekeeping();
        }
    }

    /**
     * Removes what no pod wants: containers of pods that are neither desired nor being killed
     * (this is how a restarted kubelet recovers from pods deleted while it was away), and their
     * volume directories. The engine and the disk are read before the set of wanted pods, so a
     * pod added meanwhile is never mistaken for an orphan.
     */
    private void housekeeping() {
        List<RuntimeContainer> all = runtime.listContainers(Map.of(ContainerLabels.NODE, config.nodeName()), true);
        Set<String> onDisk = volumes.podsOnDisk();
        Set<String> wanted = new HashSet<>(podConfig.uids());
        wanted.addAll(workers.activeUids());
        long running = 0;
        for (RuntimeContainer rc : all) {
            String uid = rc.label(ContainerLabels.POD_UID);
            if (uid == null || wanted.contains(uid)) {
                running += ContainerLabels.isInfra(rc) && rc.isRunning() ? 1 : 0;
                continue;
            }
            try {
                log.info("Removing container {} ({}) of pod {}/{} ({}): no such pod on this node", rc.name(), rc.id(),
                        rc.label(ContainerLabels.POD_NAMESPACE), rc.label(ContainerLabels.POD_NAME), uid);
                runtime.remove(rc.id());
                metrics.orphansRemoved.increment();
            } catch (ContainerRuntimeException e) {
                log.warn("Cannot remove orphaned container {}: {}", rc.id(), e.getMessage());
            }
        }
        runningPods.set(running);
        for (String uid : onDisk) {
            if (!wanted.contains(uid)) {
                volumes.tearDown(uid);
            }
        }
    }

    private void registerThen(Runnable next) {
        long delayMillis = 200;
        while (!closed) {
            try {
                nodeStatus.register();
                next.run();
                return;
            } catch (RuntimeException e) {
                log.warn("Cannot register node {} yet, retrying in {}ms: {}", config.nodeName(), delayMillis, e.getMessage());
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                return;
            }
            delayMillis = Math.min(delayMillis * 2, 7000);
        }
    }

    /** Runs {@code job} every {@code period} on a virtual thread of its own, never two at once. */
    private void every(Duration period, String name, Runnable job) {
        AtomicBoolean busy = new AtomicBoolean();
        timer.scheduleWithFixedDelay(() -> {
            if (closed || !busy.compareAndSet(false, true)) {
                return;
            }
            Thread.ofVirtual().name("kubelet-" + name.replace(' ', '-')).start(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    log.warn("{} failed: {}", name, e.toString());
                } finally {
                    busy.set(false);
                }
            });
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String runtimeName() {
        try {
            return runtime.version().name();
        } catch (ContainerRuntimeException e) {
            log.warn("Container runtime does not answer yet: {}", e.getMessage());
            return "docker";
        }
    }

    private <T extends AutoCloseable> T closing(T c) {
        closeables.add(c);
        return c;
    }

    /** Stops the kubelet; its containers keep running (the next kubelet adopts them). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        if (informers != null) {
            informers.stop();
        }
        if (workers != null) {
            workers.close();
        }
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.debug("closing {}: {}", closeables.get(i), e.toString());
            }
        }
        log.info("Kubelet for node {} stopped", config.nodeName());
    }

    /** What the HTTP server shows. */
    private final class PodsView implements KubeletServer.PodsView {
        @Override
        public List<Pod> pods() {
            List<Pod> pods = new ArrayList<>();
            for (Pod p : podConfig.pods()) {
                pods.add(p.withStatus(statuses.lastWritten(p.metadata().uid()).orElse(p.status())));
            }
            return pods;
        }

        @Override
        public Optional<String> containerId(String namespace, String podName, String containerName, boolean previous) {
            Optional<Pod> pod = podConfig.find(namespace, podName);
            if (pod.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> labels = new java.util.LinkedHashMap<>(ContainerConfigs.podLabels(config.nodeName(), pod.get()));
            labels.put(ContainerLabels.CONTAINER_NAME, containerName);
            List<RuntimeContainer> history = runtime.listContainers(labels, true).stream()
                    .filter(rc -> !ContainerLabels.isInfra(rc))
                    .sorted(PodStatusGenerator.newestFirst()).toList();
            int index = previous ? 1 : 0;
            return history.size() > index ? Optional.of(history.get(index).id()) : Optional.empty();
        }
    }
}
