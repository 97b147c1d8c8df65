package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.Cases.json;
import static io.skiff.api.validation.Cases.remove;
import static io.skiff.api.validation.Cases.set;
import static io.skiff.api.validation.KubernetesText.DNS1123_LABEL;
import static io.skiff.api.validation.KubernetesText.DNS1123_SUBDOMAIN;
import static io.skiff.api.validation.KubernetesText.LABEL_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.skiff.api.core.ReplicationController;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replication controllers: create, update (the selector may change) and status rules. */
class ReplicationControllerValidationTest {

    private static final String TEMPLATE_SPEC = "spec.template.spec";

    static Stream<Arguments> creates() {
        return Stream.of(
                arguments("golden RC", List.of(), errors()),
                arguments("bad name", List.of(set("/metadata/name", "Web")),
                        errors("metadata.name: Invalid value: \"Web\": " + DNS1123_SUBDOMAIN)),
                arguments("negative replicas", List.of(set("/spec/replicas", -1)),
                        errors("spec.replicas: Invalid value: -1: must be greater than or equal to 0")),
                arguments("zero replicas", List.of(set("/spec/replicas", 0)), errors()),
                arguments("negative minReadySeconds", List.of(set("/spec/minReadySeconds", -1)),
                        errors("spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0")),
                arguments("no selector and no labels to default it from",
                        List.of(remove("/spec/selector"), remove("/spec/template/metadata/labels")),
                        errors("spec.selector: Required value")),
                arguments("selector defaulted from the template labels", List.of(remove("/spec/selector")), errors()),
                arguments("selector not matching the template", List.of(set("/spec/selector", json("{\"app\":\"other\"}"))),
                        errors("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                                + "`selector` does not match template `labels`")),
                arguments("selector matching a subset of the labels", List.of(
                        set("/spec/template/metadata/labels/tier", "frontend")), errors()),
                arguments("bad template label", List.of(set("/spec/selector", json("{\"app\":\"web\"}")),
                                set("/spec/template/metadata/labels/tier", "-x")),
                        errors("spec.template.labels: Invalid value: \"-x\": " + LABEL_VALUE)),
                arguments("no template", List.of(remove("/spec/template")), errors("spec.template: Required value")),
                arguments("template that does not restart", List.of(set("/spec/template/spec/restartPolicy", "Never")),
                        errors(TEMPLATE_SPEC + ".restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"")),
                arguments("template with a deadline", List.of(set("/spec/template/spec/activeDeadlineSeconds", 60)),
                        errors(TEMPLATE_SPEC + ".activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in "
                                + "ReplicationController is not Supported")),
                arguments("template errors nest under spec.template.spec", List.of(
                                set("/spec/template/spec/containers/0/image", ""),
                                set("/spec/template/spec/containers/0/name", "Web")),
                        errors(TEMPLATE_SPEC + ".containers[0].name: Invalid value: \"Web\": " + DNS1123_LABEL,
                                TEMPLATE_SPEC + ".containers[0].image: Required value")),
                arguments("template host network may leave host ports unset", List.of(
                        set("/spec/template/spec/hostNetwork", true)), errors()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void validatesCreates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        ReplicationController rc = Cases.object("replicationcontroller.json", edits);

        assertThat(actual(Validators.validate(rc))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                arguments("scaled", List.of(set("/spec/replicas", 5)), errors()),
                arguments("selector and labels changed together", List.of(set("/spec/selector", json("{\"app\":\"web2\"}")),
                        set("/spec/template/metadata/labels", json("{\"app\":\"web2\"}"))), errors()),
                arguments("selector changed away from the labels", List.of(set("/spec/selector", json("{\"app\":\"web2\"}"))),
                        errors("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                                + "`selector` does not match template `labels`")),
                arguments("renamed", List.of(set("/metadata/name", "web2")),
                        errors("metadata.name: Invalid value: \"web2\": field is immutable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void validatesUpdates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        ReplicationController oldRc = Cases.object("replicationcontroller.json", List.of());
        ReplicationController newRc = Cases.object("replicationcontroller.json", edits);

        assertThat(actual(Validators.validateUpdate(newRc, oldRc))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> statusUpdates() {
        return Stream.of(
                arguments("observed", List.of(set("/status/replicas", 3), set("/status/readyReplicas", 3)), errors()),
                arguments("negative replicas", List.of(set("/status/replicas", -1), set("/status/fullyLabeledReplicas", 0),
                                set("/status/readyReplicas", 0), set("/status/availableReplicas", 0)),
                        errors("status.replicas: Invalid value: -1: must be greater than or equal to 0",
                                "status.fullyLabeledReplicas: Invalid value: 0: cannot be greater than status.replicas",
                                "status.readyReplicas: Invalid value: 0: cannot be greater than status.replicas",
                                "status.availableReplicas: Invalid value: 0: cannot be greater than status.replicas")),
                arguments("more available than ready", List.of(set("/status/availableReplicas", 2), set("/status/readyReplicas", 1)),
                        errors("status.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusUpdates")
    void validatesStatusUpdates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        ReplicationController oldRc = Cases.object("replicationcontroller.json", List.of());
        ReplicationController newRc = Cases.object("replicationcontroller.json", edits);

        assertThat(actual(Validators.validateStatusUpdate(newRc, oldRc))).containsExactlyElementsOf(expected);
    }
}
