package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Node;
import java.util.Map;

/**
 * Nodes (cluster-scoped): a kubelet registers its node with its status, so a create keeps the
 * status; afterwards status changes only through {@code /status}.
 */
public final class NodeStrategy extends KindStrategy<Node> {
    public NodeStrategy(ResourceInfo resource) {
        super(resource, Node.class, "spec.unschedulable");
    }

    @Override
    public Node prepareForUpdate(Node updated, Node old) {
        return updated.withStatus(old.status());
    }

    @Override
    public Node prepareForStatusUpdate(Node updated, Node old) {
        return old.withMetadata(statusMeta(updated.metadataOrEmpty(), old.metadataOrEmpty())).withStatus(updated.status());
    }

    @Override
    public Object spec(Node node) {
        return node.spec();
    }

    @Override
    protected void addSelectableFields(Node node, Map<String, String> fields) {
        boolean unschedulable = node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable());
        fields.put("spec.unschedulable", Boolean.toString(unschedulable));
    }
}
