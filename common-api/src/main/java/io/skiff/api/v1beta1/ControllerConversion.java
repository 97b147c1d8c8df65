package io.skiff.api.v1beta1;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.meta.ObjectMeta;

/**
 * A v1beta1 replication controller to and from the hub: {@code desiredState} is the spec
 * ({@code replicaSelector} the selector, {@code podTemplate} the template), {@code currentState}
 * carries only the observed replica count. A template's manifest id and uuid are the template's
 * own name and uid, as 2014 manifests named the pods they described.
 */
final class ControllerConversion {
    private ControllerConversion() {}

    static ReplicationController toHub(ControllerTypes.ReplicationController w) throws DecodeException {
        ControllerTypes.ReplicationControllerState desired = w.desiredState();
        ControllerTypes.ReplicationControllerState current = w.currentState();
        ReplicationControllerSpec spec = desired == null ? new ReplicationControllerSpec(null, null, null, null)
                : new ReplicationControllerSpec(desired.replicas(), null, desired.replicaSelector(),
                        templateToHub(desired.podTemplate()));
        ReplicationControllerStatus status = current == null || current.replicas() == null ? null
                : ReplicationControllerStatus.ofReplicas(current.replicas());
        return new ReplicationController(MetaConversion.toHub(w.meta(), w.labels()), spec, status);
    }

    static ControllerTypes.ReplicationController fromHub(ReplicationController rc) {
        ObjectMeta meta = rc.metadataOrEmpty();
        ReplicationControllerSpec spec = rc.spec();
        ControllerTypes.ReplicationControllerState desired = spec == null ? null
                : new ControllerTypes.ReplicationControllerState(spec.replicas(), spec.selector(),
                        templateFromHub(spec.template()));
        ControllerTypes.ReplicationControllerState current = rc.status() == null ? null
                : new ControllerTypes.ReplicationControllerState(rc.status().replicas(), null, null);
        return new ControllerTypes.ReplicationController(
                MetaConversion.fromHub(V1beta1.REPLICATION_CONTROLLER, meta), desired, current, meta.labels());
    }

    private static PodTemplateSpec templateToHub(ControllerTypes.PodTemplate t) {
        if (t == null) {
            return null;
        }
        PodTypes.PodState desired = t.desiredState();
        PodTypes.ContainerManifest manifest = desired == null ? null : desired.manifest();
        String name = manifest == null ? null : manifest.id();
        String uid = manifest == null ? null : manifest.uuid();
        ObjectMeta meta = name == null && uid == null && t.labels() == null ? null
                : ObjectMeta.EMPTY.withName(name).withUid(uid).withLabels(t.labels());
        return new PodTemplateSpec(meta, PodConversion.specToHub(desired));
    }

    private static ControllerTypes.PodTemplate templateFromHub(PodTemplateSpec t) {
        if (t == null) {
            return null;
        }
        ObjectMeta meta = t.metadata() == null ? ObjectMeta.EMPTY : t.metadata();
        return new ControllerTypes.PodTemplate(PodConversion.desiredFromHub(t.spec(), meta.name(), meta.uid()),
                meta.labels());
    }
}
