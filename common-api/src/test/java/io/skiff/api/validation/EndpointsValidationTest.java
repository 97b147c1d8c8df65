package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.Cases.json;
import static io.skiff.api.validation.Cases.remove;
import static io.skiff.api.validation.Cases.set;
import static io.skiff.api.validation.KubernetesText.DNS1123_LABEL;
import static io.skiff.api.validation.KubernetesText.IP;
import static io.skiff.api.validation.KubernetesText.PORT_RANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.core.Endpoints;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoints as the endpoints controller writes them, and what Kubernetes refuses in them. */
class EndpointsValidationTest {

    private static final JsonNode ENDPOINTS = json("""
            {"apiVersion": "v1", "kind": "Endpoints",
             "metadata": {"name": "web", "namespace": "default"},
             "subsets": [{
               "addresses": [{"ip": "172.17.0.5", "nodeName": "node-1",
                              "targetRef": {"kind": "Pod", "name": "web-7xk2p", "namespace": "default"}}],
               "notReadyAddresses": [{"ip": "fd00::6"}],
               "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}, {"name": "metrics", "port": 9090}]}]}
            """);
    private static final String SUBSET = "subsets[0]";

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("valid endpoints", List.of(), errors()),
                arguments("subset without addresses", List.of(remove("/subsets/0/addresses"), remove("/subsets/0/notReadyAddresses")),
                        errors(SUBSET + ": Required value: must specify `addresses` or `notReadyAddresses`")),
                arguments("unparseable IP is reported twice, as in Kubernetes", List.of(set("/subsets/0/addresses/0/ip", "10.0.0")),
                        errors(SUBSET + ".addresses[0].ip: Invalid value: \"10.0.0\": " + IP,
                                SUBSET + ".addresses[0].ip: Invalid value: \"10.0.0\": must be a valid IP address")),
                arguments("loopback address", List.of(set("/subsets/0/notReadyAddresses/0/ip", "::1")),
                        errors(SUBSET + ".notReadyAddresses[0].ip: Invalid value: \"::1\": may not be in the loopback range "
                                + "(127.0.0.0/8, ::1/128)")),
                arguments("link-local address", List.of(set("/subsets/0/addresses/0/ip", "169.254.169.254")),
                        errors(SUBSET + ".addresses[0].ip: Invalid value: \"169.254.169.254\": may not be in the link-local "
                                + "range (169.254.0.0/16, fe80::/10)")),
                arguments("link-local multicast address", List.of(set("/subsets/0/addresses/0/ip", "224.0.0.1")),
                        errors(SUBSET + ".addresses[0].ip: Invalid value: \"224.0.0.1\": may not be in the link-local "
                                + "multicast range (224.0.0.0/24, ff02::/10)")),
                arguments("bad hostname", List.of(set("/subsets/0/addresses/0/hostname", "Web")),
                        errors(SUBSET + ".addresses[0].hostname: Invalid value: \"Web\": " + DNS1123_LABEL)),
                arguments("unnamed port among two", List.of(remove("/subsets/0/ports/1/name")),
                        errors(SUBSET + ".ports[1].name: Required value")),
                arguments("port 0", List.of(set("/subsets/0/ports/0/port", 0)),
                        errors(SUBSET + ".ports[0].port: Invalid value: 0: " + PORT_RANGE)),
                arguments("bad protocol", List.of(set("/subsets/0/ports/0/protocol", "TLS")),
                        errors(SUBSET + ".ports[0].protocol: Unsupported value: \"TLS\": supported values: \"SCTP\", \"TCP\", \"UDP\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void validatesEndpoints(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Endpoints endpoints = Cases.object(ENDPOINTS, edits);

        assertThat(actual(Validators.validate(endpoints))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void validatesUpdatesByTheSameRules(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Endpoints old = Cases.object(ENDPOINTS, List.of(set("/metadata/resourceVersion", "7")));
        Endpoints updated = Cases.object(ENDPOINTS, Stream.concat(edits.stream(),
                Stream.of(set("/metadata/resourceVersion", "7"))).toList());

        assertThat(actual(Validators.validateUpdate(updated, old))).containsExactlyElementsOf(expected);
    }
}
