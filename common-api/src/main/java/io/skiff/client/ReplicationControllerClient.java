package io.skiff.client;

import io.skiff.api.autoscaling.Scale;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.ReplicationController;
import java.util.Map;

/** Replication controllers, with their {@code scale} subresource ({@code autoscaling/v1 Scale}). */
public final class ReplicationControllerClient extends ResourceClient<ReplicationController> {

    ReplicationControllerClient(RestClient rest, Scheme scheme, ResourceInfo info, String namespace) {
        super(rest, scheme, info, ReplicationController.class, namespace);
    }

    public Scale getScale(String name) {
        return decode(rest.send(RestClient.Request.get(path(ns(), name, "scale"), Map.of())), Scale.class);
    }

    /** PUTs a Scale; its {@code metadata.resourceVersion}, when set, makes it a compare-and-swap. */
    public Scale updateScale(String name, Scale scale) {
        return decode(rest.send(RestClient.Request.withBody("PUT", path(ns(), name, "scale"), Map.of(),
                scheme.encode(scale), "application/json")), Scale.class);
    }

    /** Sets {@code spec.replicas} through {@code /scale} (a merge patch: no read, no conflict). */
    public Scale scale(String name, int replicas) {
        String patch = "{\"spec\":{\"replicas\":" + replicas + "}}";
        return decode(rest.send(RestClient.Request.withBody("PATCH", path(ns(), name, "scale"), Map.of(),
                patch.getBytes(java.nio.charset.StandardCharsets.UTF_8), PatchType.MERGE.contentType())), Scale.class);
    }
}
