package io.skiff.kubelet.pod;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.kubelet.KubeletConfig;
import io.skiff.kubelet.probe.ProbeManager;
import io.skiff.kubelet.runtime.ContainerCreateException;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.ContainerNotFoundException;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerStartException;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.status.EventRecorder;
import io.skiff.kubelet.status.EventRecorder.Reasons;
import io.skiff.kubelet.status.PodStatusGenerator;
import io.skiff.kubelet.status.StatusManager;
import io.skiff.kubelet.volume.VolumeException;
import io.skiff.kubelet.volume.VolumeManager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SyncPod, in the manner of the 2014 kubelet with today's semantics: make the engine run what the
 * pod spec says, then report it. The infra container comes first (it owns the network namespace,
 * the host ports and the pod IP); then the volumes; then each container is kept when it runs,
 * its spec hash is unchanged and its liveness probe passes, or else killed and started again as
 * the restart policy says, after its back-off. Everything is read back from the engine's labels
 * on each sync, so a restarted kubelet picks up where the last one stopped. Called only by the
 * pod's own worker: two syncs of one pod never overlap.
 */
public final class PodSyncer {
    private static final Logger log = LoggerFactory.getLogger(PodSyncer.class);
    /** A sync slower than this is logged with where its time went. */
    private static final long SLOW_SYNC_NANOS = 5_000_000_000L;

    private final KubeletConfig config;
    private final ContainerRuntime runtime;
    private final VolumeManager volumes;
    private final ImagePuller images;
    private final Backoff restarts;
    private final ProbeManager probes;
    private final StatusManager statuses;
    private final EventRecorder events;
    private final String hostIp;
    private final String runtimeName;
    private final InstantSource clock;
    /** Pod IP by infra container id: it never changes for one infra container. */
    private final ConcurrentHashMap<String, String> podIps = new ConcurrentHashMap<>();

    public PodSyncer(KubeletConfig config, ContainerRuntime runtime, VolumeManager volumes, ImagePuller images,
                     Backoff restarts, ProbeManager probes, StatusManager statuses, EventRecorder events,
                     String hostIp, String runtimeName, InstantSource clock) {
        this.config = config;
        this.runtime = runtime;
        this.volumes = volumes;
        this.images = images;
        this.restarts = restarts;
        this.probes = probes;
        this.statuses = statuses;
        this.events = events;
        this.hostIp = hostIp;
        this.runtimeName = runtimeName;
        this.clock = clock;
    }

    /**
     * Brings the pod's containers to its spec and writes its status.
     *
     * @return when to sync this pod again at the latest (a back-off ending), or null for the periodic pass
     */
    public Duration syncPod(Pod pod) {
        long t0 = System.nanoTime();
        Map<String, String> podLabels = ContainerConfigs.podLabels(config.nodeName(), pod);
        List<RuntimeContainer> all = runtime.listContainers(podLabels, true);
        long tList = System.nanoTime();
        // Report what is there before changing anything, as the kubelet does: a pod whose image takes
        // minutes to pull shows ContainerCreating meanwhile, not nothing.
        RuntimeContainer runningInfra = all.stream().filter(rc -> ContainerLabels.isInfra(rc) && rc.isRunning())
                .findFirst().orElse(null);
        PodStatus known = statuses.current(pod);
        PodStatus previous = report(pod, known, known, all, Map.of(), runningInfra);
        Sync sync = new Sync(pod, previous);
        long tReport = System.nanoTime();

        List<RuntimeContainer> before = all;
        boolean needsInfra = !PodStatusGenerator.terminal(previous == null ? null : previous.phase())
                && pod.spec().containers().stream().anyMatch(c -> sync.wantsToRun(c, newest(before, c.name())));
        RuntimeContainer infra = needsInfra ? ensureInfra(pod, all, sync) : stopInfra(all);
        if (sync.changed) {
            all = runtime.listContainers(podLabels, true);
            sync.changed = false;
        }
        long tInfra = System.nanoTime();

        Map<String, Path> mounts;
        try {
            mounts = volumes.setUp(pod);
        } catch (VolumeException e) {
            events.warning(pod, null, Reasons.FAILED_MOUNT, e.getMessage());
            for (Container c : pod.spec().containers()) {
                sync.waiting.put(c.name(), new ContainerState.Waiting(ContainerState.Waiting.REASON_CONTAINER_CREATING,
                        e.getMessage()));
            }
            sync.resyncWithin(config.backOffInitial());
            mounts = null;
        }
        if (infra != null && mounts != null) {
            for (Container c : pod.spec().containers()) {
                syncContainer(pod, c, all, infra, mounts, sync);
            }
        }
        removeLeftovers(pod, all, infra, sync);
        long tContainers = System.nanoTime();

        if (sync.changed) {
            all = runtime.listContainers(podLabels, true);
        }
        report(pod, previous, known, all, sync.waiting, infra);
        String podIp = infra == null ? null : podIp(pod, infra);
        probes.sync(pod, podIp, all.stream().filter(RuntimeContainer::isRunning).toList(),
                id -> wasReady(known, id));
        long tEnd = System.nanoTime();
        if (log.isDebugEnabled() || tEnd - t0 > SLOW_SYNC_NANOS) {
            String line = "Synced pod {}/{} in {}ms (list {}, report {}, infra {}, containers {}, report {})";
            Object[] args = {pod.namespace(), pod.name(), ms(tEnd - t0), ms(tList - t0), ms(tReport - tList),
                    ms(tInfra - tReport), ms(tContainers - tInfra), ms(tEnd - tContainers)};
            if (tEnd - t0 > SLOW_SYNC_NANOS) {
                log.info(line, args);
            } else {
                log.debug(line, args);
            }
        }
        return sync.resyncIn;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * Computes the pod's status from what the engine shows and writes it if it changed.
     *
     * @param known the status before this sync: readiness of containers no probe has answered for
     *              yet (adopted after a kubelet restart) is taken from it
     */
    private PodStatus report(Pod pod, PodStatus previous, PodStatus known, List<RuntimeContainer> all,
                             Map<String, ContainerState.Waiting> waiting, RuntimeContainer infra) {
        String podIp = infra == null ? null : podIp(pod, infra);
        List<RuntimeContainer> running = all.stream().filter(RuntimeContainer::isRunning).toList();
        Map<String, Container> specs = new HashMap<>();
        pod.spec().containers().forEach(c -> specs.put(c.name(), c));
        PodStatus status = PodStatusGenerator.generate(pod, previous, new PodStatusGenerator.Observation(all,
                waiting, id -> ready(id, running, specs, known), podIp, hostIp, runtimeName, clock.instant()));
        statuses.setStatus(pod, status);
        return status;
    }

    /** What one sync decided along the way. */
    private final class Sync {
        final Pod pod;
        final PodStatus previous;
        final Map<String, ContainerState.Waiting> waiting = new HashMap<>();
        /** Containers killed because their sandbox went: they start again at once. */
        final Set<String> noBackoff = new HashSet<>();
        boolean changed;
        Duration resyncIn;

        Sync(Pod pod, PodStatus previous) {
            this.pod = pod;
            this.previous = previous;
        }

        void resyncWithin(Duration d) {
            if (d != null && (resyncIn == null || d.compareTo(resyncIn) < 0)) {
                resyncIn = d;
            }
        }

        /** Whether the container runs now or is to be (re)started. */
        boolean wantsToRun(Container c, RuntimeContainer latest) {
            return latest == null || latest.isRunning() || shouldRestart(pod, latest);
        }
    }

    private RuntimeContainer ensureInfra(Pod pod, List<RuntimeContainer> all, Sync sync) {
        String hash = ContainerConfigs.infraHash(pod, config.podInfraImage(), config.podInfraCommand());
        List<RuntimeContainer> infras = all.stream().filter(ContainerLabels::isInfra)
                .sorted(PodStatusGenerator.newestFirst()).toList();
        RuntimeContainer current = infras.stream()
                .filter(rc -> rc.isRunning() && hash.equals(rc.label(ContainerLabels.CONTAINER_HASH)))
                .findFirst().orElse(null);
        for (RuntimeContainer old : infras) {
            if (old != current && old.isRunning()) {
                runtime.stop(old.id(), Duration.ZERO);
                sync.changed = true;
            }
        }
        if (current != null) {
            return current;
        }
        // A new network namespace: whatever ran in the old one has lost its network, so it goes too.
        for (RuntimeContainer rc : all) {
            if (!ContainerLabels.isInfra(rc) && rc.isRunning()) {
                String name = rc.label(ContainerLabels.CONTAINER_NAME);
                events.normal(pod, name, Reasons.KILLING, "Stopping container " + name + ": pod sandbox changed");
                runtime.stop(rc.id(), grace(pod));
                sync.noBackoff.add(name);
            }
        }
        if (!infras.isEmpty()) {
            events.normal(pod, null, Reasons.SANDBOX_CHANGED, "Pod sandbox changed, it will be killed and re-created.");
        }
        images.ensureInfra(config.podInfraImage());
        int attempt = infras.isEmpty() ? 0 : ContainerLabels.restartCount(infras.get(0)) + 1;
        String id;
        try {
            id = runtime.createAndStart(ContainerConfigs.infra(config.nodeName(), pod, config.podInfraImage(),
                    config.podInfraCommand(), attempt));
        } catch (ContainerStartException e) {
            runtime.remove(e.containerId());
            events.warning(pod, null, "FailedCreatePodSandBox", "Failed to create pod sandbox: " + e.getMessage());
            throw e;
        } catch (ContainerCreateException e) {
            events.warning(pod, null, "FailedCreatePodSandBox", "Failed to create pod sandbox: " + e.getMessage());
            throw e;
        }
        sync.changed = true;
        return runtime.inspect(id);
    }

    /** A pod that runs nothing any more keeps no infra container running. */
    private RuntimeContainer stopInfra(List<RuntimeContainer> all) {
        for (RuntimeContainer rc : all) {
            if (ContainerLabels.isInfra(rc) && rc.isRunning()) {
                runtime.stop(rc.id(), Duration.ZERO);
            }
        }
        return null;
    }

    private void syncContainer(Pod pod, Container c, List<RuntimeContainer> all, RuntimeContainer infra,
                               Map<String, Path> mounts, Sync sync) {
        List<RuntimeContainer> mine = history(all, c.name());
        RuntimeContainer latest = mine.isEmpty() ? null : mine.get(0);
        for (RuntimeContainer extra : mine.subList(Math.min(1, mine.size()), mine.size())) {
            if (extra.isRunning()) {
                log.info("Pod {}/{} runs container {} twice; stopping the older one {}", pod.namespace(), pod.name(),
                        c.name(), extra.id());
                runtime.stop(extra.id(), grace(pod));
                sync.changed = true;
            }
        }
        String hash = SpecHash.of(c);
        boolean skipBackoff = sync.noBackoff.contains(c.name());
        if (latest != null && latest.isRunning()) {
            boolean changed = !hash.equals(latest.label(ContainerLabels.CONTAINER_HASH));
            boolean unhealthy = probes.livenessFailed(latest.id());
            if (!changed && !unhealthy) {
                return;
            }
            events.normal(pod, c.name(), Reasons.KILLING, changed
                    ? "Container " + c.name() + " definition changed, will be restarted"
                    : "Container " + c.name() + " failed liveness probe, will be restarted");
            runtime.stop(latest.id(), grace(pod));
            sync.changed = true;
            latest = inspectOrNull(latest.id());
            skipBackoff |= changed;
            if (!changed && latest != null && !shouldRestart(pod, latest)) {
                return;
            }
        } else if (latest != null && !shouldRestart(pod, latest)) {
            return;
        }
        if (latest != null && !skipBackoff) {
            String key = pod.metadata().uid() + "/" + c.name();
            Instant finished = latest.finishedAt() != null ? latest.finishedAt() : clock.instant();
            Duration left = restarts.remainingSince(key, finished);
            if (left.isPositive()) {
                sync.waiting.put(c.name(), new ContainerState.Waiting(ContainerState.Waiting.REASON_CRASH_LOOP_BACK_OFF,
                        "back-off " + format(restarts.delay(key)) + " restarting failed container=" + c.name()
                                + " pod=" + pod.name() + "_" + pod.namespace() + "(" + pod.metadata().uid() + ")"));
                events.warning(pod, c.name(), Reasons.BACK_OFF, "Back-off restarting failed container");
                sync.resyncWithin(left);
                return;
            }
            restarts.next(key);
        }
        ImagePuller.Result image = images.ensure(pod, c);
        if (image instanceof ImagePuller.Waiting w) {
            sync.waiting.put(c.name(), w.reason());
            sync.resyncWithin(w.retryIn());
            return;
        }
        int attempt = latest == null ? 0 : ContainerLabels.restartCount(latest) + 1;
        sync.changed = true;
        try {
            runtime.createAndStart(ContainerConfigs.app(config.nodeName(), pod, c, hash, attempt, infra.id(), mounts));
            events.normal(pod, c.name(), Reasons.CREATED, "Created container " + c.name());
            events.normal(pod, c.name(), Reasons.STARTED, "Started container " + c.name());
        } catch (ContainerCreateException e) {
            sync.waiting.put(c.name(), new ContainerState.Waiting(ContainerState.Waiting.REASON_CREATE_CONTAINER_ERROR,
                    e.getMessage()));
            events.warning(pod, c.name(), Reasons.FAILED, "Error: " + e.getMessage());
            sync.resyncWithin(config.backOffInitial());
        } catch (ContainerStartException e) {
            // It stays, exited with the engine's error: the status shows it, the back-off paces the retries.
            events.warning(pod, c.name(), Reasons.FAILED, "Error: " + e.getMessage());
            sync.resyncWithin(config.backOffInitial());
        } catch (IllegalArgumentException e) {
            sync.waiting.put(c.name(), new ContainerState.Waiting(ContainerState.Waiting.REASON_CREATE_CONTAINER_ERROR,
                    e.getMessage()));
            events.warning(pod, c.name(), Reasons.FAILED, "Error: " + e.getMessage());
        }
    }

    /**
     * Stops containers the spec no longer has, and removes dead ones beyond the newest per
     * container (its last state) and old infra containers.
     */
    private void removeLeftovers(Pod pod, List<RuntimeContainer> all, RuntimeContainer infra, Sync sync) {
        Set<String> names = new HashSet<>();
        pod.spec().containers().forEach(c -> names.add(c.name()));
        Map<String, Integer> exitedSeen = new HashMap<>();
        for (RuntimeContainer rc : all.stream().sorted(PodStatusGenerator.newestFirst()).toList()) {
            String name = rc.label(ContainerLabels.CONTAINER_NAME);
            if (ContainerLabels.isInfra(rc)) {
                if (infra != null && !rc.id().equals(infra.id()) && !rc.isRunning()) {
                    remove(rc);
                    sync.changed = true;
                }
            } else if (!names.contains(name)) {
                if (rc.isRunning()) {
                    events.normal(pod, name, Reasons.KILLING, "Stopping container " + name + ": no longer in the pod spec");
                    runtime.stop(rc.id(), grace(pod));
                }
                remove(rc);
                sync.changed = true;
            } else if (!rc.isRunning() && exitedSeen.merge(name, 1, Integer::sum) > 1) {
                remove(rc);
                sync.changed = true;
            }
        }
    }

    /**
     * Stops every container of the pod (its app containers at once, each with {@code grace}, then
     * its infra container), removes them and the pod's volumes.
     */
    public void killPod(Pod pod, Duration grace) {
        String uid = pod.metadata().uid();
        probes.removePod(uid);
        List<RuntimeContainer> all = runtime.listContainers(ContainerConfigs.podLabels(config.nodeName(), pod), true);
        List<Thread> stops = new ArrayList<>();
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (RuntimeContainer rc : all) {
            if (!ContainerLabels.isInfra(rc) && rc.isRunning()) {
                String name = rc.label(ContainerLabels.CONTAINER_NAME);
                events.normal(pod, name, Reasons.KILLING, "Stopping container " + name);
                stops.add(Thread.ofVirtual().name("kill-" + rc.name()).start(() -> {
                    try {
                        runtime.stop(rc.id(), grace);
                    } catch (ContainerNotFoundException gone) {
                        // already removed
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }));
            }
        }
        for (Thread t : stops) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the containers of pod " + pod.name(), e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        for (RuntimeContainer rc : all) {
            remove(rc);
            podIps.remove(rc.id());
        }
        volumes.tearDown(uid);
        log.info("Killed pod {}/{} ({} containers, grace {}s)", pod.namespace(), pod.name(), all.size(),
                grace.toSeconds());
    }

    /** Whether a dead container is started again under the pod's restart policy. */
    static boolean shouldRestart(Pod pod, RuntimeContainer dead) {
        String policy = pod.spec().restartPolicy() == null ? PodSpec.RESTART_ALWAYS : pod.spec().restartPolicy();
        return switch (policy) {
            case PodSpec.RESTART_NEVER -> false;
            case PodSpec.RESTART_ON_FAILURE -> dead.exitCode() == null || dead.exitCode() != 0;
            default -> true;
        };
    }

    /** The pod's termination grace period. */
    public static Duration grace(Pod pod) {
        Long seconds = pod.spec().terminationGracePeriodSeconds();
        return Duration.ofSeconds(seconds == null ? 30 : Math.max(0, seconds));
    }

    private String podIp(Pod pod, RuntimeContainer infra) {
        if (ContainerConfigs.hostNetwork(pod)) {
            return hostIp;
        }
        return podIps.computeIfAbsent(infra.id(), id -> runtime.podIp(id).orElse(null));
    }

    private boolean ready(String containerId, List<RuntimeContainer> running, Map<String, Container> specs,
                          PodStatus known) {
        return running.stream().filter(rc -> rc.id().equals(containerId)).findFirst()
                .map(rc -> specs.get(rc.label(ContainerLabels.CONTAINER_NAME)))
                .map(spec -> !probes.livenessFailed(containerId)
                        && probes.readiness(containerId, spec).orElseGet(() -> wasReady(known, containerId)))
                .orElse(false);
    }

    private boolean wasReady(PodStatus previous, String containerId) {
        if (previous == null || previous.containerStatuses() == null) {
            return false;
        }
        String id = runtimeName + "://" + containerId;
        return previous.containerStatuses().stream()
                .anyMatch(s -> id.equals(s.containerID()) && Boolean.TRUE.equals(s.ready()));
    }

    private static List<RuntimeContainer> history(List<RuntimeContainer> all, String name) {
        return all.stream()
                .filter(rc -> name.equals(rc.label(ContainerLabels.CONTAINER_NAME)) && !ContainerLabels.isInfra(rc))
                .sorted(PodStatusGenerator.newestFirst())
                .toList();
    }

    private static RuntimeContainer newest(List<RuntimeContainer> all, String name) {
        List<RuntimeContainer> h = history(all, name);
        return h.isEmpty() ? null : h.get(0);
    }

    private RuntimeContainer inspectOrNull(String id) {
        try {
            return runtime.inspect(id);
        } catch (ContainerNotFoundException e) {
            return null;
        }
    }

    private void remove(RuntimeContainer rc) {
        runtime.remove(rc.id());
    }

    /** Go's duration spelling, as Kubernetes prints back-offs: {@code 10s}, {@code 2m40s}, {@code 5m0s}. */
    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return d.toMillis() % 1000 == 0 ? s + "s" : (d.toMillis() / 1000.0) + "s";
        }
        return s / 3600 > 0 ? (s / 3600) + "h" + (s % 3600 / 60) + "m" + (s % 60) + "s" : (s / 60) + "m" + (s % 60) + "s";
    }
}
