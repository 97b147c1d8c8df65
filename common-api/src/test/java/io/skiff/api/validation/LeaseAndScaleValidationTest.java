package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.Cases.json;
import static io.skiff.api.validation.Cases.set;
import static io.skiff.api.validation.KubernetesText.DNS1123_SUBDOMAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.autoscaling.Scale;
import io.skiff.api.coordination.Lease;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Leases (heartbeats, leader election) and the /scale subresource. */
class LeaseAndScaleValidationTest {

    private static final JsonNode SCALE = json("""
            {"apiVersion": "autoscaling/v1", "kind": "Scale",
             "metadata": {"name": "web", "namespace": "default", "resourceVersion": "48290"},
             "spec": {"replicas": 3}, "status": {"replicas": 2, "selector": "app=web"}}
            """);

    static Stream<Arguments> leases() {
        return Stream.of(
                arguments("golden lease", List.of(), errors()),
                arguments("zero duration", List.of(set("/spec/leaseDurationSeconds", 0)),
                        errors("spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0")),
                arguments("negative transitions", List.of(set("/spec/leaseTransitions", -1)),
                        errors("spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0")),
                arguments("bad name", List.of(set("/metadata/name", "Node_1")),
                        errors("metadata.name: Invalid value: \"Node_1\": " + DNS1123_SUBDOMAIN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leases")
    void validatesLeases(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Lease lease = Cases.object("lease.json", edits);

        assertThat(actual(Validators.validate(lease))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> leaseUpdates() {
        return Stream.of(
                arguments("renewed", List.of(set("/spec/renewTime", "2021-03-02T10:21:21.000000Z")), errors()),
                arguments("taken over", List.of(set("/spec/holderIdentity", "node-2"), set("/spec/leaseTransitions", 3)), errors()),
                arguments("zero duration", List.of(set("/spec/leaseDurationSeconds", 0)),
                        errors("spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0")),
                arguments("moved", List.of(set("/metadata/namespace", "default")),
                        errors("metadata.namespace: Invalid value: \"default\": field is immutable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaseUpdates")
    void validatesLeaseUpdates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Lease old = Cases.object("lease.json", List.of());

        assertThat(actual(Validators.validateUpdate(Cases.object("lease.json", edits), old)))
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> scales() {
        return Stream.of(
                arguments("scale up", List.of(set("/spec/replicas", 5)), errors()),
                arguments("scale to zero", List.of(set("/spec/replicas", 0)), errors()),
                arguments("negative replicas", List.of(set("/spec/replicas", -1)),
                        errors("spec.replicas: Invalid value: -1: must be greater than or equal to 0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scales")
    void validatesScale(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Scale scale = Cases.object(SCALE, edits);

        assertThat(actual(Validators.validate(scale))).containsExactlyElementsOf(expected);
        assertThat(actual(Validators.validateUpdate(scale, Cases.object(SCALE, List.of())))).containsExactlyElementsOf(expected);
    }
}
