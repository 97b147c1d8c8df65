package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.Cases.json;
import static io.skiff.api.validation.Cases.set;
import static io.skiff.api.validation.KubernetesText.DNS1123_LABEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.core.Namespace;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Namespaces: DNS-label names, finalizers, and the phase a /status write may set. */
class NamespaceValidationTest {

    private static final JsonNode NAMESPACE = json("""
            {"apiVersion": "v1", "kind": "Namespace",
             "metadata": {"name": "team-a", "resourceVersion": "12", "uid": "4f1c"},
             "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}}
            """);

    static Stream<Arguments> creates() {
        return Stream.of(
                arguments("valid namespace", List.of(), errors()),
                arguments("dotted name", List.of(set("/metadata/name", "team.a")),
                        errors("metadata.name: Invalid value: \"team.a\": must not contain dots")),
                arguments("bad name", List.of(set("/metadata/name", "Team_A")),
                        errors("metadata.name: Invalid value: \"Team_A\": " + DNS1123_LABEL)),
                arguments("namespaces have no namespace", List.of(set("/metadata/namespace", "default")),
                        errors("metadata.namespace: Forbidden: not allowed on this type")),
                arguments("unknown finalizer", List.of(set("/spec/finalizers", List.of("custom"))),
                        errors("spec.finalizers: Invalid value: \"custom\": name is neither a standard finalizer name nor is "
                                + "it fully qualified")),
                arguments("qualified finalizer", List.of(set("/spec/finalizers", List.of("example.com/drain"))), errors()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void validatesCreates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Namespace ns = Cases.object(NAMESPACE, edits);

        assertThat(actual(Validators.validate(ns))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> statusUpdates() {
        String deleted = "2021-03-02T10:20:00Z";
        return Stream.of(
                arguments("active", List.of(), List.of(), errors()),
                arguments("terminating while deleted", List.of(set("/metadata/deletionTimestamp", deleted)),
                        List.of(set("/metadata/deletionTimestamp", deleted), set("/status/phase", "Terminating")), errors()),
                arguments("terminating before deletion", List.of(), List.of(set("/status/phase", "Terminating")),
                        errors("status.Phase: Invalid value: \"Terminating\": may only be 'Active' if `deletionTimestamp` is empty")),
                arguments("active while deleted", List.of(set("/metadata/deletionTimestamp", deleted)),
                        List.of(set("/metadata/deletionTimestamp", deleted)),
                        errors("status.Phase: Invalid value: \"Active\": may only be 'Terminating' if `deletionTimestamp` "
                                + "is not empty")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusUpdates")
    void validatesStatusUpdates(String rule, List<Cases.Edit> oldEdits, List<Cases.Edit> newEdits,
                                List<Cases.Expected> expected) {
        Namespace oldNs = Cases.object(NAMESPACE, oldEdits);
        Namespace newNs = Cases.object(NAMESPACE, newEdits);

        assertThat(actual(Validators.validateStatusUpdate(newNs, oldNs))).containsExactlyElementsOf(expected);
    }
}
