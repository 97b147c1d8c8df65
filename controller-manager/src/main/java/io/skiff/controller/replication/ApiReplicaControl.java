package io.skiff.controller.replication;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.OwnerReference;
import io.skiff.client.ApiException;
import io.skiff.client.SkiffClient;
import io.skiff.controller.EventRecorder;
import io.skiff.controller.Pods;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ReplicaControl} through the REST client, recording Events as Kubernetes' does. */
public final class ApiReplicaControl implements ReplicaControl {
    private final SkiffClient client;
    private final EventRecorder events;

    public ApiReplicaControl(SkiffClient client, EventRecorder events) {
        this.client = client;
        this.events = events;
    }

    @Override
    public Pod createPod(ReplicationController rc) {
        Pod pod = fromTemplate(rc);
        try {
            Pod created = client.pods(rc.namespace()).create(pod);
            events.normal(rc, EventRecorder.REASON_SUCCESSFUL_CREATE, "Created pod: " + created.name());
            return created;
        } catch (ApiException e) {
            events.warning(rc, EventRecorder.REASON_FAILED_CREATE, "Error creating: " + e.status().message());
            throw e;
        }
    }

    /** The pod a controller creates: template labels, annotations and spec; named {@code <rc>-xxxxx}; owned. */
    static Pod fromTemplate(ReplicationController rc) {
        PodTemplateSpec t = rc.spec().template();
        ObjectMeta tm = t.metadata() == null ? ObjectMeta.EMPTY : t.metadata();
        ObjectMeta meta = ObjectMeta.EMPTY.withGenerateName(rc.name() + "-").withNamespace(rc.namespace())
                .withLabels(tm.labels()).withAnnotations(tm.annotations()).withFinalizers(tm.finalizers())
                .withOwnerReferences(List.of(PodClaims.controllerRef(rc)));
        return new Pod(meta, t.spec(), null);
    }

    @Override
    public boolean deletePod(ReplicationController rc, Pod pod) {
        try {
            // Precondition on the uid: never delete a namesake created after our decision.
            client.pods(rc.namespace()).delete(pod.name(), new DeleteOptions(null,
                    new DeleteOptions.Preconditions(pod.metadata().uid(), null), null, null, null));
            events.normal(rc, EventRecorder.REASON_SUCCESSFUL_DELETE, "Deleted pod: " + pod.name());
            return true;
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            events.warning(rc, EventRecorder.REASON_FAILED_DELETE, "Error deleting: " + e.status().message());
            throw e;
        }
    }

    @Override
    public Optional<Pod> adoptPod(ReplicationController rc, Pod pod) {
        try {
            Pod result = client.pods(rc.namespace()).updateWithRetry(pod.name(), fresh -> {
                if (!Objects.equals(fresh.metadata().uid(), pod.metadata().uid()) || Pods.controllerRef(fresh) != null
                        || fresh.metadata().deletionTimestamp() != null
                        || !PodClaims.selects(rc.spec().selector(), fresh.metadata().labels())) {
                    return null;
                }
                List<OwnerReference> refs = new ArrayList<>();
                if (fresh.metadata().ownerReferences() != null) {
                    fresh.metadata().ownerReferences().stream()
                            .filter(r -> !rc.metadata().uid().equals(r.uid())).forEach(refs::add);
                }
                refs.add(PodClaims.controllerRef(rc));
                return fresh.withMetadata(fresh.metadata().withOwnerReferences(refs));
            });
            OwnerReference ref = Pods.controllerRef(result);
            return ref != null && rc.metadata().uid().equals(ref.uid()) ? Optional.of(result) : Optional.empty();
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void releasePod(ReplicationController rc, Pod pod) {
        try {
            client.pods(rc.namespace()).updateWithRetry(pod.name(), fresh -> {
                if (!Objects.equals(fresh.metadata().uid(), pod.metadata().uid())
                        || fresh.metadata().ownerReferences() == null) {
                    return null;
                }
                List<OwnerReference> refs = fresh.metadata().ownerReferences().stream()
                        .filter(r -> !rc.metadata().uid().equals(r.uid())).toList();
                return fresh.withMetadata(fresh.metadata().withOwnerReferences(refs.isEmpty() ? null : refs));
            });
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    @Override
    public Optional<ReplicationController> current(ReplicationController rc) {
        return client.replicationControllers(rc.namespace()).find(rc.name());
    }

    @Override
    public void updateStatus(ReplicationController rc, ReplicationControllerStatus status) {
        var rcs = client.replicationControllers(rc.namespace());
        try {
            rcs.updateStatus(rc.withStatus(status)); // CAS on the cached resourceVersion: usually current
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return; // deleted meanwhile: its informer event is on the way
            }
            if (!e.isConflict()) {
                throw e;
            }
            try {
                rcs.updateStatusWithRetry(rc.name(), fresh -> Objects.equals(fresh.metadata().uid(),
                        rc.metadata().uid()) ? fresh.withStatus(status) : null);
            } catch (ApiException again) {
                if (!again.isNotFound()) {
                    throw again;
                }
            }
        }
    }
}
