package io.skiff.controller.replication;

import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.meta.OwnerReference;
import io.skiff.controller.Pods;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which pods a replication controller owns, must adopt and must release, as Kubernetes'
 * {@code ClaimPods}: a pod belongs to the controller named by its controller ownerReference
 * (uid, not name: a controller deleted and re-created under the same name owns nothing of its
 * predecessor's). An orphan that matches the selector is adopted; an owned pod that no longer
 * matches is released. Nothing is adopted by a controller being deleted, nor released from it;
 * pods being deleted are neither adopted nor released.
 */
public record PodClaims(List<Pod> owned, List<Pod> toAdopt, List<Pod> toRelease) {

    public static PodClaims of(ReplicationController rc, Collection<Pod> pods) {
        List<Pod> owned = new ArrayList<>();
        List<Pod> adopt = new ArrayList<>();
        List<Pod> release = new ArrayList<>();
        String uid = rc.metadata().uid();
        boolean rcDeleting = rc.metadata().deletionTimestamp() != null;
        for (Pod p : pods) {
            OwnerReference ref = Pods.controllerRef(p);
            boolean podDeleting = p.metadata().deletionTimestamp() != null;
            boolean matches = selects(rc.spec().selector(), p.metadata().labels());
            if (ref != null) {
                if (!uid.equals(ref.uid())) {
                    continue;
                }
                if (matches) {
                    owned.add(p);
                } else if (!podDeleting && !rcDeleting) {
                    release.add(p);
                }
            } else if (matches && !podDeleting && !rcDeleting) {
                adopt.add(p);
            }
        }
        return new PodClaims(owned, adopt, release);
    }

    /** An RC's equality selector; an empty one selects nothing (validation requires one anyway). */
    public static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty() || labels == null) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The controller ownerReference an RC puts on its pods: blocks the RC's foreground deletion. */
    public static OwnerReference controllerRef(ReplicationController rc) {
        return new OwnerReference(ReplicationController.API_VERSION, ReplicationController.KIND, rc.metadata().name(),
                rc.metadata().uid(), true, true);
    }
}
