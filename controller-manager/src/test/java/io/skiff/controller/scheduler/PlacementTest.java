package io.skiff.controller.scheduler;

import static io.skiff.controller.testing.TestObjects.node;
import static io.skiff.controller.testing.TestObjects.onNode;
import static io.skiff.controller.testing.TestObjects.ownedBy;
import static io.skiff.controller.testing.TestObjects.pod;
import static io.skiff.controller.testing.TestObjects.rc;
import static io.skiff.controller.testing.TestObjects.unschedulable;
import static io.skiff.controller.testing.TestObjects.withRequests;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlacementTest {

    @Test
    void podsOfOneControllerSpreadEvenlyOverEqualNodes() {
        ReplicationController rc = rc("default", "web", 9, Map.of("app", "web"));
        Map<String, NodeInfo> nodes = new LinkedHashMap<>();
        for (String n : List.of("n1", "n2", "n3")) {
            nodes.put(n, NodeInfo.of(node(n), List.of()));
        }
        Random random = new Random(42);
        for (int i = 0; i < 9; i++) {
            Pod p = ownedBy(pod("web-" + i), rc);
            Placement.Result r = Placement.schedule(p, nodes.values(), random);
            String chosen = ((Placement.Fit) r).nodeName();
            nodes.put(chosen, nodes.get(chosen).withPod(onNode(p, chosen)));
        }
        assertThat(nodes.values()).allSatisfy(n -> assertThat(n.podsPerController()).containsEntry("uid-rc-web", 3));
    }

    @Test
    void spreadingBeatsAnOtherwiseEmptierNodeForTheSameController() {
        ReplicationController rc = rc("default", "web", 2, Map.of("app", "web"));
        Pod first = onNode(ownedBy(pod("web-0"), rc), "n1");
        // n2 carries unrelated load; n1 carries this controller's pod: spreading wins.
        Pod other = onNode(withRequests(pod("other"), "100m", "100Mi"), "n2");
        List<NodeInfo> nodes = List.of(NodeInfo.of(node("n1"), List.of(first)), NodeInfo.of(node("n2"), List.of(other)));
        Placement.Result r = Placement.schedule(ownedBy(pod("web-1"), rc), nodes, new Random(1));
        assertThat(r).isEqualTo(new Placement.Fit("n2", NodeScorer.score(ownedBy(pod("web-1"), rc), nodes.get(1), 1)));
    }

    static Stream<Arguments> leastRequested() {
        return Stream.of(
                // requested (with the pod), allocatable -> score
                Arguments.of(0L, 1000L, 100L),
                Arguments.of(250L, 1000L, 75L),
                Arguments.of(1000L, 1000L, 0L),
                Arguments.of(1500L, 1000L, 0L),
                Arguments.of(100L, 0L, 0L),
                Arguments.of(333L, 1000L, 66L));
    }

    @ParameterizedTest(name = "requested {0} of {1} -> {2}")
    @MethodSource("leastRequested")
    void leastRequestedScore(long requested, long allocatable, long expected) {
        assertThat(NodeScorer.leastRequested(requested, allocatable)).isEqualTo(expected);
    }

    @Test
    void leastRequestedPrefersTheNodeWithMoreRoom() {
        Pod busy = onNode(withRequests(pod("busy"), "3", "6Gi"), "n1");
        List<NodeInfo> nodes = List.of(NodeInfo.of(node("n1"), List.of(busy)), NodeInfo.of(node("n2"), List.of()));
        Map<String, Integer> chosen = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Placement.Result r = Placement.schedule(withRequests(pod("p" + i), "100m", "100Mi"), nodes, random);
            chosen.merge(((Placement.Fit) r).nodeName(), 1, Integer::sum);
        }
        assertThat(chosen).containsOnlyKeys("n2");
    }

    @Test
    void equalNodesAreChosenAtRandomNotAlwaysTheFirst() {
        List<NodeInfo> nodes = new ArrayList<>();
        for (String n : List.of("n1", "n2", "n3", "n4")) {
            nodes.add(NodeInfo.of(node(n), List.of()));
        }
        Map<String, Integer> chosen = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            chosen.merge(((Placement.Fit) Placement.schedule(pod("p"), nodes, random)).nodeName(), 1, Integer::sum);
        }
        assertThat(chosen).containsOnlyKeys("n1", "n2", "n3", "n4");
        assertThat(chosen.values()).allSatisfy(c -> assertThat(c).isBetween(25, 75));
    }

    @Test
    void nothingFitsGivesTheReasonsPerNode() {
        Pod big = withRequests(pod("big"), "2", null);
        List<NodeInfo> nodes = List.of(
                NodeInfo.of(node("a", "1", "1Gi", 10), List.of()),
                NodeInfo.of(node("b", "1", "1Gi", 10), List.of()),
                NodeInfo.of(unschedulable(node("c", "8", "1Gi", 10)), List.of()));
        Placement.Result r = Placement.schedule(big, nodes, new Random(0));
        assertThat(r).isInstanceOf(Placement.FitFailure.class);
        FitError e = ((Placement.FitFailure) r).error();
        assertThat(e.reasonsByNode()).containsOnlyKeys("a", "b", "c");
        assertThat(e.message())
                .isEqualTo("0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.");
    }

    @Test
    void noNodesAtAll() {
        Placement.Result r = Placement.schedule(pod("p"), List.of(), new Random(0));
        assertThat(((Placement.FitFailure) r).error().message()).isEqualTo("no nodes available to schedule pods");
    }
}
