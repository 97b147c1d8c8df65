package io.skiff.kubelet.pod;

import io.skiff.api.core.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker per pod, each a virtual thread that exists while the pod has work: updates of one
 * pod are applied one at a time, in order, and a burst of them collapses to the newest (the
 * worker takes only the latest desired state when it is free again). Pods never wait for each
 * other: a pod stuck pulling an image or stopping slowly holds only its own worker. A sync that
 * fails is retried after a growing delay; a sync may ask to be run again after some time (a
 * back-off ending). A kill, once asked, is never replaced by a sync: a pod added again meanwhile
 * (its source had it removed, then back) is synced after the kill; the periodic re-sync of a pod
 * being killed, or already gone, does nothing. After a kill the worker is gone.
 */
public final class PodWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PodWorkers.class);

    public enum WorkType { SYNC, KILL }

    /** What a worker should make true: the pod as desired, or gone (with this grace period). */
    public record PodWork(Pod pod, WorkType type, Duration grace) {
        public static PodWork sync(Pod pod) {
            return new PodWork(pod, WorkType.SYNC, null);
        }

        public static PodWork kill(Pod pod, Duration grace) {
            return new PodWork(pod, WorkType.KILL, grace);
        }

        String uid() {
            return pod.metadata().uid();
        }
    }

    /** Does the work once. */
    public interface SyncFunction {
        /** @return when to run the pod's latest work again at the latest, or null for no such need */
        Duration sync(PodWork work) throws Exception;
    }

    private final SyncFunction syncFunction;
    private final ScheduledExecutorService timer;
    private final Duration errorBackoffInitial;
    private final Duration errorBackoffMax;
    private final ConcurrentHashMap<String, Worker> workers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public PodWorkers(SyncFunction syncFunction, ScheduledExecutorService timer, Duration errorBackoffInitial,
                      Duration errorBackoffMax) {
        this.syncFunction = syncFunction;
        this.timer = timer;
        this.errorBackoffInitial = errorBackoffInitial;
        this.errorBackoffMax = errorBackoffMax;
    }

    /** Hands the pod's newest desired state to its worker (starting one if it has none). */
    public void update(PodWork work) {
        if (closed) {
            return;
        }
        workers.compute(work.uid(), (uid, w) -> {
            Worker worker = w != null ? w : new Worker(uid);
            worker.offer(work);
            return worker;
        });
    }

    /**
     * The periodic re-sync: hands the pod to its worker if it has one and is not being killed.
     * Never starts a worker, so a late re-sync of a pod that was just killed brings nothing back.
     */
    public void syncIfKnown(Pod pod) {
        Worker w = workers.get(pod.metadata().uid());
        if (w != null && !closed) {
            w.offerUnlessKilling(PodWork.sync(pod));
        }
    }

    /** Runs the pod's latest work again unless newer work is already waiting. */
    public void resync(String uid) {
        Worker w = workers.get(uid);
        if (w != null && !closed) {
            w.again();
        }
    }

    /** Whether the pod has a worker (it is known, or still being killed). */
    public boolean isActive(String uid) {
        return workers.containsKey(uid);
    }

    public Set<String> activeUids() {
        return Set.copyOf(workers.keySet());
    }

    /** How many workers are syncing right now. */
    public int busy() {
        return (int) workers.values().stream().filter(Worker::isRunning).count();
    }

    /** Whether the work ends the pod: a kill, or a sync of a pod being deleted. */
    static boolean terminates(PodWork work) {
        return work.type() == WorkType.KILL || work.pod().metadata().deletionTimestamp() != null;
    }

    /** Stops every worker: a sync in progress is interrupted where it waits. Containers stay as they are. */
    @Override
    public void close() {
        closed = true;
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers.values()) {
            Thread t = w.cancel();
            if (t != null) {
                threads.add(t);
            }
        }
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Worker {
        private final String uid;
        private PodWork pending;
        private PodWork last;
        /** A sync that came after a kill (the pod was added again): it runs once the kill is done. */
        private PodWork afterKill;
        private boolean running;
        private Thread thread;
        private ScheduledFuture<?> timerTask;
        private int failures;

        Worker(String uid) {
            this.uid = uid;
        }

        synchronized void offer(PodWork work) {
            PodWork newest = pending != null ? pending : last;
            if (newest != null && newest.type() == WorkType.KILL && work.type() == WorkType.SYNC) {
                afterKill = work; // the kill goes on; the pod runs again after it
                return;
            }
            pending = work;
            // A pod that is to stop must not wait for a sync that may take minutes (an image pull):
            // that sync is interrupted, and the stop runs next.
            if (running && thread != null && terminates(work) && last != null && !terminates(last)) {
                log.info("Interrupting the sync of pod {}/{} to stop it", work.pod().namespace(), work.pod().name());
                thread.interrupt();
            }
            startIfIdle();
        }

        synchronized void offerUnlessKilling(PodWork work) {
            PodWork newest = pending != null ? pending : last;
            if (newest == null || newest.type() != WorkType.KILL) {
                offer(work);
            }
        }

        synchronized void again() {
            if (pending == null && last != null) {
                pending = last;
                startIfIdle();
            }
        }

        synchronized boolean isRunning() {
            return running;
        }

        private void startIfIdle() {
            if (!running && !closed) {
                running = true;
                Pod pod = pending.pod();
                thread = Thread.ofVirtual().name("pod-worker-" + pod.namespace() + "/" + pod.name()).start(this::run);
            }
        }

        private void run() {
            while (true) {
                PodWork work;
                Thread.interrupted(); // an interrupt was for the sync before, not for the next one
                synchronized (this) {
                    work = pending;
                    pending = null;
                    if (work == null || closed) {
                        running = false;
                        return;
                    }
                    last = work;
                    if (timerTask != null) {
                        timerTask.cancel(false);
                        timerTask = null;
                    }
                }
                Duration again;
                boolean ok;
                try {
                    again = syncFunction.sync(work);
                    ok = true;
                    failures = 0;
                } catch (Exception e) {
                    if (closed) {
                        return;
                    }
                    if (isPending()) {
                        log.info("Sync of pod {}/{} gave way to newer work: {}", work.pod().namespace(),
                                work.pod().name(), e.toString());
                        continue;
                    }
                    ok = false;
                    failures++;
                    again = errorDelay(failures);
                    log.warn("Error syncing pod {}/{} ({}), retrying in {}ms: {}", work.pod().namespace(),
                            work.pod().name(), uid, again.toMillis(), e.toString());
                    log.debug("Sync failure of pod {}", uid, e);
                }
                if (ok && work.type() == WorkType.KILL && finishKill()) {
                    return;
                }
                if (again != null) {
                    schedule(again);
                }
            }
        }

        private synchronized boolean isPending() {
            return pending != null;
        }

        /** After a kill: the worker goes, unless the pod was added again meanwhile (then it syncs next). */
        private boolean finishKill() {
            synchronized (this) {
                if (afterKill != null) {
                    pending = afterKill;
                    last = null;
                    afterKill = null;
                    return false;
                }
                running = false;
                pending = null;
            }
            workers.remove(uid, this);
            return true;
        }

        private synchronized void schedule(Duration delay) {
            if (closed) {
                return;
            }
            if (timerTask != null) {
                timerTask.cancel(false);
            }
            timerTask = timer.schedule(this::again, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        }

        synchronized Thread cancel() {
            if (timerTask != null) {
                timerTask.cancel(false);
            }
            pending = null;
            if (thread != null && running) {
                thread.interrupt();
                return thread;
            }
            return null;
        }

        private Duration errorDelay(int failures) {
            long millis = errorBackoffInitial.toMillis() << Math.min(failures - 1, 16);
            return Duration.ofMillis(Math.min(millis, errorBackoffMax.toMillis()));
        }
    }
}
