package io.skiff.api.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.meta.ApiObject;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The "fuzzer" for v1beta1: random 2014 objects of every kind survive v1beta1 JSON -> hub ->
 * v1beta1 JSON unchanged, and random hub objects that only use what v1beta1 can say survive
 * hub -> v1beta1 -> hub.
 */
class V1beta1RoundTripTest {
    private final Scheme scheme = Scheme.defaultScheme();

    private static final List<Function<RandomWireObjects, Object>> WIRE_KINDS = List.of(
            RandomWireObjects::pod, RandomWireObjects::replicationController, RandomWireObjects::service,
            RandomWireObjects::minion, RandomWireObjects::event, RandomWireObjects::status,
            RandomWireObjects::podList, RandomWireObjects::replicationControllerList, RandomWireObjects::serviceList,
            RandomWireObjects::minionList, RandomWireObjects::eventList);

    private static final List<Function<RandomHubObjects, ApiObject>> HUB_KINDS = List.of(
            RandomHubObjects::pod, RandomHubObjects::replicationController, RandomHubObjects::service,
            RandomHubObjects::node, RandomHubObjects::event, RandomHubObjects::status,
            RandomHubObjects::podList, RandomHubObjects::replicationControllerList, RandomHubObjects::serviceList,
            RandomHubObjects::nodeList, RandomHubObjects::eventList);

    @Provide
    Arbitrary<Object> wireObjects() {
        return Arbitraries.integers().between(0, WIRE_KINDS.size() - 1).flatMap(kind ->
                Arbitraries.randomValue(random -> WIRE_KINDS.get(kind).apply(new RandomWireObjects(random))));
    }

    @Provide
    Arbitrary<ApiObject> hubObjects() {
        return Arbitraries.integers().between(0, HUB_KINDS.size() - 1).flatMap(kind ->
                Arbitraries.randomValue(random -> HUB_KINDS.get(kind).apply(new RandomHubObjects(random))));
    }

    @Property(tries = 1500)
    void v1beta1JsonSurvivesTheHub(@ForAll("wireObjects") Object wire) throws DecodeException {
        byte[] json = Json.toBytes(wire);

        ApiObject hub = scheme.decode(json);

        assertThat(Json.readTree(scheme.encode(hub, V1beta1.API_VERSION))).isEqualTo(Json.readTree(json));
    }

    @Property(tries = 1500)
    void expressibleHubObjectsSurviveV1beta1(@ForAll("hubObjects") ApiObject obj) throws DecodeException {
        byte[] json = scheme.encode(obj, V1beta1.API_VERSION);

        assertThat(scheme.decode(json)).isEqualTo(obj);
    }

    @Property(tries = 300)
    void treeAndByteEncodingsAgree(@ForAll("hubObjects") ApiObject obj) throws DecodeException {
        assertThat(Json.readTree(Json.toBytes(scheme.toJson(obj, V1beta1.API_VERSION))))
                .isEqualTo(Json.readTree(scheme.encode(obj, V1beta1.API_VERSION)));
    }
}
