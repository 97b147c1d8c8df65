package io.skiff.controller.replication;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodStatus;
import io.skiff.controller.Pods;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * Which pods a shrinking controller deletes first, as Kubernetes' {@code ActivePods} order: the
 * pods that cost least to lose come first.
 * <ol>
 *   <li>not scheduled before scheduled;
 *   <li>Pending before Unknown before Running;
 *   <li>not ready before ready;
 *   <li>ready for less time before ready for longer;
 *   <li>more container restarts before fewer;
 *   <li>newer before older (no creation time first).
 * </ol>
 */
public final class DeletionOrder implements Comparator<Pod> {
    public static final DeletionOrder INSTANCE = new DeletionOrder();

    private static final Map<String, Integer> PHASE_RANK =
            Map.of(PodStatus.PHASE_PENDING, 0, PodStatus.PHASE_UNKNOWN, 1, PodStatus.PHASE_RUNNING, 2);

    private DeletionOrder() {}

    @Override
    public int compare(Pod a, Pod b) {
        boolean sa = Pods.isScheduled(a);
        boolean sb = Pods.isScheduled(b);
        if (sa != sb) {
            return sa ? 1 : -1;
        }
        int pa = PHASE_RANK.getOrDefault(String.valueOf(Pods.phase(a)), 0);
        int pb = PHASE_RANK.getOrDefault(String.valueOf(Pods.phase(b)), 0);
        if (pa != pb) {
            return Integer.compare(pa, pb);
        }
        boolean ra = Pods.isReady(a);
        boolean rb = Pods.isReady(b);
        if (ra != rb) {
            return ra ? 1 : -1;
        }
        if (ra) {
            int c = newerFirst(Pods.readySince(a), Pods.readySince(b));
            if (c != 0) {
                return c;
            }
        }
        int restarts = Integer.compare(Pods.restartCount(b), Pods.restartCount(a));
        if (restarts != 0) {
            return restarts;
        }
        return newerFirst(a.metadata().creationTimestamp(), b.metadata().creationTimestamp());
    }

    /** Unknown (null) first, then the later time first. */
    private static int newerFirst(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return b.compareTo(a);
    }
}
