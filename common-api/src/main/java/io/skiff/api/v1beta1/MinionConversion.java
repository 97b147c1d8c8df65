package io.skiff.api.v1beta1;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.PodCondition;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.resource.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A v1beta1 Minion to and from the hub's Node: {@code hostIP} is the InternalIP address,
 * {@code resources.capacity} the status capacity, and the probed conditions keep their kind
 * (type) with Full/None/Unknown for True/False/Unknown.
 */
final class MinionConversion {
    static final String FULL = "Full";
    static final String NONE = "None";
    static final String UNKNOWN = "Unknown";

    private MinionConversion() {}

    static Node toHub(MinionTypes.Minion w) throws DecodeException {
        Map<String, Quantity> capacity = w.resources() == null ? null : w.resources().capacity();
        List<NodeStatus.NodeCondition> conditions = w.status() == null ? null : conditionsToHub(w.status());
        List<NodeStatus.NodeAddress> addresses = w.hostIP() == null ? null
                : List.of(new NodeStatus.NodeAddress(NodeStatus.NodeAddress.TYPE_INTERNAL_IP, w.hostIP()));
        NodeStatus status = capacity == null && conditions == null && addresses == null ? null
                : new NodeStatus(capacity, null, conditions, addresses, null, null, null);
        return new Node(MetaConversion.toHub(w.meta(), w.labels()), null, status);
    }

    static MinionTypes.Minion fromHub(Node node) {
        ObjectMeta meta = node.metadataOrEmpty();
        NodeStatus s = node.status();
        String hostIP = null;
        if (s != null && s.addresses() != null) {
            hostIP = s.addresses().stream()
                    .filter(a -> NodeStatus.NodeAddress.TYPE_INTERNAL_IP.equals(a.type()))
                    .map(NodeStatus.NodeAddress::address).findFirst().orElse(null);
        }
        MinionTypes.NodeResources resources = s == null || s.capacity() == null ? null
                : new MinionTypes.NodeResources(s.capacity());
        MinionTypes.NodeStatus status = s == null || s.conditions() == null ? null
                : new MinionTypes.NodeStatus(ManifestConversion.map(s.conditions(), c -> new MinionTypes.NodeCondition(
                        c.type(), conditionStatusFromHub(c.status()), c.lastHeartbeatTime(), c.lastTransitionTime(),
                        c.reason(), c.message())));
        return new MinionTypes.Minion(MetaConversion.fromHub(V1beta1.MINION, meta), hostIP, resources,
                meta.labels(), status);
    }

    private static List<NodeStatus.NodeCondition> conditionsToHub(MinionTypes.NodeStatus status)
            throws DecodeException {
        if (status.conditions() == null) {
            return null;
        }
        List<NodeStatus.NodeCondition> out = new ArrayList<>(status.conditions().size());
        for (int i = 0; i < status.conditions().size(); i++) {
            MinionTypes.NodeCondition c = status.conditions().get(i);
            out.add(c == null ? null : new NodeStatus.NodeCondition(c.kind(),
                    conditionStatusToHub(c.status(), "status.conditions[" + i + "].status"), c.lastProbeTime(),
                    c.lastTransitionTime(), c.reason(), c.message()));
        }
        return out;
    }

    /** Full/None/Unknown; the True/False of later versions are read too. */
    private static String conditionStatusToHub(String status, String field) throws DecodeException {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case FULL, PodCondition.TRUE -> PodCondition.TRUE;
            case NONE, PodCondition.FALSE -> PodCondition.FALSE;
            case UNKNOWN -> PodCondition.UNKNOWN;
            default -> throw new DecodeException(field + ": unknown condition status \"" + status
                    + "\" (expected Full, None or Unknown)");
        };
    }

    private static String conditionStatusFromHub(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case PodCondition.TRUE -> FULL;
            case PodCondition.FALSE -> NONE;
            default -> status;
        };
    }
}
