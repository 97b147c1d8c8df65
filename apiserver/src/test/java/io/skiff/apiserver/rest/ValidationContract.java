package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.Json;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid writes of pods, services, replication controllers and nodes — create, update and
 * {@code /status}: one 422 Invalid carrying every problem at once, worded as Kubernetes words
 * them, and nothing stored.
 */
abstract class ValidationContract extends RestTestSupport {
    private static final String POD = pod("x");
    private static final String SERVICE = """
            {"metadata":{"name":"x"},"spec":{"selector":{"app":"x"},"ports":[{"port":80}]}}""";
    private static final String RC = """
            {"kind":"ReplicationController","metadata":{"name":"x"},"spec":{"replicas":1,"selector":{"app":"x"},
             "template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}""";
    private static final String NODE = """
            {"metadata":{"name":"x"},"spec":{"podCIDR":"10.244.1.0/24"}}""";
    private static final Pattern FIELD = Pattern.compile("([a-zA-Z][\\w.\\[\\]]*): ");
    private static final String BAD_LABEL = "metadata.labels: Invalid value: \"not ok!\": a valid label must be an empty "
            + "string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    /** A create: the collection ({@code NS} for the namespace), the body, the errors the message must hold. */
    static Stream<Arguments> invalidCreates() {
        return Stream.of(
                Arguments.of("pod", "/api/v1/namespaces/NS/pods", """
                        {"metadata":{"name":"Bad_Name","labels":{"ok":"not ok!"}},
                         "spec":{"containers":[{"name":"c"},{"name":"c","image":"i"}],"restartPolicy":"Sometimes"}}""",
                        List.of("metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of",
                                BAD_LABEL,
                                "spec.containers[0].image: Required value",
                                "spec.containers[1].name: Duplicate value: \"c\"",
                                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"")),
                Arguments.of("service", "/api/v1/namespaces/NS/services", """
                        {"metadata":{"name":"web_1"},"spec":{"type":"Foo","sessionAffinity":"Sticky",
                         "ports":[{"port":0,"protocol":"HTTP"}]}}""",
                        List.of("metadata.name: Invalid value: \"web_1\": a DNS-1035 label must consist of",
                                "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                                "spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                                "spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\"",
                                "spec.type: Unsupported value: \"Foo\": supported values: \"ClusterIP\", \"ExternalName\", "
                                        + "\"LoadBalancer\", \"NodePort\"")),
                Arguments.of("replication controller", "/api/v1/namespaces/NS/replicationcontrollers", """
                        {"kind":"ReplicationController","metadata":{"name":"x"},"spec":{"replicas":-1,"selector":{"app":"x"},
                         "template":{"metadata":{"labels":{"app":"y"}},
                         "spec":{"containers":[{"name":"c","image":"i"}],"restartPolicy":"Never"}}}}""",
                        List.of("spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"y\"}: "
                                        + "`selector` does not match template `labels`",
                                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"")),
                Arguments.of("node", "/api/v1/nodes", """
                        {"metadata":{"name":"Bad_Node"},"spec":{"podCIDR":"10.244.1.0/33",
                         "taints":[{"key":"k","effect":"Sometimes"}]}}""",
                        List.of("metadata.name: Invalid value: \"Bad_Node\": a lowercase RFC 1123 subdomain must consist of",
                                "spec.podCIDRs[0]: Invalid value: \"10.244.1.0/33\": must be a valid CIDR value",
                                // Kubernetes reports taints under metadata (ValidateNode's field path).
                                "metadata.taints[0].effect: Unsupported value: \"Sometimes\": supported values: "
                                        + "\"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreates")
    void invalidCreateIs422WithEveryErrorAndStoresNothing(String kind, String collection, String body, List<String> errors) {
        String path = collection.replace("NS", namespace());
        String before = http.get(path).json().path("items").toString();
        Response r = http.post(path, body);
        assertInvalid(r, errors);
        assertThat(http.get(path).json().path("items").toString()).as("nothing stored").isEqualTo(before);
    }

    /**
     * An update or a {@code /status} write of a valid stored object: the collection, the valid
     * body, "" or "/status", how the write breaks it, the errors the message must hold.
     */
    static Stream<Arguments> invalidUpdates() {
        return Stream.of(
                Arguments.of("pod update", "/api/v1/namespaces/NS/pods", POD, "", (Consumer<ObjectNode>) o -> {
                    badLabel(o);
                    ((ObjectNode) o.at("/spec/containers/0")).put("name", "d");
                }, List.of(BAD_LABEL, "spec: Forbidden: pod updates may not change fields other than "
                        + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`")),
                Arguments.of("pod status", "/api/v1/namespaces/NS/pods", POD, "/status", (Consumer<ObjectNode>) o -> {
                    badLabel(o);
                    ObjectNode status = (ObjectNode) o.path("status");
                    status.put("qosClass", "Guaranteed");
                    status.put("podIP", "not-an-ip");
                    status.putArray("podIPs").addObject().put("ip", "not-an-ip");
                }, List.of(BAD_LABEL, "status.qosClass: Invalid value: \"Guaranteed\": field is immutable",
                        "status.podIPs[0]: Invalid value: \"not-an-ip\": must be a valid IP address")),
                Arguments.of("service update", "/api/v1/namespaces/NS/services", SERVICE, "", (Consumer<ObjectNode>) o -> {
                    badLabel(o);
                    ObjectNode spec = (ObjectNode) o.path("spec");
                    String ip = spec.path("clusterIP").asText();
                    String other = ip.endsWith(".7") ? "10.0.0.8" : "10.0.0.7";
                    spec.put("clusterIP", other);
                    spec.put("sessionAffinity", "Sticky");
                }, List.of(BAD_LABEL, "spec.clusterIPs[0]: Invalid value: []string{\"10.0.0.", "may not change once set",
                        "spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\"")),
                Arguments.of("service status", "/api/v1/namespaces/NS/services", SERVICE, "/status", (Consumer<ObjectNode>) o -> {
                    badLabel(o);
                    ((ObjectNode) o.path("status")).putObject("loadBalancer").putArray("ingress").addObject().put("ip", "1.2.3.4");
                }, List.of(BAD_LABEL,
                        "status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is 'LoadBalancer'")),
                Arguments.of("rc update", "/api/v1/namespaces/NS/replicationcontrollers", RC, "", (Consumer<ObjectNode>) o -> {
                    badLabel(o);
                    ObjectNode spec = (ObjectNode) o.path("spec");
                    spec.put("replicas", -1);
                    spec.putObject("selector").put("app", "z");
                }, List.of(BAD_LABEL, "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}: "
                                + "`selector` does not match template `labels`")),
                Arguments.of("rc status", "/api/v1/namespaces/NS/replicationcontrollers", RC, "/status", (Consumer<ObjectNode>) o -> {
                    badLabel(o);
                    ObjectNode status = (ObjectNode) o.path("status");
                    status.put("replicas", -1);
                    status.put("readyReplicas", 2);
                }, List.of(BAD_LABEL, "status.replicas: Invalid value: -1: must be greater than or equal to 0",
                        "status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas")),
                Arguments.of("node update", "/api/v1/nodes", NODE, "", (Consumer<ObjectNode>) o -> {
                    badLabel(o);
                    ObjectNode spec = (ObjectNode) o.path("spec");
                    spec.put("podCIDR", "10.244.2.0/24");
                    spec.putArray("podCIDRs").add("10.244.2.0/24");
                    spec.putArray("taints").addObject().put("key", "k").put("effect", "Sometimes");
                }, List.of(BAD_LABEL, "spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid",
                        "metadata.taints[0].effect: Unsupported value: \"Sometimes\"")),
                Arguments.of("node status", "/api/v1/nodes", NODE, "/status", (Consumer<ObjectNode>) o -> {
                    badLabel(o);
                    ((ObjectNode) o.path("status")).putObject("capacity").put("cpu", "-1").put("memory", "-2Gi");
                }, List.of(BAD_LABEL, "status.capacity.cpu: Invalid value: \"-1\": must be greater than or equal to 0",
                        "status.capacity.memory: Invalid value: \"-2Gi\": must be greater than or equal to 0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUpdates")
    void invalidUpdateIs422WithEveryErrorAndChangesNothing(String what, String collection, String valid, String sub,
            Consumer<ObjectNode> breakIt, List<String> errors) throws Exception {
        String path = collection.replace("NS", namespace());
        String name = "v-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = (ObjectNode) Json.readTree(valid);
        ((ObjectNode) body.path("metadata")).put("name", name);
        Response created = http.post(path, body.toString());
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        String stored = http.get(path + "/" + name).body();
        ObjectNode changed = (ObjectNode) created.json();
        if (!changed.has("status")) {
            changed.putObject("status");
        }
        breakIt.accept(changed);
        Response r = http.put(path + "/" + name + sub, changed.toString());
        assertInvalid(r, errors);
        assertThat(http.get(path + "/" + name).body()).as("nothing stored").isEqualTo(stored);
        assertThat(http.delete(path + "/" + name).code()).isEqualTo(200);
    }

    private static void badLabel(ObjectNode o) {
        ((ObjectNode) o.path("metadata")).putObject("labels").put("ok", "not ok!");
    }

    /** 422 Invalid; every expected error in the message, one cause per error. */
    static void assertInvalid(Response r, List<String> errors) {
        assertThat(r.code()).as(r.toString()).isEqualTo(422);
        assertThat(r.text("reason")).isEqualTo("Invalid");
        assertThat(r.text("status")).isEqualTo("Failure");
        String message = r.text("message");
        assertThat(message).contains(" is invalid: [");
        for (String e : errors) {
            assertThat(message).as(r.toString()).contains(e);
        }
        List<String> fields = new ArrayList<>();
        r.json().path("details").path("causes").forEach(c -> fields.add(c.path("field").asText()));
        for (String e : errors) {
            Matcher field = FIELD.matcher(e);
            if (field.lookingAt()) {
                assertThat(fields).as("one cause per error: " + r).contains(field.group(1));
            }
        }
    }
}
