package io.skiff.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Container;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.ObjectMeta;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a DELETE does to a pod, case by case (the clock is fixed at NOW). */
class DeletionRulesTest {
    static final Instant NOW = Instant.parse("2014-10-20T15:04:05Z");
    static final PodStrategy PODS = new PodStrategy(Scheme.defaultScheme().resourceForKind(Pod.KIND).orElseThrow());
    static final NamespaceStrategy NAMESPACES =
            new NamespaceStrategy(Scheme.defaultScheme().resourceForKind(Namespace.KIND).orElseThrow());

    static Pod pod(String node, String phase, Long specGrace, Instant deletion, Long deletionGrace, List<String> finalizers) {
        PodSpec spec = PodSpec.of(List.of(new Container("c", "i", null, null, null, null, null, null, null, null, null, null,
                null, null))).withNodeName(node).withTerminationGracePeriodSeconds(specGrace);
        return new Pod(ObjectMeta.of("ns", "p").withDeletionTimestamp(deletion).withDeletionGracePeriodSeconds(deletionGrace)
                .withFinalizers(finalizers), spec, phase == null ? null : PodStatus.ofPhase(phase));
    }

    static DeleteOptions opts(Long grace, String policy) {
        return new DeleteOptions(grace, null, null, policy, null);
    }

    static Stream<Arguments> cases() {
        Instant pending = NOW.plusSeconds(20);
        return Stream.of(
                // description, pod, options, expected deletionTimestamp (null: deleted at once), grace, finalizers
                Arguments.of("unbound: at once", pod(null, "Pending", 30L, null, null, null), opts(null, null),
                        null, null, null),
                Arguments.of("bound: the pod's grace period", pod("n", "Running", 20L, null, null, null), opts(null, null),
                        NOW.plusSeconds(20), 20L, null),
                Arguments.of("bound, no spec grace: 30 s", pod("n", "Running", null, null, null, null), opts(null, null),
                        NOW.plusSeconds(30), 30L, null),
                Arguments.of("bound, grace 0: at once", pod("n", "Running", 20L, null, null, null), opts(0L, null),
                        null, null, null),
                Arguments.of("bound but finished: at once", pod("n", "Succeeded", 20L, null, null, null), opts(null, null),
                        null, null, null),
                Arguments.of("negative grace counts as 1", pod("n", "Running", 20L, null, null, null), opts(-5L, null),
                        NOW.plusSeconds(1), 1L, null),
                Arguments.of("pending: a longer grace changes nothing", pod("n", "Running", 20L, pending, 20L, null),
                        opts(60L, null), pending, 20L, null),
                Arguments.of("pending: a shorter grace shortens", pod("n", "Running", 20L, pending, 20L, null),
                        opts(5L, null), NOW.plusSeconds(5), 5L, null),
                Arguments.of("pending: grace 0 deletes", pod("n", "Running", 20L, pending, 20L, null), opts(0L, null),
                        null, null, null),
                Arguments.of("finalizer: stays, grace 0", pod(null, null, null, null, null, List.of("x/y")), opts(null, null),
                        NOW, 0L, List.of("x/y")),
                Arguments.of("orphan adds its finalizer", pod(null, null, null, null, null, null), opts(null, "Orphan"),
                        NOW, 0L, List.of("orphan")),
                Arguments.of("foreground replaces orphan", pod(null, null, null, null, null, List.of("orphan")),
                        opts(null, "Foreground"), NOW, 0L, List.of("foregroundDeletion")),
                Arguments.of("background removes both: at once", pod(null, null, null, null, null, List.of("orphan")),
                        opts(null, "Background"), null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pods(String description, Pod pod, DeleteOptions options, Instant deletion, Long grace, List<String> finalizers) {
        Pod marked = DeletionRules.pendingDeletion(PODS, pod, options, NOW);
        if (deletion == null) {
            assertThat(marked).isNull();
            return;
        }
        assertThat(marked.metadata().deletionTimestamp()).isEqualTo(deletion);
        assertThat(marked.metadata().deletionGracePeriodSeconds()).isEqualTo(grace);
        assertThat(marked.metadata().finalizers()).isEqualTo(finalizers);
    }

    @org.junit.jupiter.api.Test
    void aNamespaceWithItsFinalizerTurnsTerminating() {
        Namespace ns = NAMESPACES.prepareForCreate(new Namespace(ObjectMeta.named("x"), null, null));
        Namespace marked = DeletionRules.pendingDeletion(NAMESPACES, ns, opts(null, null), NOW);
        assertThat(marked.status().phase()).isEqualTo("Terminating");
        assertThat(marked.metadata().deletionTimestamp()).isEqualTo(NOW);
        Namespace finalized = marked.withSpec(new Namespace.Spec(List.of()));
        assertThat(DeletionRules.pendingDeletion(NAMESPACES, finalized, opts(null, null), NOW)).isNull();
    }
}
