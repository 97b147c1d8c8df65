package io.skiff.controller.replication;

import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerStatus;
import java.util.Optional;

/**
 * The writes of the replication manager: the seam between its decisions and the apiserver
 * ({@link ApiReplicaControl}), so the decisions can be tested with a recording fake. Failures
 * are thrown as {@link io.skiff.client.ApiException}.
 */
public interface ReplicaControl {
    /** Creates one pod from the controller's template, owned by it. */
    Pod createPod(ReplicationController rc);

    /**
     * Deletes one of the controller's pods.
     *
     * @return false if it was already gone (not an error: but its deletion may never be observed)
     */
    boolean deletePod(ReplicationController rc, Pod pod);

    /**
     * Makes the controller the pod's controlling owner if the pod, read fresh, is still an
     * orphan that matches (compare-and-swap on its resourceVersion).
     *
     * @return the adopted pod, or empty if it no longer qualifies or is gone
     */
    Optional<Pod> adoptPod(ReplicationController rc, Pod pod);

    /** Removes the controller's ownerReference from a pod that no longer matches; gone is fine. */
    void releasePod(ReplicationController rc, Pod pod);

    /** The controller as stored now (to re-check it before adopting); empty if it is gone. */
    Optional<ReplicationController> current(ReplicationController rc);

    /** Writes {@code status} through {@code /status}. */
    void updateStatus(ReplicationController rc, ReplicationControllerStatus status);
}
