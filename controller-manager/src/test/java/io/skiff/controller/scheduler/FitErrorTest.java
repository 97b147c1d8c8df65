package io.skiff.controller.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FitErrorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(0, Map.of(), "no nodes available to schedule pods"),
                Arguments.of(3, Map.of("a", List.of("Insufficient cpu"), "b", List.of("Insufficient cpu"),
                                "c", List.of("node(s) were unschedulable")),
                        // Go's sort.Strings over "<count> <reason>": "1 node..." sorts before "2 Insufficient..."
                        "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu."),
                Arguments.of(2, Map.of("a", List.of("Insufficient cpu", "Insufficient memory"),
                                "b", List.of("Insufficient memory")),
                        "0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory."),
                Arguments.of(12, Map.ofEntries(
                                Map.entry("n1", List.of("node(s) didn't match Pod's node affinity/selector")),
                                Map.entry("n2", List.of("node(s) didn't match Pod's node affinity/selector")),
                                Map.entry("n3", List.of("node(s) didn't have free ports for the requested pod ports")),
                                Map.entry("n4", List.of("Too many pods")),
                                Map.entry("n5", List.of("Too many pods")),
                                Map.entry("n6", List.of("Too many pods")),
                                Map.entry("n7", List.of("Too many pods")),
                                Map.entry("n8", List.of("Too many pods")),
                                Map.entry("n9", List.of("Too many pods")),
                                Map.entry("n10", List.of("Too many pods")),
                                Map.entry("n11", List.of("Too many pods")),
                                Map.entry("n12", List.of("Too many pods"))),
                        // byte order: "1 node..." < "2 node..." < "9 Too..."
                        "0/12 nodes are available: 1 node(s) didn't have free ports for the requested pod ports,"
                                + " 2 node(s) didn't match Pod's node affinity/selector, 9 Too many pods."),
                Arguments.of(11, Map.ofEntries(
                                Map.entry("n1", List.of("node(s) were not ready")),
                                Map.entry("n2", List.of("Too many pods")), Map.entry("n3", List.of("Too many pods")),
                                Map.entry("n4", List.of("Too many pods")), Map.entry("n5", List.of("Too many pods")),
                                Map.entry("n6", List.of("Too many pods")), Map.entry("n7", List.of("Too many pods")),
                                Map.entry("n8", List.of("Too many pods")), Map.entry("n9", List.of("Too many pods")),
                                Map.entry("n10", List.of("Too many pods")), Map.entry("n11", List.of("Too many pods"))),
                        // "1 node..." sorts before "10 Too..." because ' ' (32) < '0' (48)
                        "0/11 nodes are available: 1 node(s) were not ready, 10 Too many pods."));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("cases")
    void message(int nodes, Map<String, List<String>> reasons, String expected) {
        assertThat(new FitError(nodes, reasons).message()).isEqualTo(expected);
    }
}
