package io.skiff.cli.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The patch apply sends, for (last applied, file, live) triples, compared with what kubectl's
 * CreateThreeWayMergePatch makes of them (without its $setElementOrder directives).
 */
class ThreeWayMergeTest {
    record Case(String what, String kind, String original, String modified, String current, String patch) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("nothing changed: empty patch", "Pod",
                        "{\"metadata\":{\"labels\":{\"a\":\"1\"}}}",
                        "{\"metadata\":{\"labels\":{\"a\":\"1\"}}}",
                        "{\"metadata\":{\"labels\":{\"a\":\"1\"},\"uid\":\"u\"},\"status\":{\"phase\":\"Running\"}}",
                        "{}"),
                new Case("a label dropped from the file is deleted; one added by someone else stays", "Pod",
                        "{\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"}}}",
                        "{\"metadata\":{\"labels\":{\"a\":\"1\"}}}",
                        "{\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}}",
                        "{\"metadata\":{\"labels\":{\"b\":null}}}"),
                new Case("a changed value and a new field", "ReplicationController",
                        "{\"spec\":{\"replicas\":3}}",
                        "{\"spec\":{\"replicas\":5,\"minReadySeconds\":10}}",
                        "{\"spec\":{\"replicas\":3,\"selector\":{\"app\":\"web\"}}}",
                        "{\"spec\":{\"replicas\":5,\"minReadySeconds\":10}}"),
                new Case("a field the file never set (a default) is not touched", "Pod",
                        "{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"busybox\"}]}}",
                        "{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"busybox\"}]}}",
                        "{\"spec\":{\"restartPolicy\":\"Always\",\"containers\":[{\"name\":\"web\",\"image\":\"busybox\","
                                + "\"imagePullPolicy\":\"IfNotPresent\"}]}}",
                        "{}"),
                new Case("containers merge by name: change one, delete one, add one", "ReplicationController",
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\"},"
                                + "{\"name\":\"b\",\"image\":\"i2\"}]}}}}",
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i9\"},"
                                + "{\"name\":\"c\",\"image\":\"i3\"}]}}}}",
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i1\","
                                + "\"imagePullPolicy\":\"Always\"},{\"name\":\"b\",\"image\":\"i2\"}]}}}}",
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"b\",\"$patch\":\"delete\"},"
                                + "{\"name\":\"a\",\"image\":\"i9\"},{\"name\":\"c\",\"image\":\"i3\"}]}}}}"),
                new Case("a field removed inside a keyed element (a port's hostPort)", "Pod",
                        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"hostPort\":8080}]}]}}",
                        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":80}]}]}}",
                        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"hostPort\":8080,"
                                + "\"protocol\":\"TCP\"}]}]}}",
                        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"hostPort\":null}]}]}}"),
                new Case("a list without merge key (command) is replaced whole", "Pod",
                        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"command\":[\"sleep\",\"1\"]}]}}",
                        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"command\":[\"sleep\",\"2\"]}]}}",
                        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"command\":[\"sleep\",\"1\"]}]}}",
                        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"command\":[\"sleep\",\"2\"]}]}}"),
                new Case("a whole map dropped from the file", "Service",
                        "{\"spec\":{\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80}]}}",
                        "{\"spec\":{\"ports\":[{\"port\":80}]}}",
                        "{\"spec\":{\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80,\"protocol\":\"TCP\"}],"
                                + "\"clusterIP\":\"10.0.0.1\"}}",
                        "{\"spec\":{\"selector\":null}}"),
                new Case("set lists (finalizers): additions, and removals by $deleteFromPrimitiveList", "Pod",
                        "{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}",
                        "{\"metadata\":{\"finalizers\":[\"a\",\"c\"]}}",
                        "{\"metadata\":{\"finalizers\":[\"a\",\"b\",\"x\"]}}",
                        "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"b\"],\"finalizers\":[\"c\"]}}"),
                new Case("no last-applied configuration: nothing is deleted", "Pod",
                        null,
                        "{\"metadata\":{\"labels\":{\"a\":\"2\"}}}",
                        "{\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"}}}",
                        "{\"metadata\":{\"labels\":{\"a\":\"2\"}}}"),
                new Case("numbers compare by value: 3 and 3.0 are the same", "ReplicationController",
                        "{\"spec\":{\"replicas\":3}}",
                        "{\"spec\":{\"replicas\":3.0}}",
                        "{\"spec\":{\"replicas\":3}}",
                        "{}")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void makesKubectlsPatch(Case c) throws Exception {
        JsonNode original = c.original() == null ? null : Json.readTree(c.original());
        JsonNode patch = ThreeWayMerge.patch(c.kind(), original, Json.readTree(c.modified()), Json.readTree(c.current()));
        assertThat(patch).isEqualTo(Json.readTree(c.patch()));
    }
}
