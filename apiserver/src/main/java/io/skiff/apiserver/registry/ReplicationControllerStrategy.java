package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerStatus;
import java.util.Map;

/** Replication controllers: status cleared on create and written only through {@code /status}. */
public final class ReplicationControllerStrategy extends KindStrategy<ReplicationController> {

    public ReplicationControllerStrategy(ResourceInfo resource) {
        super(resource, ReplicationController.class, "status.replicas");
    }

    @Override
    public ReplicationController prepareForCreate(ReplicationController rc) {
        return rc.withStatus(new ReplicationControllerStatus(0, null, null, null, null, null));
    }

    @Override
    public ReplicationController prepareForUpdate(ReplicationController updated, ReplicationController old) {
        return updated.withStatus(old.status());
    }

    @Override
    public ReplicationController prepareForStatusUpdate(ReplicationController updated, ReplicationController old) {
        return old.withMetadata(statusMeta(updated.metadataOrEmpty(), old.metadataOrEmpty())).withStatus(updated.status());
    }

    @Override
    public Object spec(ReplicationController rc) {
        return rc.spec();
    }

    @Override
    protected void addSelectableFields(ReplicationController rc, Map<String, String> fields) {
        Integer replicas = rc.status() == null ? null : rc.status().replicas();
        fields.put("status.replicas", replicas == null ? "0" : replicas.toString());
    }
}
