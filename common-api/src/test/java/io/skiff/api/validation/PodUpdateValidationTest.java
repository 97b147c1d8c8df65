package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.Cases.json;
import static io.skiff.api.validation.Cases.remove;
import static io.skiff.api.validation.Cases.set;
import static io.skiff.api.validation.KubernetesText.IP;
import static io.skiff.api.validation.KubernetesText.QUALIFIED_NAME_PART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.skiff.api.core.Binding;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.Pod;
import io.skiff.api.meta.ObjectMeta;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pod updates through the main resource and through /status, and bindings. */
class PodUpdateValidationTest {

    private static final String FORBIDDEN_SPEC = "spec: Forbidden: " + PodValidation.UPDATE_FORBIDDEN;
    private static final String DELETED_AT = "2021-03-02T10:20:00Z";

    static Stream<Arguments> updates() {
        return Stream.of(
                arguments("nothing changed", List.of(), List.of(), errors()),
                arguments("new image", List.of(), List.of(set("/spec/containers/0/image", "busybox:1.33")), errors()),
                arguments("labels change", List.of(), List.of(set("/metadata/labels/tier", "backend")), errors()),
                arguments("deadline set", List.of(), List.of(set("/spec/activeDeadlineSeconds", 60)), errors()),
                arguments("deadline lowered", List.of(set("/spec/activeDeadlineSeconds", 60)),
                        List.of(set("/spec/activeDeadlineSeconds", 30)), errors()),
                arguments("deadline raised", List.of(set("/spec/activeDeadlineSeconds", 60)),
                        List.of(set("/spec/activeDeadlineSeconds", 120)),
                        errors("spec.activeDeadlineSeconds: Invalid value: 120: must be less than or equal to previous value")),
                arguments("deadline removed", List.of(set("/spec/activeDeadlineSeconds", 60)), List.of(),
                        errors("spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer "
                                + "to nil value")),
                arguments("toleration added", List.of(), List.of(set("/spec/tolerations/-",
                        json("{\"key\":\"dedicated\",\"operator\":\"Equal\",\"value\":\"web\",\"effect\":\"NoSchedule\"}"))),
                        errors()),
                arguments("toleration seconds changed", List.of(), List.of(set("/spec/tolerations/0/tolerationSeconds", 60)),
                        errors()),
                arguments("toleration removed", List.of(), List.of(remove("/spec/tolerations/1")),
                        errors("spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds")),
                arguments("restart policy changed", List.of(), List.of(set("/spec/restartPolicy", "Never")),
                        errors(FORBIDDEN_SPEC + "\n- restartPolicy: \"Always\"\n+ restartPolicy: \"Never\"")),
                arguments("container port changed", List.of(), List.of(set("/spec/containers/0/ports/0/containerPort", 8081)),
                        errors(FORBIDDEN_SPEC + "\n- containers[0].ports[0].containerPort: 8080"
                                + "\n+ containers[0].ports[0].containerPort: 8081")),
                arguments("container added", List.of(), List.of(set("/spec/containers/-",
                                json("{\"name\":\"extra\",\"image\":\"busybox\"}"))),
                        errors("spec.containers: Forbidden: pod updates may not add or remove containers")),
                arguments("renamed", List.of(), List.of(set("/metadata/name", "web-other")),
                        errors("metadata.name: Invalid value: \"web-other\": field is immutable")),
                arguments("new uid", List.of(), List.of(set("/metadata/uid", "x")),
                        errors("metadata.uid: Invalid value: \"x\": field is immutable")),
                arguments("no resourceVersion", List.of(), List.of(remove("/metadata/resourceVersion")),
                        errors("metadata.resourceVersion: Invalid value: \"\": must be specified for an update")),
                arguments("generation decremented", List.of(set("/metadata/generation", 2)), List.of(set("/metadata/generation", 1)),
                        errors("metadata.generation: Invalid value: 1: must not be decremented")),
                arguments("creation time changed", List.of(), List.of(set("/metadata/creationTimestamp", "2021-03-02T10:15:02Z")),
                        errors("metadata.creationTimestamp: Invalid value: 2021-03-02 10:15:02 +0000 UTC: field is immutable")),
                arguments("finalizer added during deletion", List.of(set("/metadata/deletionTimestamp", DELETED_AT)),
                        List.of(set("/metadata/deletionTimestamp", DELETED_AT),
                                set("/metadata/finalizers", List.of("example.com/x"))),
                        errors("metadata.finalizers: Forbidden: no new finalizers can be added if the object is being "
                                + "deleted, found new finalizers []string{\"example.com/x\"}")),
                arguments("the new pod must be valid too", List.of(), List.of(set("/spec/containers/1/image", "")),
                        errors("spec.containers[1].image: Required value", "spec.containers[1].image: Required value")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void validatesUpdates(String rule, List<Cases.Edit> oldEdits, List<Cases.Edit> newEdits, List<Cases.Expected> expected) {
        Pod oldPod = Cases.object("pod.json", oldEdits);
        Pod newPod = Cases.object("pod.json", newEdits);

        assertThat(actual(Validators.validateUpdate(newPod, oldPod))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> statusUpdates() {
        String terminated = "{\"terminated\":{\"exitCode\":%d,\"reason\":\"Completed\"}}";
        String running = "{\"running\":{\"startedAt\":\"2021-03-02T10:16:00Z\"}}";
        return Stream.of(
                arguments("nothing changed", List.of(), List.of(), errors()),
                arguments("phase and readiness", List.of(), List.of(set("/status/phase", "Failed"),
                        set("/status/conditions/1/status", "False")), errors()),
                arguments("custom condition", List.of(), List.of(set("/status/conditions/-",
                        json("{\"type\":\"example.com/warm\",\"status\":\"True\"}"))), errors()),
                arguments("bad custom condition", List.of(), List.of(set("/status/conditions/-",
                                json("{\"type\":\"bad type\",\"status\":\"True\"}"))),
                        errors("metadata.conditions[4].Type: Invalid value: \"bad type\": " + QUALIFIED_NAME_PART)),
                arguments("QoS class changed", List.of(), List.of(set("/status/qosClass", "BestEffort")),
                        errors("status.qosClass: Invalid value: \"BestEffort\": field is immutable")),
                arguments("node changed", List.of(), List.of(set("/spec/nodeName", "node-2")),
                        errors("status.nodeName: Forbidden: may not be changed directly")),
                arguments("terminated container of a Never pod runs again",
                        List.of(set("/spec/restartPolicy", "Never"),
                                set("/status/containerStatuses/1/state", json(terminated.formatted(0)))),
                        List.of(set("/spec/restartPolicy", "Never"), set("/status/containerStatuses/1/state", json(running))),
                        errors("status.containerStatuses[1].state: Forbidden: may not be transitioned to non-terminated state")),
                arguments("failed container of an OnFailure pod runs again",
                        List.of(set("/spec/restartPolicy", "OnFailure"),
                                set("/status/containerStatuses/1/state", json(terminated.formatted(1)))),
                        List.of(set("/spec/restartPolicy", "OnFailure"), set("/status/containerStatuses/1/state", json(running))),
                        errors()),
                arguments("bad pod IP", List.of(), List.of(set("/status/podIPs/0/ip", "10.0.0.300")),
                        errors("status.podIPs[0]: Invalid value: \"10.0.0.300\": " + IP)),
                arguments("two IPv4 pod IPs", List.of(), List.of(set("/status/podIPs/-", json("{\"ip\":\"172.17.0.6\"}"))),
                        errors("status.podIPs: Invalid value: []core.PodIP{core.PodIP{IP:\"172.17.0.5\"}, "
                                + "core.PodIP{IP:\"172.17.0.6\"}}: may specify no more than one IP for each IP family")),
                arguments("dual stack pod IPs", List.of(), List.of(set("/status/podIPs/-", json("{\"ip\":\"fd00::5\"}"))),
                        errors()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusUpdates")
    void validatesStatusUpdates(String rule, List<Cases.Edit> oldEdits, List<Cases.Edit> newEdits,
                                List<Cases.Expected> expected) {
        Pod oldPod = Cases.object("pod.json", oldEdits);
        Pod newPod = Cases.object("pod.json", newEdits);

        assertThat(actual(Validators.validateStatusUpdate(newPod, oldPod))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> bindings() {
        return Stream.of(
                arguments(ObjectReference.to("Node", null, "node-1"), errors()),
                arguments(new ObjectReference(null, null, "node-1", null, null, null, null), errors()),
                arguments(ObjectReference.to("Pod", null, "node-1"),
                        errors("target.kind: Unsupported value: \"Pod\": supported values: \"Node\", \"<empty>\"")),
                arguments(ObjectReference.to("Node", null, ""), errors("target.name: Required value")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bindings")
    void validatesBindings(ObjectReference target, List<Cases.Expected> expected) {
        Binding binding = new Binding(ObjectMeta.of("default", "web-7xk2p"), target);

        assertThat(actual(Validators.validate(binding))).containsExactlyElementsOf(expected);
    }
}
