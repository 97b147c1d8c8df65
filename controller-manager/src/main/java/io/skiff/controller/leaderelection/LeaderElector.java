package io.skiff.controller.leaderelection;

import io.skiff.api.coordination.Lease;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.client.ApiException;
import io.skiff.client.ResourceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-go's leader election on a Lease: acquire, renew, give up. Every write is a
 * compare-and-swap on the Lease's resourceVersion, so of two candidates racing for a free
 * lease exactly one wins. Expiry is judged on this process's clock from when it last saw the
 * lease record change, never from the holder's timestamps, so clock skew does not matter.
 *
 * <p>{@link #run} blocks: it tries to acquire every retryPeriod; once leading it calls
 * {@code onStartedLeading}, renews every retryPeriod, and the moment it has failed to renew for
 * renewDeadline (each attempt is cut off at that deadline too) it calls
 * {@code onStoppedLeading} and returns. {@link #stop} ends it and, if leading, releases the
 * lease so that another candidate takes over at once.
 */
public final class LeaderElector {
    private static final Logger log = LoggerFactory.getLogger(LeaderElector.class);

    /** What the owner of the elector does when leadership starts and ends. */
    public interface Callbacks {
        void onStartedLeading();

        void onStoppedLeading();

        default void onNewLeader(String identity) {}
    }

    private final ResourceClient<Lease> leases;
    private final LeaderElectionConfig config;
    private final Clock clock;
    private final Callbacks callbacks;

    // Written by attempts (serialized by the tryAcquireOrRenew lock), read by the renew loop
    // without that lock: an attempt stuck on the network must not delay giving up leadership.
    private volatile Lease.Spec observedRecord;
    private volatile Instant observedTime;
    private volatile String lastSeenLeader;
    private volatile boolean leading;
    private volatile boolean stopped;
    private volatile Thread runner;

    public LeaderElector(ResourceClient<Lease> leases, LeaderElectionConfig config, Clock clock, Callbacks callbacks) {
        if (!Objects.equals(leases.namespace(), config.namespace())) {
            throw new IllegalArgumentException("the lease client is for namespace " + leases.namespace()
                    + ", the election for " + config.namespace());
        }
        this.leases = leases;
        this.config = config;
        this.clock = clock;
        this.callbacks = callbacks;
    }

    public boolean isLeader() {
        return leading;
    }

    public String identity() {
        return config.identity();
    }

    /** Contends until leading, leads until renewal fails or {@link #stop}; then returns. */
    public void run() {
        runner = Thread.currentThread();
        try {
            if (!acquire()) {
                return;
            }
            leading = true;
            log.info("{} became the leader of {}/{}", config.identity(), config.namespace(), config.name());
            callbacks.onStartedLeading();
            renewUntilLost();
        } finally {
            Thread.interrupted(); // stop() interrupts our sleep; the hand-over below must still run
            if (leading) {
                leading = false;
                log.info("{} stopped leading {}/{}", config.identity(), config.namespace(), config.name());
                callbacks.onStoppedLeading();
                if (stopped) {
                    release(); // only now that nothing acts any more
                }
            }
            runner = null;
        }
    }

    /** Ends {@link #run}; a leader stops acting, then releases its lease. */
    public void stop() {
        stopped = true;
        Thread r = runner;
        if (r != null) {
            r.interrupt();
        }
    }

    private boolean acquire() {
        while (!stopped) {
            if (attempt(config.renewDeadline())) {
                return true;
            }
            if (!sleep(config.retryPeriod())) {
                return false;
            }
        }
        return false;
    }

    private void renewUntilLost() {
        Instant lastRenew = clock.instant();
        while (!stopped) {
            if (!sleep(config.retryPeriod())) {
                return;
            }
            Duration left = Duration.between(clock.instant(), lastRenew.plus(config.renewDeadline()));
            if (!left.isNegative() && !left.isZero() && attempt(left)) {
                lastRenew = clock.instant();
                continue;
            }
            if (heldByAnother()) {
                log.warn("{}: {}/{} is now held by {}: giving up leadership", config.identity(), config.namespace(),
                        config.name(), lastSeenLeader);
                return;
            }
            if (!clock.instant().isBefore(lastRenew.plus(config.renewDeadline()))) {
                log.warn("{} could not renew {}/{} for {}: giving up leadership", config.identity(),
                        config.namespace(), config.name(), config.renewDeadline());
                return;
            }
        }
    }

    /** One tryAcquireOrRenew, abandoned (counted as failed) after {@code timeout}. */
    private boolean attempt(Duration timeout) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        Thread.ofVirtual().name("leader-election-attempt").start(() -> {
            try {
                f.complete(tryAcquireOrRenew());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("{}: lease request took longer than {}", config.identity(), timeout);
            return false;
        } catch (ExecutionException e) {
            log.debug("{}: lease request failed: {}", config.identity(), e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized boolean tryAcquireOrRenew() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Lease current;
        try {
            current = leases.get(config.name());
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            Lease fresh = new Lease(ObjectMeta.of(config.namespace(), config.name()),
                    new Lease.Spec(config.identity(), seconds(config.leaseDuration()), now, now, 0));
            try {
                Lease created = leases.create(fresh);
                observe(created.spec(), clock.instant());
                return true;
            } catch (ApiException ce) {
                if (ce.isAlreadyExists()) {
                    return false;
                }
                throw ce;
            }
        }
        Lease.Spec spec = current.spec() == null ? new Lease.Spec(null, null, null, null, null) : current.spec();
        if (!Objects.equals(spec, observedRecord)) {
            observe(spec, clock.instant());
        }
        String holder = spec.holderIdentity();
        boolean mine = config.identity().equals(holder);
        if (!mine && holder != null && !holder.isEmpty()) {
            int duration = spec.leaseDurationSeconds() == null ? seconds(config.leaseDuration())
                    : spec.leaseDurationSeconds();
            if (clock.instant().isBefore(observedTime.plusSeconds(duration))) {
                return false; // held, and not expired as far as we have seen
            }
        }
        int transitions = spec.leaseTransitions() == null ? 0 : spec.leaseTransitions();
        Lease.Spec next = new Lease.Spec(config.identity(), seconds(config.leaseDuration()),
                mine && spec.acquireTime() != null ? spec.acquireTime() : now, now,
                mine ? transitions : transitions + 1);
        try {
            Lease updated = leases.update(current.withSpec(next)); // CAS on its resourceVersion
            observe(updated.spec(), clock.instant());
            return true;
        } catch (ApiException e) {
            if (e.isConflict()) {
                return false; // somebody else wrote it first
            }
            throw e;
        }
    }

    /** The last record we read names another holder (someone took the lease over). */
    private boolean heldByAnother() {
        String holder = observedRecord == null ? null : observedRecord.holderIdentity();
        return holder != null && !holder.isEmpty() && !holder.equals(config.identity());
    }

    private void observe(Lease.Spec spec, Instant at) {
        observedRecord = spec;
        observedTime = at;
        String leader = spec == null ? null : spec.holderIdentity();
        if (leader != null && !leader.isEmpty() && !leader.equals(lastSeenLeader)) {
            lastSeenLeader = leader;
            if (!leader.equals(config.identity())) {
                log.info("{}: the leader of {}/{} is {}", config.identity(), config.namespace(), config.name(), leader);
            }
            callbacks.onNewLeader(leader);
        }
    }

    /** Gives the lease up (holder cleared, 1 s duration) so a candidate need not wait for it to expire. */
    private void release() {
        try {
            leases.updateWithRetry(config.name(), l -> {
                if (l.spec() == null || !config.identity().equals(l.spec().holderIdentity())) {
                    return null;
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                return l.withSpec(new Lease.Spec(null, 1, null, now, l.spec().leaseTransitions()));
            }, Duration.ofSeconds(2));
            log.info("{} released {}/{}", config.identity(), config.namespace(), config.name());
        } catch (RuntimeException e) {
            log.warn("{} could not release {}/{}: {}", config.identity(), config.namespace(), config.name(),
                    e.toString());
        }
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static int seconds(Duration d) {
        return (int) Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
