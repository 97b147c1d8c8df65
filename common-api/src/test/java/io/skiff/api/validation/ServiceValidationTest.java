package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.Cases.json;
import static io.skiff.api.validation.Cases.remove;
import static io.skiff.api.validation.Cases.set;
import static io.skiff.api.validation.KubernetesText.DNS1035_LABEL;
import static io.skiff.api.validation.KubernetesText.DNS1123_LABEL;
import static io.skiff.api.validation.KubernetesText.IP;
import static io.skiff.api.validation.KubernetesText.LABEL_VALUE;
import static io.skiff.api.validation.KubernetesText.PORT_RANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.skiff.api.core.Service;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Services: create, update (cluster IPs stay) and status (load balancer ingress) rules. */
class ServiceValidationTest {

    private static final List<Cases.Edit> HEADLESS = List.of(set("/spec/clusterIP", "None"),
            set("/spec/clusterIPs", List.of("None")));
    private static final List<Cases.Edit> EXTERNAL_NAME = List.of(set("/spec/type", "ExternalName"),
            set("/spec/externalName", "db.example.com."), remove("/spec/clusterIP"), remove("/spec/clusterIPs"),
            set("/spec/ports", List.of()));

    static Stream<Arguments> creates() {
        return Stream.of(
                arguments("golden service", List.of(), errors()),
                arguments("name not a DNS-1035 label", List.of(set("/metadata/name", "9web")),
                        errors("metadata.name: Invalid value: \"9web\": " + DNS1035_LABEL)),
                arguments("no ports", List.of(set("/spec/ports", List.of())), errors("spec.ports: Required value")),
                arguments("headless without ports", concat(HEADLESS, set("/spec/type", "ClusterIP"),
                        set("/spec/ports", List.of())), errors()),
                arguments("headless node port service", HEADLESS,
                        errors("spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services")),
                arguments("external name", EXTERNAL_NAME, errors()),
                arguments("external name without a name", concat(EXTERNAL_NAME, remove("/spec/externalName")),
                        errors("spec.externalName: Required value")),
                arguments("external name with a cluster IP", concat(EXTERNAL_NAME, set("/spec/clusterIP", "10.96.0.9")),
                        errors("spec.clusterIPs: Forbidden: may not be set for ExternalName services")),
                arguments("port 0", List.of(set("/spec/ports/0/port", 0)),
                        errors("spec.ports[0].port: Invalid value: 0: " + PORT_RANGE)),
                arguments("unnamed port among two", List.of(remove("/spec/ports/1/name")),
                        errors("spec.ports[1].name: Required value")),
                arguments("single unnamed port", List.of(remove("/spec/ports/1"), remove("/spec/ports/0/name")), errors()),
                arguments("duplicate port name", List.of(set("/spec/ports/1/name", "http")),
                        errors("spec.ports[1].name: Duplicate value: \"http\"")),
                arguments("bad port name", List.of(set("/spec/ports/0/name", "Web")),
                        errors("spec.ports[0].name: Invalid value: \"Web\": " + DNS1123_LABEL)),
                arguments("target port out of range", List.of(set("/spec/ports/1/targetPort", 70000)),
                        errors("spec.ports[1].targetPort: Invalid value: 70000: " + PORT_RANGE)),
                arguments("bad target port name", List.of(set("/spec/ports/0/targetPort", "HTTP_X")),
                        errors("spec.ports[0].targetPort: Invalid value: \"HTTP_X\": must contain only alpha-numeric "
                                        + "characters (a-z, 0-9), and hyphens (-)",
                                "spec.ports[0].targetPort: Invalid value: \"HTTP_X\": must contain at least one letter (a-z)")),
                arguments("bad protocol", List.of(set("/spec/ports/0/protocol", "HTTP")),
                        errors("spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"")),
                arguments("same protocol and port twice", List.of(set("/spec/ports/1/port", 80)),
                        errors("spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", "
                                + "AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, "
                                + "StrVal:\"\"}, NodePort:0}")),
                arguments("same port, other protocol", List.of(set("/spec/ports/1/port", 80), set("/spec/ports/1/protocol", "UDP")),
                        errors()),
                arguments("bad type", List.of(set("/spec/type", "Foo")),
                        errors("spec.type: Unsupported value: \"Foo\": supported values: \"ClusterIP\", \"ExternalName\", "
                                + "\"LoadBalancer\", \"NodePort\"")),
                arguments("node ports on a ClusterIP service", List.of(set("/spec/type", "ClusterIP")),
                        errors("spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
                                "spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'")),
                arguments("ClusterIP service without node ports", List.of(set("/spec/type", "ClusterIP"),
                        remove("/spec/ports/0/nodePort"), remove("/spec/ports/1/nodePort")), errors()),
                arguments("node port used twice", List.of(set("/spec/ports/1/nodePort", 31380)),
                        errors("spec.ports[1].nodePort: Duplicate value: 31380")),
                arguments("bad cluster IP", List.of(set("/spec/clusterIP", "10.96.0.300"), set("/spec/clusterIPs", List.of("10.96.0.300"))),
                        errors("spec.clusterIPs[0]: Invalid value: \"10.96.0.300\": " + IP)),
                arguments("cluster IPs disagree", List.of(set("/spec/clusterIPs", List.of("10.96.0.2"))),
                        errors("spec.clusterIPs: Invalid value: []string{\"10.96.0.2\"}: first value must match `clusterIP`")),
                arguments("only clusterIP set", List.of(remove("/spec/clusterIPs")), errors()),
                arguments("bad session affinity", List.of(set("/spec/sessionAffinity", "Sticky")),
                        errors("spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\"")),
                arguments("loopback external IP", List.of(set("/spec/externalIPs/0", "127.0.0.1")),
                        errors("spec.externalIPs[0]: Invalid value: \"127.0.0.1\": may not be in the loopback range "
                                + "(127.0.0.0/8, ::1/128)")),
                arguments("unspecified external IP", List.of(set("/spec/externalIPs/0", "0.0.0.0")),
                        errors("spec.externalIPs[0]: Invalid value: \"0.0.0.0\": may not be unspecified (0.0.0.0)")),
                arguments("bad external IP", List.of(set("/spec/externalIPs/0", "example")),
                        errors("spec.externalIPs[0]: Invalid value: \"example\": " + IP)),
                arguments("bad selector", List.of(set("/spec/selector/app", "web app")),
                        errors("spec.selector: Invalid value: \"web app\": " + LABEL_VALUE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void validatesCreates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Service svc = Cases.object("service.json", edits);

        assertThat(actual(Validators.validate(svc))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                arguments("ports changed", List.of(set("/spec/ports/0/port", 8080)), errors()),
                arguments("cluster IP changed", List.of(set("/spec/clusterIP", "10.96.0.2"), set("/spec/clusterIPs", List.of("10.96.0.2"))),
                        errors("spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.2\"}: may not change once set")),
                arguments("cluster IP dropped", List.of(remove("/spec/clusterIP"), remove("/spec/clusterIPs")),
                        errors("spec.clusterIPs[0]: Invalid value: []string(nil): primary clusterIP can not be unset")),
                arguments("turned into an external name", EXTERNAL_NAME, errors()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void validatesUpdates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Service oldSvc = Cases.object("service.json", List.of());
        Service newSvc = Cases.object("service.json", edits);

        assertThat(actual(Validators.validateUpdate(newSvc, oldSvc))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> statusUpdates() {
        String ingress = "/status/loadBalancer/ingress";
        return Stream.of(
                arguments("load balancer address", List.of(set("/spec/type", "LoadBalancer"),
                        set(ingress, json("[{\"ip\":\"192.168.49.200\"},{\"hostname\":\"lb.example.com\"}]"))), errors()),
                arguments("ingress on a node port service", List.of(set(ingress, json("[{\"ip\":\"192.168.49.200\"}]"))),
                        errors("status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is 'LoadBalancer'")),
                arguments("bad ingress IP", List.of(set("/spec/type", "LoadBalancer"), set(ingress, json("[{\"ip\":\"lb\"}]"))),
                        errors("status.loadBalancer.ingress[0].ip: Invalid value: \"lb\": " + IP)),
                arguments("IP as a hostname", List.of(set("/spec/type", "LoadBalancer"),
                                set(ingress, json("[{\"hostname\":\"192.168.49.200\"}]"))),
                        errors("status.loadBalancer.ingress[0].hostname: Invalid value: \"192.168.49.200\": must be a DNS "
                                + "name, not an IP address")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusUpdates")
    void validatesStatusUpdates(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Service oldSvc = Cases.object("service.json", List.of());
        Service newSvc = Cases.object("service.json", edits);

        assertThat(actual(Validators.validateStatusUpdate(newSvc, oldSvc))).containsExactlyElementsOf(expected);
    }

    private static List<Cases.Edit> concat(List<Cases.Edit> base, Cases.Edit... more) {
        return Stream.concat(base.stream(), Stream.of(more)).toList();
    }
}
