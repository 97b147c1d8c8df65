package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.Cases.json;
import static io.skiff.api.validation.Cases.remove;
import static io.skiff.api.validation.Cases.set;
import static io.skiff.api.validation.KubernetesText.DNS1123_SUBDOMAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.skiff.api.core.Node;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Nodes as kubelets register them, and their updates (spec and /status share the rules). */
class NodeValidationTest {

    static Stream<Arguments> creates() {
        return Stream.of(
                arguments("golden node", List.of(), errors()),
                arguments("bad name", List.of(set("/metadata/name", "Node_1")),
                        errors("metadata.name: Invalid value: \"Node_1\": " + DNS1123_SUBDOMAIN)),
                arguments("nodes have no namespace", List.of(set("/metadata/namespace", "default")),
                        errors("metadata.namespace: Forbidden: not allowed on this type")),
                arguments("negative capacity", List.of(set("/status/capacity/memory", "-1Gi")),
                        errors("status.capacity.memory: Invalid value: \"-1Gi\": must be greater than or equal to 0")),
                arguments("fractional pods", List.of(set("/status/allocatable/pods", "1500m")),
                        errors("status.allocatable.pods: Invalid value: 1500m: must be an integer")),
                arguments("fractional cpu", List.of(set("/status/allocatable/cpu", "1500m")), errors()),
                arguments("bad pod CIDR", List.of(remove("/spec/podCIDRs"), set("/spec/podCIDR", "10.244.0.0/33")),
                        errors("spec.podCIDRs[0]: Invalid value: \"10.244.0.0/33\": must be a valid CIDR value, "
                                + "(e.g. 10.9.8.0/24 or 2001:db8::/64)")),
                arguments("no pod CIDR", List.of(remove("/spec/podCIDRs"), remove("/spec/podCIDR")), errors()),
                arguments("two IPv4 pod CIDRs", List.of(set("/spec/podCIDRs", List.of("10.244.0.0/24", "10.245.0.0/24"))),
                        errors("spec.podCIDRs: Invalid value: []string{\"10.244.0.0/24\", \"10.245.0.0/24\"}: may specify "
                                + "no more than one CIDR for each IP family")),
                arguments("dual stack pod CIDRs", List.of(set("/spec/podCIDRs", List.of("10.244.0.0/24", "fd00:10:244::/64"))),
                        errors()),
                arguments("taint without effect", List.of(remove("/spec/taints/0/effect")),
                        errors("metadata.taints[0].effect: Required value")),
                arguments("taint twice", List.of(set("/spec/taints/-",
                                json("{\"key\":\"node.kubernetes.io/unschedulable\",\"effect\":\"NoSchedule\"}"))),
                        errors("metadata.taints[1]: Duplicate value: core.Taint{Key:\"node.kubernetes.io/unschedulable\", "
                                + "Value:\"\", Effect:\"NoSchedule\", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key "
                                + "and effect pair")),
                arguments("bad taint effect", List.of(set("/spec/taints/0/effect", "NoRun")),
                        errors("metadata.taints[0].effect: Unsupported value: \"NoRun\": supported values: \"NoSchedule\", "
                                + "\"PreferNoSchedule\", \"NoExecute\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void validatesCreates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Node node = Cases.object("node.json", edits);

        assertThat(actual(Validators.validate(node))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                arguments("heartbeat", List.of(set("/status/conditions/0/lastHeartbeatTime", "2021-03-02T10:21:11Z")), errors()),
                arguments("cordoned", List.of(set("/spec/unschedulable", false), remove("/spec/taints")), errors()),
                arguments("pod CIDR changed", List.of(set("/spec/podCIDR", "10.244.1.0/24"), set("/spec/podCIDRs", List.of("10.244.1.0/24"))),
                        errors("spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid")),
                arguments("provider ID changed", List.of(set("/spec/providerID", "skiff://other")),
                        errors("spec.providerID: Forbidden: node updates may not change providerID except from \"\" to valid")),
                arguments("address twice", List.of(set("/status/addresses/-", json("{\"address\":\"node-1\",\"type\":\"Hostname\"}"))),
                        errors("status.addresses[2]: Duplicate value: core.NodeAddress{Type:\"Hostname\", Address:\"node-1\"}")),
                arguments("negative allocatable", List.of(set("/status/allocatable/cpu", "-1")),
                        errors("status.allocatable.cpu: Invalid value: \"-1\": must be greater than or equal to 0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void validatesSpecAndStatusUpdates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Node oldNode = Cases.object("node.json", List.of());
        Node newNode = Cases.object("node.json", edits);

        assertThat(actual(Validators.validateUpdate(newNode, oldNode))).containsExactlyElementsOf(expected);
        assertThat(actual(Validators.validateStatusUpdate(newNode, oldNode))).containsExactlyElementsOf(expected);
    }
}
