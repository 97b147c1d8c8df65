package io.skiff.controller;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodStatus;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.OwnerReference;
import java.time.Instant;
import java.util.List;

/** What several controllers ask of a pod: is it active, ready, available, who controls it. */
public final class Pods {
    private Pods() {}

    /** Counts toward a controller: not being deleted, not finished (Succeeded or Failed). */
    public static boolean isActive(Pod pod) {
        if (pod.metadata().deletionTimestamp() != null) {
            return false;
        }
        String phase = phase(pod);
        return !PodStatus.PHASE_SUCCEEDED.equals(phase) && !PodStatus.PHASE_FAILED.equals(phase);
    }

    public static String phase(Pod pod) {
        return pod.status() == null ? null : pod.status().phase();
    }

    public static boolean isScheduled(Pod pod) {
        return pod.spec() != null && pod.spec().nodeName() != null && !pod.spec().nodeName().isEmpty();
    }

    public static boolean isReady(Pod pod) {
        PodCondition c = readyCondition(pod);
        return c != null && PodCondition.TRUE.equals(c.status());
    }

    /** When the pod last became ready; null when it is not ready. */
    public static Instant readySince(Pod pod) {
        PodCondition c = readyCondition(pod);
        return c != null && PodCondition.TRUE.equals(c.status()) ? c.lastTransitionTime() : null;
    }

    /** Ready for at least {@code minReadySeconds} (a pod ready at an unknown time counts as just ready). */
    public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!isReady(pod)) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        Instant since = readySince(pod);
        return since != null && !since.plusSeconds(minReadySeconds).isAfter(now);
    }

    /** The owner reference with {@code controller: true}, or null. */
    public static OwnerReference controllerRef(KubeObject obj) {
        List<OwnerReference> refs = obj.metadata() == null ? null : obj.metadata().ownerReferences();
        if (refs != null) {
            for (OwnerReference r : refs) {
                if (Boolean.TRUE.equals(r.controller())) {
                    return r;
                }
            }
        }
        return null;
    }

    public static int restartCount(Pod pod) {
        if (pod.status() == null || pod.status().containerStatuses() == null) {
            return 0;
        }
        return pod.status().containerStatuses().stream()
                .mapToInt(s -> s.restartCount() == null ? 0 : s.restartCount()).max().orElse(0);
    }

    private static PodCondition readyCondition(Pod pod) {
        if (pod.status() == null || pod.status().conditions() == null) {
            return null;
        }
        for (PodCondition c : pod.status().conditions()) {
            if (PodCondition.TYPE_READY.equals(c.type())) {
                return c;
            }
        }
        return null;
    }
}
