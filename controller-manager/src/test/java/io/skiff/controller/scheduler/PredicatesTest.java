package io.skiff.controller.scheduler;

import static io.skiff.controller.testing.TestObjects.node;
import static io.skiff.controller.testing.TestObjects.notReady;
import static io.skiff.controller.testing.TestObjects.onNode;
import static io.skiff.controller.testing.TestObjects.pod;
import static io.skiff.controller.testing.TestObjects.unschedulable;
import static io.skiff.controller.testing.TestObjects.withHostPort;
import static io.skiff.controller.testing.TestObjects.withNodeLabels;
import static io.skiff.controller.testing.TestObjects.withRequests;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec.Taint;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Toleration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PredicatesTest {

    static Stream<Arguments> cases() {
        Node small = node("n1", "1", "1Gi", 3);
        Pod plain = pod("p");
        Pod cpu600 = withRequests(pod("p"), "600m", null);
        Pod mem600 = withRequests(pod("p"), null, "600Mi");
        Pod both = withRequests(pod("p"), "2", "2Gi");
        Pod bound500m = onNode(withRequests(pod("b1"), "500m", "512Mi"), "n1");
        Pod port80 = withHostPort(pod("p"), 80, null, null);
        Pod port80udp = withHostPort(pod("p"), 80, "UDP", null);
        Pod port80onIp = withHostPort(pod("p"), 80, "TCP", "127.0.0.2");
        Pod holding80 = onNode(withHostPort(pod("h"), 80, "TCP", "127.0.0.1"), "n1");
        Pod wantsSsd = plain.withSpec(plain.spec().withNodeSelector(Map.of("disk", "ssd")));
        Node tainted = small.withSpec(small.spec().withTaints(
                List.of(new Taint("dedicated", "db", Taint.EFFECT_NO_SCHEDULE, null))));
        Node softTaint = small.withSpec(small.spec().withTaints(
                List.of(new Taint("dedicated", "db", Taint.EFFECT_PREFER_NO_SCHEDULE, null))));
        Pod toleratesDb = plain.withSpec(plain.spec().withTolerations(
                List.of(new Toleration("dedicated", "Equal", "db", "NoSchedule", null))));
        Pod toleratesAll = plain.withSpec(plain.spec().withTolerations(
                List.of(new Toleration(null, "Exists", null, null, null))));
        Pod toleratesCordon = plain.withSpec(plain.spec().withTolerations(
                List.of(new Toleration(Taint.KEY_UNSCHEDULABLE, "Exists", null, "NoSchedule", null))));
        return Stream.of(
                Arguments.of("empty node takes a plain pod", plain, NodeInfo.of(small, List.of()), List.of()),
                Arguments.of("unschedulable (cordoned) node", plain, NodeInfo.of(unschedulable(small), List.of()),
                        List.of(Predicates.UNSCHEDULABLE)),
                Arguments.of("cordoned node, pod tolerates the unschedulable taint", toleratesCordon,
                        NodeInfo.of(unschedulable(small), List.of()), List.of()),
                Arguments.of("unschedulable wins over not ready", plain,
                        NodeInfo.of(unschedulable(notReady(small, "Unknown")), List.of()),
                        List.of(Predicates.UNSCHEDULABLE)),
                Arguments.of("Ready=Unknown", plain, NodeInfo.of(notReady(small, "Unknown"), List.of()),
                        List.of(Predicates.NOT_READY)),
                Arguments.of("Ready=False", plain, NodeInfo.of(notReady(small, "False"), List.of()),
                        List.of(Predicates.NOT_READY)),
                Arguments.of("no Ready condition at all", plain,
                        NodeInfo.of(small.withStatus(small.status().withConditions(null)), List.of()),
                        List.of(Predicates.NOT_READY)),
                Arguments.of("NoSchedule taint not tolerated", plain, NodeInfo.of(tainted, List.of()),
                        List.of("node(s) had untolerated taint {dedicated: db}")),
                Arguments.of("NoSchedule taint tolerated by key/value", toleratesDb, NodeInfo.of(tainted, List.of()),
                        List.of()),
                Arguments.of("empty-key Exists toleration tolerates everything", toleratesAll,
                        NodeInfo.of(tainted, List.of()), List.of()),
                Arguments.of("PreferNoSchedule does not filter", plain, NodeInfo.of(softTaint, List.of()), List.of()),
                Arguments.of("nodeSelector: node lacks the label", wantsSsd, NodeInfo.of(small, List.of()),
                        List.of(Predicates.SELECTOR_MISMATCH)),
                Arguments.of("nodeSelector: wrong value", wantsSsd,
                        NodeInfo.of(withNodeLabels(small, Map.of("disk", "hdd")), List.of()),
                        List.of(Predicates.SELECTOR_MISMATCH)),
                Arguments.of("nodeSelector: matches among other labels", wantsSsd,
                        NodeInfo.of(withNodeLabels(small, Map.of("disk", "ssd", "zone", "a")), List.of()), List.of()),
                Arguments.of("host port held on a specific IP, wanted on all IPs", port80,
                        NodeInfo.of(small, List.of(holding80)), List.of(Predicates.PORTS_IN_USE)),
                Arguments.of("host port same number, other protocol", port80udp,
                        NodeInfo.of(small, List.of(holding80)), List.of()),
                Arguments.of("host port same number, other specific IP", port80onIp,
                        NodeInfo.of(small, List.of(holding80)), List.of()),
                Arguments.of("cpu fits exactly what is left", withRequests(pod("p"), "500m", null),
                        NodeInfo.of(small, List.of(bound500m)), List.of()),
                Arguments.of("cpu: 600m wanted, 500m left", cpu600, NodeInfo.of(small, List.of(bound500m)),
                        List.of(Predicates.INSUFFICIENT_CPU)),
                Arguments.of("memory: 600Mi wanted, 512Mi left", mem600, NodeInfo.of(small, List.of(bound500m)),
                        List.of(Predicates.INSUFFICIENT_MEMORY)),
                Arguments.of("both short: both named", both, NodeInfo.of(small, List.of()),
                        List.of(Predicates.INSUFFICIENT_CPU, Predicates.INSUFFICIENT_MEMORY)),
                Arguments.of("a pod without requests fits a full node", plain,
                        NodeInfo.of(small, List.of(onNode(withRequests(pod("f"), "1", "1Gi"), "n1"))), List.of()),
                Arguments.of("pod capacity reached", plain,
                        NodeInfo.of(small, List.of(onNode(pod("a"), "n1"), onNode(pod("b"), "n1"),
                                onNode(pod("c"), "n1"))), List.of(Predicates.TOO_MANY_PODS)),
                Arguments.of("pod capacity and cpu short together", cpu600,
                        NodeInfo.of(small, List.of(bound500m, onNode(pod("b"), "n1"), onNode(pod("c"), "n1"))),
                        List.of(Predicates.TOO_MANY_PODS, Predicates.INSUFFICIENT_CPU)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failures(String description, Pod pod, NodeInfo node, List<String> expected) {
        assertThat(Predicates.failures(pod, node)).containsExactlyElementsOf(expected);
    }
}
