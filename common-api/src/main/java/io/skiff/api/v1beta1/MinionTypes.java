package io.skiff.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.skiff.api.resource.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The v1beta1 minion (the hub's Node): its IP, its capacity as integers (cpu in millicores,
 * memory in bytes) and the conditions the node controller probed ({@code Full|None|Unknown}).
 */
public final class MinionTypes {
    private MinionTypes() {}

    @JsonPropertyOrder({"hostIP", "resources", "labels", "status"})
    public record Minion(@JsonUnwrapped TypeMeta meta, String hostIP, NodeResources resources,
            Map<String, String> labels, NodeStatus status) {}

    public record NodeResources(
            @JsonDeserialize(using = ResourceAmounts.CapacityDeserializer.class)
            @JsonSerialize(using = ResourceAmounts.CapacitySerializer.class)
            Map<String, Quantity> capacity) {}

    public record NodeStatus(List<NodeCondition> conditions) {}

    /** {@code kind} Ready or Reachable; {@code status} Full, None or Unknown. */
    @JsonPropertyOrder({"kind", "status", "lastProbeTime", "lastTransitionTime", "reason", "message"})
    public record NodeCondition(String kind, String status, Instant lastProbeTime, Instant lastTransitionTime,
            String reason, String message) {}

    /** {@code minions} is the earlier name of {@code items}, read when {@code items} is absent. */
    @JsonPropertyOrder({"items", "minions"})
    public record MinionList(@JsonUnwrapped TypeMeta meta, List<Minion> items, List<Minion> minions) {}
}
