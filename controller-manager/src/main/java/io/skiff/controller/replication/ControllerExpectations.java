package io.skiff.controller.replication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a controller has asked the apiserver to do and not yet seen through its watch, per
 * controller key, as Kubernetes' {@code UIDTrackingControllerExpectations}: a count of pod
 * creations, and the keys of the pods it deleted. Until they are all observed (or five minutes
 * pass, in case a watch event was lost) the controller does not create or delete again: its
 * informer cache would show it too few or too many pods and it would act twice.
 *
 * <p>Deletions are tracked by pod key, not counted, because a gracefully deleted pod is seen
 * twice (first with a deletionTimestamp, then DELETED) and must be counted once.
 */
public final class ControllerExpectations {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Expectation> byController = new ConcurrentHashMap<>();

    private static final class Expectation {
        int creations;
        final Set<String> deletions = new HashSet<>();
        Instant setAt;
    }

    public ControllerExpectations() {
        this(Clock.systemUTC(), DEFAULT_TTL);
    }

    public ControllerExpectations(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Nothing is pending for the controller (or what is pending has expired): it may act. */
    public boolean satisfied(String controllerKey) {
        Expectation e = byController.get(controllerKey);
        if (e == null) {
            return true;
        }
        synchronized (e) {
            if (e.creations <= 0 && e.deletions.isEmpty()) {
                return true;
            }
            return !clock.instant().isBefore(e.setAt.plus(ttl));
        }
    }

    /** The controller is about to create {@code count} pods (replaces what was pending). */
    public void expectCreations(String controllerKey, int count) {
        set(controllerKey, count, Set.of());
    }

    /** The controller is about to delete these pods (replaces what was pending). */
    public void expectDeletions(String controllerKey, Set<String> podKeys) {
        set(controllerKey, 0, podKeys);
    }

    /** A pod created by the controller was seen (or a create failed or was skipped: it never will be). */
    public void creationObserved(String controllerKey) {
        Expectation e = byController.get(controllerKey);
        if (e != null) {
            synchronized (e) {
                e.creations--;
            }
        }
    }

    /** A pod the controller deleted was seen going (or the delete failed); counted once per pod. */
    public void deletionObserved(String controllerKey, String podKey) {
        Expectation e = byController.get(controllerKey);
        if (e != null) {
            synchronized (e) {
                e.deletions.remove(podKey);
            }
        }
    }

    /** The controller is gone: forget it. */
    public void delete(String controllerKey) {
        byController.remove(controllerKey);
    }

    /** Pending creations and deletions, for logs and tests. */
    public String describe(String controllerKey) {
        Expectation e = byController.get(controllerKey);
        if (e == null) {
            return "none";
        }
        synchronized (e) {
            return "add=" + e.creations + " del=" + e.deletions.size();
        }
    }

    private void set(String controllerKey, int creations, Set<String> deletions) {
        Expectation e = new Expectation();
        e.creations = creations;
        e.deletions.addAll(deletions);
        e.setAt = clock.instant();
        byController.put(controllerKey, e);
    }
}
