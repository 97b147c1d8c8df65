package io.skiff.kubelet.probe;

import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Probe;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.status.EventRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the liveness and readiness probes of every running container, each on its own virtual
 * thread and schedule ({@code initialDelaySeconds} from the container's start, then every
 * {@code periodSeconds}; {@code successThreshold}/{@code failureThreshold} consecutive results
 * flip it). Results are kept by engine container id, so a restarted container starts afresh.
 * A changed result asks the pod's worker to sync (the listener): a failed liveness probe gets the
 * container killed and restarted there, a readiness change gets the status written.
 */
public final class ProbeManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProbeManager.class);

    /** Told when a probe result of a pod changed. */
    public interface Listener {
        void probeResultChanged(String podUid);
    }

    private record Key(String podUid, String containerName, ProbeType type) {}

    private final Prober prober;
    private final EventRecorder events;
    private final Listener listener;
    private final ConcurrentHashMap<Key, Worker> workers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> ready = new ConcurrentHashMap<>();
    private final Set<String> unhealthy = ConcurrentHashMap.newKeySet();
    private final LongAdder probes = new LongAdder();
    private final LongAdder failures = new LongAdder();

    public ProbeManager(Prober prober, EventRecorder events, Listener listener) {
        this.prober = prober;
        this.events = events;
        this.listener = listener;
    }

    /**
     * Makes the probe workers of a pod match its running containers: one per probe of each running
     * container, none for anything else.
     *
     * @param initiallyReady whether a container (by id) was ready before this kubelet saw it: an
     *                       adopted container keeps its readiness until its first probe says otherwise
     */
    public void sync(Pod pod, String podIp, List<RuntimeContainer> running, Predicate<String> initiallyReady) {
        String uid = pod.metadata().uid();
        for (Container c : pod.spec().containers()) {
            RuntimeContainer rc = running.stream()
                    .filter(r -> r.isRunning() && c.name().equals(r.label(ContainerLabels.CONTAINER_NAME))
                            && !ContainerLabels.isInfra(r))
                    .findFirst().orElse(null);
            ensure(new Key(uid, c.name(), ProbeType.LIVENESS), pod, c, c.livenessProbe(), rc, podIp, initiallyReady);
            ensure(new Key(uid, c.name(), ProbeType.READINESS), pod, c, c.readinessProbe(), rc, podIp, initiallyReady);
        }
        // Containers no longer in the spec.
        workers.forEach((key, worker) -> {
            if (key.podUid().equals(uid) && pod.spec().containers().stream().noneMatch(c -> c.name().equals(key.containerName()))) {
                stop(key, worker);
            }
        });
    }

    private void ensure(Key key, Pod pod, Container c, Probe probe, RuntimeContainer rc, String podIp,
                        Predicate<String> initiallyReady) {
        Worker existing = workers.get(key);
        if (probe == null || rc == null || podIp == null) {
            if (existing != null) {
                stop(key, existing);
            }
            return;
        }
        if (existing != null && existing.containerId.equals(rc.id()) && existing.probe.equals(probe)) {
            return;
        }
        if (existing != null) {
            stop(key, existing);
        }
        if (key.type() == ProbeType.READINESS) {
            ready.put(rc.id(), initiallyReady.test(rc.id()));
        }
        Worker w = new Worker(key, pod, c, probe, rc, podIp);
        workers.put(key, w);
        w.thread = Thread.ofVirtual().name("probe-" + key.type().name().toLowerCase() + "-" + pod.name() + "-" + c.name())
                .start(w::run);
    }

    /** Whether a liveness probe has declared the container dead. */
    public boolean livenessFailed(String containerId) {
        return unhealthy.contains(containerId);
    }

    /**
     * Whether a running container is ready: without a readiness probe, always; with one, as its
     * probe last decided, or empty when no probe worker runs for it yet.
     */
    public Optional<Boolean> readiness(String containerId, Container spec) {
        return spec.readinessProbe() == null ? Optional.of(true) : Optional.ofNullable(ready.get(containerId));
    }

    /** Stops every worker of a pod. */
    public void removePod(String podUid) {
        workers.forEach((key, worker) -> {
            if (key.podUid().equals(podUid)) {
                stop(key, worker);
            }
        });
    }

    public long probesRun() {
        return probes.sum();
    }

    public long probesFailed() {
        return failures.sum();
    }

    private void stop(Key key, Worker worker) {
        if (workers.remove(key, worker)) {
            worker.stop();
            if (key.type() == ProbeType.READINESS) {
                ready.remove(worker.containerId);
            } else {
                unhealthy.remove(worker.containerId);
            }
        }
    }

    @Override
    public void close() {
        workers.forEach(this::stop);
    }

    /** The probe loop of one probe of one container. */
    private final class Worker {
        private final Key key;
        private final Pod pod;
        private final Container container;
        private final Probe probe;
        private final String containerId;
        private final Instant startedAt;
        private final Prober.Target target;
        private volatile boolean stopped;
        private volatile Thread thread;

        Worker(Key key, Pod pod, Container container, Probe probe, RuntimeContainer rc, String podIp) {
            this.key = key;
            this.pod = pod;
            this.container = container;
            this.probe = probe;
            this.containerId = rc.id();
            this.startedAt = rc.startedAt() == null ? Instant.now() : rc.startedAt();
            this.target = new Prober.Target(podIp, container, rc.id());
        }

        void run() {
            int period = positive(probe.periodSeconds(), 10);
            int successThreshold = key.type() == ProbeType.LIVENESS ? 1 : positive(probe.successThreshold(), 1);
            int failureThreshold = positive(probe.failureThreshold(), 3);
            int successes = 0;
            int failed = 0;
            try {
                Duration initial = Duration.between(Instant.now(),
                        startedAt.plusSeconds(probe.initialDelaySeconds() == null ? 0 : probe.initialDelaySeconds()));
                if (initial.isPositive()) {
                    Thread.sleep(initial);
                }
                while (!stopped) {
                    ProbeOutcome outcome = prober.probe(probe, target);
                    if (stopped) {
                        return;
                    }
                    probes.increment();
                    if (outcome.result() == ProbeOutcome.Result.ERROR) {
                        // Not the container's answer: thrown away, as Kubernetes' prober does.
                        log.info("{} probe of {}/{} container {} errored: {}", key.type().display(),
                                pod.namespace(), pod.name(), container.name(), outcome.message());
                        events.warning(pod, container.name(), EventRecorder.Reasons.UNHEALTHY,
                                key.type().display() + " probe errored: " + outcome.message());
                    } else if (outcome.success()) {
                        successes++;
                        failed = 0;
                    } else {
                        failures.increment();
                        failed++;
                        successes = 0;
                        log.info("{} probe of {}/{} container {} failed ({} in a row): {}", key.type().display(),
                                pod.namespace(), pod.name(), container.name(), failed, outcome.message());
                        events.warning(pod, container.name(), EventRecorder.Reasons.UNHEALTHY,
                                key.type().display() + " probe failed: " + outcome.message());
                    }
                    if (key.type() == ProbeType.LIVENESS && failed >= failureThreshold) {
                        unhealthy.add(containerId);
                        listener.probeResultChanged(key.podUid());
                        return; // this container is done for; its successor gets a new worker
                    }
                    if (key.type() == ProbeType.READINESS) {
                        Boolean now = successes >= successThreshold ? Boolean.TRUE
                                : failed >= failureThreshold ? Boolean.FALSE : null;
                        if (now != null && !now.equals(ready.put(containerId, now))) {
                            listener.probeResultChanged(key.podUid());
                        }
                    }
                    Thread.sleep(Duration.ofSeconds(period));
                }
            } catch (InterruptedException e) {
                // stopped
            } catch (RuntimeException e) {
                log.warn("Probe worker of {}/{} container {} died: {}", pod.namespace(), pod.name(),
                        container.name(), e.toString(), e);
            }
        }

        void stop() {
            stopped = true;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    private static int positive(Integer value, int dflt) {
        return value == null || value < 1 ? dflt : value;
    }
}
