package io.skiff.kubelet.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.resource.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecHashTest {
    private static Container withLimits(Map<String, Quantity> limits) {
        return Container.of("c", "busybox:1").withCommand(List.of("sleep", "1"))
                .withResources(new ResourceRequirements(limits, null));
    }

    @Test
    void theHashSurvivesTheWireSoARestartedKubeletSeesTheSameSpec() throws Exception {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        limits.put("memory", Quantity.parse("64Mi"));
        limits.put("cpu", Quantity.parse("250m"));
        Container c = withLimits(limits);
        Pod pod = new Pod(ObjectMeta.of("default", "p"), PodSpec.of(List.of(c)), null);
        Scheme scheme = Scheme.defaultScheme();
        Pod decoded = (Pod) scheme.decode(scheme.encode(pod));
        assertThat(SpecHash.of(decoded.spec().containers().get(0))).isEqualTo(SpecHash.of(c));
    }

    @Test
    void mapOrderDoesNotMatterButEveryFieldDoes() {
        Map<String, Quantity> a = new LinkedHashMap<>();
        a.put("cpu", Quantity.parse("250m"));
        a.put("memory", Quantity.parse("64Mi"));
        Map<String, Quantity> b = new LinkedHashMap<>();
        b.put("memory", Quantity.parse("64Mi"));
        b.put("cpu", Quantity.parse("250m"));
        assertThat(SpecHash.of(withLimits(a))).isEqualTo(SpecHash.of(withLimits(b)));
        assertThat(SpecHash.of(withLimits(a))).isNotEqualTo(SpecHash.of(withLimits(a).withCommand(List.of("sleep", "2"))));
        assertThat(SpecHash.of(withLimits(a))).hasSize(16).matches("[0-9a-f]+");
    }
}
