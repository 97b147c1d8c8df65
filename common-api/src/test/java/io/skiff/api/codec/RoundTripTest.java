package io.skiff.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeList;
import io.skiff.api.testing.RandomObjects;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every kind, filled at random, survives hub -> v1 JSON -> hub (and hub -> YAML -> hub) unchanged. */
class RoundTripTest {
    private final Scheme scheme = Scheme.defaultScheme();

    private static final List<Function<RandomObjects, ApiObject>> KINDS = List.of(
            RandomObjects::pod, RandomObjects::replicationController, RandomObjects::service,
            RandomObjects::endpoints, RandomObjects::node, RandomObjects::event, RandomObjects::namespace,
            RandomObjects::binding, RandomObjects::lease, RandomObjects::scale, RandomObjects::status,
            RandomObjects::deleteOptions, RandomObjects::podList);

    @Provide
    Arbitrary<ApiObject> objects() {
        return Arbitraries.integers().between(0, KINDS.size() - 1).flatMap(kind ->
                Arbitraries.randomValue(random -> KINDS.get(kind).apply(new RandomObjects(random))));
    }

    @Property(tries = 1000)
    void v1JsonRoundTripIsLossless(@ForAll("objects") ApiObject obj) throws DecodeException {
        byte[] json = scheme.encode(obj);

        assertThat(scheme.decode(json)).isEqualTo(obj);
    }

    @Property(tries = 200)
    void directBindingAgreesWithTheScheme(@ForAll("objects") ApiObject obj) throws DecodeException {
        byte[] json = scheme.encode(obj);
        ApiObject direct = obj instanceof KubeList<?> ? scheme.decodeList(json, Pod.class) : Json.read(json, obj.getClass());

        assertThat(direct).isEqualTo(obj);
    }

    @Property(tries = 200)
    void yamlRoundTripIsLossless(@ForAll("objects") ApiObject obj) throws DecodeException {
        String yaml = Yaml.toYaml(obj);

        assertThat(scheme.decodeManifest(yaml)).containsExactly(obj);
    }

    @Property(tries = 200)
    void encodingIsStable(@ForAll("objects") ApiObject obj) throws DecodeException {
        byte[] once = scheme.encode(obj);

        assertThat(scheme.encode(scheme.decode(once))).isEqualTo(once);
    }
}
