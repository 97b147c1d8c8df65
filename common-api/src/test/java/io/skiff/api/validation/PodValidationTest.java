package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.Cases.json;
import static io.skiff.api.validation.Cases.q;
import static io.skiff.api.validation.Cases.remove;
import static io.skiff.api.validation.Cases.set;
import static io.skiff.api.validation.KubernetesText.DNS1123_LABEL;
import static io.skiff.api.validation.KubernetesText.DNS1123_SUBDOMAIN;
import static io.skiff.api.validation.KubernetesText.ENV_VAR_NAME;
import static io.skiff.api.validation.KubernetesText.LABEL_VALUE;
import static io.skiff.api.validation.KubernetesText.PORT_RANGE;
import static io.skiff.api.validation.KubernetesText.QUALIFIED_NAME_PART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.skiff.api.core.Pod;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pod create validation, rule by rule: each row edits the golden pod (valid as it is) and lists
 * exactly the errors Kubernetes reports for it; rows without errors are the passing cases.
 */
class PodValidationTest {

    private static final String C0 = "spec.containers[0]";
    private static final String UID = "3d3bd6a4-8f5e-4a7e-9d0c-2b0f0c8a61a1";

    static Stream<Arguments> metadataRules() {
        return Stream.of(
                arguments("golden pod", List.of(), errors()),
                arguments("no name", List.of(remove("/metadata/name"), remove("/metadata/generateName")),
                        errors("metadata.name: Required value: name or generateName is required")),
                arguments("subdomain name", List.of(set("/metadata/name", "web.v2-1")), errors()),
                arguments("bad name", List.of(set("/metadata/name", "Web_1")),
                        errors("metadata.name: Invalid value: \"Web_1\": " + DNS1123_SUBDOMAIN)),
                arguments("bad generateName", List.of(set("/metadata/generateName", "Web-")),
                        errors("metadata.generateName: Invalid value: \"Web-\": " + DNS1123_SUBDOMAIN)),
                arguments("bad namespace", List.of(set("/metadata/namespace", "My_NS")),
                        errors("metadata.namespace: Invalid value: \"My_NS\": " + DNS1123_LABEL)),
                arguments("bad label key", List.of(set("/metadata/labels/bad key", "x")),
                        errors("metadata.labels: Invalid value: \"bad key\": " + QUALIFIED_NAME_PART)),
                arguments("bad label value", List.of(set("/metadata/labels/app", "-web")),
                        errors("metadata.labels: Invalid value: \"-web\": " + LABEL_VALUE)),
                arguments("prefixed label", List.of(set("/metadata/labels/example.com~1tier", "front_end.v1")), errors()),
                arguments("bad annotation key", List.of(set("/metadata/annotations/Bad Key", "x")),
                        errors("metadata.annotations: Invalid value: \"Bad Key\": " + QUALIFIED_NAME_PART)),
                arguments("owner without uid", List.of(set("/metadata/ownerReferences/0/uid", "")),
                        errors("metadata.ownerReferences.uid: Invalid value: \"\": must not be empty")),
                arguments("two controllers", List.of(set("/metadata/ownerReferences/-", json(
                                "{\"apiVersion\":\"v1\",\"kind\":\"ReplicationController\",\"name\":\"other\",\"uid\":\"u2\",\"controller\":true}"))),
                        errors("metadata.ownerReferences: Invalid value: []v1.OwnerReference{v1.OwnerReference{"
                                + "APIVersion:\"v1\", Kind:\"ReplicationController\", Name:\"web\", UID:\"" + UID + "\", "
                                + "Controller:(*bool)(true), BlockOwnerDeletion:(*bool)(true)}, v1.OwnerReference{"
                                + "APIVersion:\"v1\", Kind:\"ReplicationController\", Name:\"other\", UID:\"u2\", "
                                + "Controller:(*bool)(true), BlockOwnerDeletion:(*bool)(nil)}}: Only one reference can have "
                                + "Controller set to true. Found \"true\" in references for ReplicationController/web and "
                                + "ReplicationController/other")),
                arguments("unknown finalizer", List.of(set("/metadata/finalizers", List.of("custom"))),
                        errors("metadata.finalizers[0]: Invalid value: \"custom\": name is neither a standard finalizer "
                                + "name nor is it fully qualified")),
                arguments("qualified finalizer", List.of(set("/metadata/finalizers", List.of("example.com/cleanup"))), errors()),
                arguments("negative generation", List.of(set("/metadata/generation", -1)),
                        errors("metadata.generation: Invalid value: -1: must be greater than or equal to 0")));
    }

    static Stream<Arguments> containerRules() {
        return Stream.of(
                arguments("no containers", List.of(set("/spec/containers", List.of())), errors("spec.containers: Required value")),
                arguments("bad container name", List.of(set("/spec/containers/0/name", "Web")),
                        errors(C0 + ".name: Invalid value: \"Web\": " + DNS1123_LABEL)),
                arguments("duplicate container name", List.of(set("/spec/containers/1/name", "web")),
                        errors("spec.containers[1].name: Duplicate value: \"web\"")),
                arguments("no image", List.of(set("/spec/containers/0/image", "")), errors(C0 + ".image: Required value")),
                arguments("padded image", List.of(set("/spec/containers/0/image", " busybox")),
                        errors(C0 + ".image: Invalid value: \" busybox\": must not have leading or trailing whitespace")),
                arguments("bad pull policy", List.of(set("/spec/containers/0/imagePullPolicy", "Sometimes")),
                        errors(C0 + ".imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
                                + "\"IfNotPresent\", \"Never\"")),
                arguments("bad termination message policy", List.of(set("/spec/containers/0/terminationMessagePolicy", "Sometimes")),
                        errors(C0 + ".terminationMessagePolicy: Unsupported value: \"Sometimes\": supported values: "
                                + "\"File\", \"FallbackToLogsOnError\"")),
                arguments("no containerPort", List.of(remove("/spec/containers/0/ports/0/containerPort")),
                        errors(C0 + ".ports[0].containerPort: Required value")),
                arguments("containerPort too big", List.of(set("/spec/containers/0/ports/0/containerPort", 70000)),
                        errors(C0 + ".ports[0].containerPort: Invalid value: 70000: " + PORT_RANGE)),
                arguments("edge ports", List.of(set("/spec/containers/0/ports/0/containerPort", 65535),
                        set("/spec/containers/0/ports/1/hostPort", 0)), errors()),
                arguments("hostPort too big", List.of(set("/spec/containers/0/ports/1/hostPort", 65536)),
                        errors(C0 + ".ports[1].hostPort: Invalid value: 65536: " + PORT_RANGE)),
                arguments("bad protocol", List.of(set("/spec/containers/0/ports/0/protocol", "HTTP")),
                        errors(C0 + ".ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"")),
                arguments("UDP and SCTP", List.of(set("/spec/containers/0/ports/0/protocol", "UDP"),
                        set("/spec/containers/0/ports/1/protocol", "SCTP")), errors()),
                arguments("bad port name", List.of(set("/spec/containers/0/ports/0/name", "HTTP_1")),
                        errors(C0 + ".ports[0].name: Invalid value: \"HTTP_1\": must contain only alpha-numeric characters "
                                        + "(a-z, 0-9), and hyphens (-)",
                                C0 + ".ports[0].name: Invalid value: \"HTTP_1\": must contain at least one letter (a-z)")),
                arguments("duplicate port name", List.of(set("/spec/containers/0/ports/1/name", "http")),
                        errors(C0 + ".ports[1].name: Duplicate value: \"http\"")),
                arguments("host port taken by another container", List.of(set("/spec/containers/1/ports", json(
                                "[{\"containerPort\":9091,\"hostPort\":19090,\"hostIP\":\"127.0.0.1\"}]"))),
                        errors("spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP/127.0.0.1/19090\"")),
                arguments("same host port, other host IP", List.of(set("/spec/containers/1/ports", json(
                        "[{\"containerPort\":9091,\"hostPort\":19090,\"hostIP\":\"127.0.0.2\"}]"))), errors()),
                arguments("host network publishes container ports", List.of(set("/spec/hostNetwork", true)),
                        errors(C0 + ".ports[1].hostPort: Invalid value: 19090: must match `containerPort` when `hostNetwork` is true")),
                arguments("env name starting with a digit", List.of(set("/spec/containers/0/env/0/name", "1GREETING")),
                        errors(C0 + ".env[0].name: Invalid value: \"1GREETING\": " + ENV_VAR_NAME)),
                arguments("env without name", List.of(set("/spec/containers/0/env/0/name", "")),
                        errors(C0 + ".env[0].name: Required value")),
                arguments("dotted env name", List.of(set("/spec/containers/0/env/0/name", "my.env-name")), errors()));
    }

    static Stream<Arguments> volumeRules() {
        return Stream.of(
                arguments("duplicate volume name", List.of(set("/spec/volumes/1/name", "content")),
                        errors("spec.volumes[1].name: Duplicate value: \"content\"")),
                arguments("bad volume name", List.of(set("/spec/volumes/1/name", "Scratch")),
                        errors("spec.volumes[1].name: Invalid value: \"Scratch\": " + DNS1123_LABEL)),
                arguments("two sources: the volume is invalid, so its mounts find nothing",
                        List.of(set("/spec/volumes/0/hostPath", json("{\"path\":\"/tmp\"}"))),
                        errors("spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type",
                                C0 + ".volumeMounts[0].name: Not found: \"content\"",
                                "spec.containers[1].volumeMounts[0].name: Not found: \"content\"")),
                arguments("hostPath without path", List.of(set("/spec/volumes/2/hostPath/path", "")),
                        errors("spec.volumes[2].hostPath.path: Required value",
                                C0 + ".volumeMounts[1].name: Not found: \"hostlog\"")),
                arguments("hostPath with backsteps", List.of(set("/spec/volumes/2/hostPath/path", "/var/../etc")),
                        errors("spec.volumes[2].hostPath.path: Invalid value: \"/var/../etc\": must not contain '..'",
                                C0 + ".volumeMounts[1].name: Not found: \"hostlog\"")),
                arguments("bad hostPath type", List.of(set("/spec/volumes/2/hostPath/type", "Dir")),
                        errors("spec.volumes[2].hostPath.type: Unsupported value: \"Dir\": supported values: \"\", "
                                        + "\"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", "
                                        + "\"FileOrCreate\", \"Socket\"",
                                C0 + ".volumeMounts[1].name: Not found: \"hostlog\"")),
                arguments("mount of a missing volume", List.of(set("/spec/containers/0/volumeMounts/0/name", "missing")),
                        errors(C0 + ".volumeMounts[0].name: Not found: \"missing\"")),
                arguments("mount without path", List.of(set("/spec/containers/0/volumeMounts/0/mountPath", "")),
                        errors(C0 + ".volumeMounts[0].mountPath: Required value")),
                arguments("two mounts at one path", List.of(set("/spec/containers/0/volumeMounts/1/mountPath", "/www")),
                        errors(C0 + ".volumeMounts[1].mountPath: Invalid value: \"/www\": must be unique")),
                arguments("absolute subPath", List.of(set("/spec/containers/0/volumeMounts/1/subPath", "/abs")),
                        errors(C0 + ".volumeMounts.subPath: Invalid value: \"/abs\": must be a relative path")),
                arguments("subPath leaving the volume", List.of(set("/spec/containers/0/volumeMounts/1/subPath", "a/../../up")),
                        errors(C0 + ".volumeMounts.subPath: Invalid value: \"a/../../up\": must not contain '..'")));
    }

    static Stream<Arguments> resourceAndProbeRules() {
        String res = C0 + ".resources";
        String live = C0 + ".livenessProbe";
        String ready = C0 + ".readinessProbe";
        return Stream.of(
                arguments("request above limit", List.of(set("/spec/containers/0/resources/requests/cpu", "1")),
                        errors(res + ".requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m")),
                // Defaulting copies the limit into requests, so the name is wrong twice, as in Kubernetes.
                arguments("unknown resource", List.of(set("/spec/containers/0/resources/limits/gpu", "1")),
                        errors(res + ".limits[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified",
                                res + ".limits[gpu]: Invalid value: \"gpu\": must be a standard resource for containers",
                                res + ".requests[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified",
                                res + ".requests[gpu]: Invalid value: \"gpu\": must be a standard resource for containers")),
                arguments("negative request", List.of(set("/spec/containers/0/resources/requests/memory", "-64Mi")),
                        errors(res + ".requests[memory]: Invalid value: \"-64Mi\": must be greater than or equal to 0")),
                arguments("extended resource without limit",
                        List.of(set("/spec/containers/0/resources/requests/example.com~1gpu", "1")),
                        errors(res + ".limits: Required value: Limit must be set for non overcommitable resources")),
                arguments("extended resource request below limit",
                        List.of(set("/spec/containers/0/resources/requests/example.com~1gpu", "1"),
                                set("/spec/containers/0/resources/limits/example.com~1gpu", "2")),
                        errors(res + ".requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2")),
                arguments("extended resource request equal to limit",
                        List.of(set("/spec/containers/0/resources/requests/example.com~1gpu", "1"),
                                set("/spec/containers/0/resources/limits/example.com~1gpu", "1")), errors()),
                arguments("two probe handlers", List.of(set("/spec/containers/0/livenessProbe/exec",
                                json("{\"command\":[\"true\"]}"))),
                        errors(live + ".httpGet: Forbidden: may not specify more than 1 handler type")),
                arguments("probe without handler", List.of(remove("/spec/containers/0/readinessProbe/tcpSocket")),
                        errors(ready + ": Required value: must specify a handler type")),
                arguments("liveness needs one success", List.of(set("/spec/containers/0/livenessProbe/successThreshold", 2)),
                        errors(live + ".successThreshold: Invalid value: 2: must be 1")),
                arguments("readiness may need more", List.of(set("/spec/containers/0/readinessProbe/successThreshold", 3)), errors()),
                arguments("negative period", List.of(set("/spec/containers/0/readinessProbe/periodSeconds", -1)),
                        errors(ready + ".periodSeconds: Invalid value: -1: must be greater than or equal to 0")),
                arguments("probe port 0", List.of(set("/spec/containers/0/livenessProbe/httpGet/port", 0)),
                        errors(live + ".httpGet.port: Invalid value: 0: " + PORT_RANGE)),
                arguments("bad probe port name", List.of(set("/spec/containers/0/readinessProbe/tcpSocket/port", "no_such")),
                        errors(ready + ".tcpSocket.port: Invalid value: \"no_such\": must contain only alpha-numeric "
                                + "characters (a-z, 0-9), and hyphens (-)")),
                arguments("bad probe scheme", List.of(set("/spec/containers/0/livenessProbe/httpGet/scheme", "FTP")),
                        errors(live + ".httpGet.scheme: Unsupported value: \"FTP\": supported values: \"HTTP\", \"HTTPS\"")),
                arguments("bad probe header", List.of(set("/spec/containers/0/livenessProbe/httpGet/httpHeaders/0/name", "X Probe")),
                        errors(live + ".httpGet.httpHeaders: Invalid value: \"X Probe\": a valid HTTP header must consist of "
                                + "alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is "
                                + "'[-A-Za-z0-9]+')")),
                arguments("exec without command", List.of(set("/spec/containers/1/livenessProbe/exec/command", List.of())),
                        errors("spec.containers[1].livenessProbe.exec.command: Required value")));
    }

    static Stream<Arguments> podSpecRules() {
        return Stream.of(
                arguments("bad restart policy", List.of(set("/spec/restartPolicy", "Sometimes")),
                        errors("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
                                + "\"OnFailure\", \"Never\"")),
                arguments("OnFailure", List.of(set("/spec/restartPolicy", "OnFailure")), errors()),
                arguments("negative grace period", List.of(set("/spec/terminationGracePeriodSeconds", -1)),
                        errors("spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0")),
                arguments("no grace period", List.of(set("/spec/terminationGracePeriodSeconds", 0)), errors()),
                arguments("bad node selector", List.of(set("/spec/nodeSelector/kubernetes.io~1os", "linux os")),
                        errors("spec.nodeSelector: Invalid value: \"linux os\": " + LABEL_VALUE)),
                arguments("zero deadline", List.of(set("/spec/activeDeadlineSeconds", 0)),
                        errors("spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive")),
                arguments("bad DNS policy", List.of(set("/spec/dnsPolicy", "Cluster")),
                        errors("spec.dnsPolicy: Unsupported value: \"Cluster\": supported values: \"ClusterFirstWithHostNet\", "
                                + "\"ClusterFirst\", \"Default\", \"None\"")),
                arguments("bad node name", List.of(set("/spec/nodeName", "Node_1")),
                        errors("spec.nodeName: Invalid value: \"Node_1\": " + DNS1123_SUBDOMAIN)),
                arguments("bad service account", List.of(set("/spec/serviceAccountName", "Default")),
                        errors("spec.serviceAccountName: Invalid value: \"Default\": " + DNS1123_SUBDOMAIN)),
                arguments("Exists with a value", List.of(set("/spec/tolerations/0/value", "x")),
                        errors("spec.tolerations[0].operator: Invalid value: \"x\": value must be empty when `operator` is 'Exists'")),
                arguments("bad toleration operator", List.of(set("/spec/tolerations/0/operator", "Maybe")),
                        errors("spec.tolerations[0].operator: Unsupported value: \"Maybe\": supported values: \"Equal\", \"Exists\"")),
                arguments("seconds need NoExecute", List.of(set("/spec/tolerations/0/effect", "NoSchedule")),
                        errors("spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when "
                                + "`tolerationSeconds` is set")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"metadataRules", "containerRules", "volumeRules", "resourceAndProbeRules", "podSpecRules"})
    void reportsExactlyKubernetesErrors(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Pod pod = Cases.object("pod.json", edits);

        assertThat(actual(Validators.validate(pod))).containsExactlyElementsOf(expected);
    }

    @Test
    void aBadPodWithSeveralProblemsReportsAllOfThem() {
        Pod pod = Cases.object("pod.json", List.of(
                set("/metadata/name", "Web_1"),
                set("/spec/containers/0/image", ""),
                set("/spec/containers/0/ports/0/containerPort", 70000),
                set("/spec/containers/0/volumeMounts/0/name", "missing"),
                set("/spec/containers/0/livenessProbe/exec", json("{\"command\":[\"true\"]}")),
                set("/spec/containers/1/name", "web"),
                set("/spec/restartPolicy", "Sometimes")));

        List<FieldError> errors = Validators.validate(pod);

        assertThat(actual(errors)).containsExactlyElementsOf(errors(
                "metadata.name: Invalid value: \"Web_1\": " + DNS1123_SUBDOMAIN,
                C0 + ".image: Required value",
                C0 + ".ports[0].containerPort: Invalid value: 70000: " + PORT_RANGE,
                C0 + ".volumeMounts[0].name: Not found: \"missing\"",
                C0 + ".livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type",
                "spec.containers[1].name: Duplicate value: \"web\"",
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""));
        assertThat(InvalidStatus.of(pod, errors).message())
                .startsWith("Pod " + q("Web_1") + " is invalid: [metadata.name: Invalid value: \"Web_1\": ")
                .endsWith(", spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
                        + "\"OnFailure\", \"Never\"]");
    }
}
