package io.skiff.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.testing.RandomObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass decode (peek apiVersion/kind, bind the bytes) and the tree path give the same
 * objects, and the one-pass path declines every body the tree path rejects, so errors are the
 * tree path's, word for word.
 */
class SinglePassDecodeTest {
    private final Scheme scheme = Scheme.defaultScheme();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pod.json", "replicationcontroller.json", "service.json", "node.json",
            "status-invalid.json", "lease.json", "event.json"})
    void everyGoldenFileDecodesInOnePassToWhatTheTreeGives(String file) throws Exception {
        byte[] golden = read(file);

        ApiObject direct = scheme.decodeDirect(golden);

        assertThat(direct).as("one pass applies to %s", file).isNotNull();
        assertThat(direct).isEqualTo(scheme.decodeViaTree(golden)).isEqualTo(scheme.decode(golden));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        type last                 | {"metadata":{"name":"a"},"spec":{"containers":[]},"kind":"Pod","apiVersion":"v1"}
        type around other fields  | {"kind":"Pod","metadata":{"name":"a","labels":{"kind":"x"}},"apiVersion":"v1"}
        escaped kind              | {"apiVersion":"v1","kind":"P\\u006fd","metadata":{"name":"a"}}
        repeated before both seen | {"kind":"Service","kind":"Pod","apiVersion":"v1","metadata":{"name":"a"}}
        explicit nulls            | {"apiVersion":"v1","kind":"Pod","metadata":null,"spec":{"containers":null},"status":null}
        unknown fields            | {"apiVersion":"v1","kind":"Pod","x":{"y":[1,{"z":null}]},"metadata":{"name":"a","managedFields":[{}]}}
        list items without kind   | {"apiVersion":"v1","kind":"NodeList","metadata":{"resourceVersion":"7"},"items":[{"metadata":{"name":"n1"}},{}]}
        list items with kind      | {"apiVersion":"v1","kind":"PodList","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}]}
        empty list                | {"apiVersion":"v1","kind":"PodList","items":[]}
        group version             | {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","spec":{"renewTime":"2021-03-02T10:20:41.870215Z"}}
        scale                     | {"apiVersion":"autoscaling/v1","kind":"Scale","spec":{"replicas":5},"status":{"replicas":3}}
        delete options in meta    | {"apiVersion":"meta.k8s.io/v1","kind":"DeleteOptions","gracePeriodSeconds":0}
        numbers as quantities     | {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":0.50,"memory":1E3}}}]}}
        times with offsets        | {"apiVersion":"v1","kind":"Pod","metadata":{"creationTimestamp":"2021-03-02T12:15:01.5+02:00"}}
        whitespace and newlines   | ` {\\r\\n "apiVersion" : "v1" ,\\n\\t"kind":"Pod" }  `
        """)
    void unusualButValidBodiesDecodeAlike(String name, String body) throws DecodeException {
        byte[] bytes = bytes(body);

        ApiObject direct = scheme.decodeDirect(bytes);

        assertThat(direct).as("one pass applies").isNotNull();
        assertThat(direct).isEqualTo(scheme.decodeViaTree(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        the type a pods path implies | v1                     | Pod     | true
        another kind                 | v1                     | Service | false
        another version              | coordination.k8s.io/v1 | Pod     | false
        """)
    void aBodyBindsInOnePassOnlyAsTheTypeTheRequestExpects(String name, String apiVersion, String kind, boolean binds)
            throws DecodeException {
        byte[] body = bytes("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}");

        ApiObject direct = scheme.decodeDirect(body, apiVersion, kind);

        assertThat(direct).isEqualTo(binds ? scheme.decodeViaTree(body) : null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        no apiVersion              | {"kind":"Pod","metadata":{"name":"a"}}
        no kind                    | {"apiVersion":"v1"}
        null kind                  | {"apiVersion":"v1","kind":null}
        empty apiVersion           | {"apiVersion":"","kind":"Pod"}
        v1beta1 converts a tree    | {"apiVersion":"v1beta1","kind":"Pod","id":"a","desiredState":{"manifest":{"version":"v1beta1","containers":[]}}}
        """)
    void bodiesWithoutAV1TypeUpFrontTakeTheTreePath(String name, String body) {
        assertThat(scheme.decodeDirect(bytes(body))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        malformed                   | {"apiVersion":"v1","kind":"Pod","metadata":{"name":"a",}}
        truncated after the type    | {"apiVersion":"v1","kind":"Pod","metadata":{
        truncated in the type       | {"apiVersion":"v1","ki
        trailing garbage            | {"apiVersion":"v1","kind":"Pod"} x
        trailing object             | {"apiVersion":"v1","kind":"Pod"} {}
        empty                       | ``
        blank                       | `  `
        array                       | [1,2]
        a string                    | "Pod"
        json null                   | null
        unknown kind                | {"apiVersion":"v1","kind":"Foo"}
        unknown version             | {"apiVersion":"v9","kind":"Pod"}
        kind of another group       | {"apiVersion":"v1","kind":"Lease"}
        kind not a string           | {"apiVersion":"v1","kind":7}
        apiVersion an array         | {"apiVersion":["v1"],"kind":"Pod"}
        integer as string           | {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"c","ports":[{"containerPort":"80"}]}]}}
        decimal as integer          | {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"ports":[{"containerPort":8.5}]}]}}
        integer overflow            | {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"ports":[{"containerPort":99999999999}]}]}}
        string as boolean           | {"apiVersion":"v1","kind":"Pod","spec":{"hostNetwork":"true"}}
        object as array             | {"apiVersion":"v1","kind":"Pod","spec":{"containers":{}}}
        string as object            | {"apiVersion":"v1","kind":"Pod","spec":""}
        label not a string          | {"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"app":1}}}
        bad time                    | {"apiVersion":"v1","kind":"Pod","metadata":{"creationTimestamp":"2021-13-01T00:00:00Z"}}
        time as number              | {"apiVersion":"v1","kind":"Pod","metadata":{"creationTimestamp":12}}
        port as boolean             | {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"livenessProbe":{"httpGet":{"port":true}}}]}}
        port as decimal             | {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"livenessProbe":{"httpGet":{"port":1.5}}}]}}
        bad quantity                | {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"resources":{"limits":{"cpu":"lots"}}}]}}
        list item of the wrong type | {"apiVersion":"v1","kind":"PodList","items":[{"metadata":{"name":5}}]}
        items not an array          | {"apiVersion":"v1","kind":"PodList","items":{}}
        wrong type after the type   | {"apiVersion":"v1","kind":"Pod",\\n"metadata":{"name":"a"},\\n"spec":{"restartPolicy":1}}
        """)
    void badBodiesFailAsOnTheTreePath(String name, String body) {
        byte[] bytes = bytes(body);

        DecodeException viaTree = catchThrowableOfType(DecodeException.class, () -> scheme.decodeViaTree(bytes));
        DecodeException decoded = catchThrowableOfType(DecodeException.class, () -> scheme.decode(bytes));

        assertThat(scheme.decodeDirect(bytes)).as("the one-pass path declines it").isNull();
        assertThat(viaTree).as("the tree path rejects it").isNotNull();
        assertThat(decoded).as("decode rejects it").isNotNull();
        assertThat(decoded.getMessage()).isEqualTo(viaTree.getMessage());
        assertThat(List.of(decoded.line(), decoded.column())).isEqualTo(List.of(viaTree.line(), viaTree.column()));
        assertThat(decoded.field()).isEqualTo(viaTree.field());
    }

    @Test
    void aTypeRepeatedAfterBothWereSeenIsNotLookedFor() throws DecodeException {
        byte[] body = """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"},"kind":"Service"}""".getBytes(StandardCharsets.UTF_8);

        // Documented in TypeMeta: the one-pass path stops reading at the first pair.
        assertThat(scheme.decode(body)).isInstanceOf(Pod.class);
        assertThat(scheme.decodeViaTree(body)).isInstanceOf(Service.class);
    }

    @Provide
    Arbitrary<ApiObject> objects() {
        List<Function<RandomObjects, ApiObject>> kinds = List.of(
                RandomObjects::pod, RandomObjects::replicationController, RandomObjects::service,
                RandomObjects::endpoints, RandomObjects::node, RandomObjects::event, RandomObjects::namespace,
                RandomObjects::binding, RandomObjects::lease, RandomObjects::scale, RandomObjects::status,
                RandomObjects::deleteOptions, RandomObjects::podList);
        return Arbitraries.integers().between(0, kinds.size() - 1).flatMap(kind ->
                Arbitraries.randomValue(random -> kinds.get(kind).apply(new RandomObjects(random))));
    }

    @Property(tries = 300)
    void randomObjectsDecodeAlikeWhereverTheirTypeIs(@ForAll("objects") ApiObject obj, @ForAll boolean typeLast)
            throws DecodeException {
        byte[] json = scheme.encode(obj);
        if (typeLast) { // apiVersion and kind after every other field
            ObjectNode tree = (ObjectNode) Json.readTree(json);
            tree.set("apiVersion", tree.remove("apiVersion"));
            tree.set("kind", tree.remove("kind"));
            json = Json.toBytes(tree);
        }

        ApiObject direct = scheme.decodeDirect(json);

        assertThat(direct).isNotNull().isEqualTo(scheme.decodeViaTree(json)).isEqualTo(obj);
    }

    /** A table's body: {@code \n}, {@code \r} and {@code \t} stand for the characters they name. */
    private static byte[] bytes(String body) {
        return body.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = SinglePassDecodeTest.class.getResourceAsStream("/golden/v1/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }
}
