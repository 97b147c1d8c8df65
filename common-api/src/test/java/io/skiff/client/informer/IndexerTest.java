package io.skiff.client.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.OwnerReference;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndexerTest {
    private static Pod pod(String ns, String name, String node, String ownerUid, String app) {
        ObjectMeta meta = ObjectMeta.of(ns, name).withLabels(Map.of("app", app));
        if (ownerUid != null) {
            meta = meta.withOwnerReferences(List.of(new OwnerReference("v1", "ReplicationController", "rc",
                    ownerUid, true, true)));
        }
        return new Pod(meta, PodSpec.of(List.of()).withNodeName(node), null);
    }

    private static Indexer<Pod> indexer() {
        Indexer<Pod> ix = new Indexer<>();
        ix.addIndex(Indexers.NAMESPACE, Indexers.byNamespace());
        ix.addIndex(Indexers.NODE_NAME, Indexers.byNodeName());
        ix.addIndex(Indexers.OWNER_UID, Indexers.byOwnerUid());
        ix.put(pod("a", "p1", "node-1", "rc-1", "web"));
        ix.put(pod("a", "p2", "node-2", "rc-1", "web"));
        ix.put(pod("b", "p1", "node-1", null, "db"));
        ix.put(pod("b", "p3", null, "rc-2", "db"));
        return ix;
    }

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of(Indexers.NAMESPACE, "a", List.of("a/p1", "a/p2")),
                Arguments.of(Indexers.NAMESPACE, "b", List.of("b/p1", "b/p3")),
                Arguments.of(Indexers.NAMESPACE, "c", List.of()),
                Arguments.of(Indexers.NODE_NAME, "node-1", List.of("a/p1", "b/p1")),
                Arguments.of(Indexers.NODE_NAME, "node-2", List.of("a/p2")),
                Arguments.of(Indexers.NODE_NAME, "", List.of()),       // unbound pods are not indexed
                Arguments.of(Indexers.OWNER_UID, "rc-1", List.of("a/p1", "a/p2")),
                Arguments.of(Indexers.OWNER_UID, "rc-2", List.of("b/p3")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource
    void lookups(String index, String value, List<String> keys) {
        Indexer<Pod> ix = indexer();
        assertThat(ix.byIndex(index, value)).map(Indexer::keyOf).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(ix.indexKeys(index, value)).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void anUpdateMovesTheObjectBetweenIndexValuesAndADeleteRemovesIt() {
        Indexer<Pod> ix = indexer();
        Pod old = ix.put(pod("a", "p1", "node-2", null, "web"));
        assertThat(old.spec().nodeName()).isEqualTo("node-1");
        assertThat(ix.indexKeys(Indexers.NODE_NAME, "node-1")).containsExactly("b/p1");
        assertThat(ix.indexKeys(Indexers.NODE_NAME, "node-2")).containsExactlyInAnyOrder("a/p1", "a/p2");
        assertThat(ix.indexKeys(Indexers.OWNER_UID, "rc-1")).containsExactly("a/p2");

        assertThat(ix.remove("a/p2")).isNotNull();
        assertThat(ix.remove("a/p2")).isNull();
        assertThat(ix.indexValues(Indexers.OWNER_UID)).containsExactly("rc-2");
        assertThat(ix.keys()).containsExactlyInAnyOrder("a/p1", "b/p1", "b/p3");
        assertThat(ix.get("a", "p1")).map(p -> p.spec().nodeName()).contains("node-2");
    }

    @Test
    void aCustomIndexAddedLaterIndexesWhatIsThere() {
        Indexer<Pod> ix = indexer();
        ix.addIndex("app", p -> List.of(p.metadata().labels().get("app")));
        assertThat(ix.indexKeys("app", "db")).containsExactlyInAnyOrder("b/p1", "b/p3");
        ix.put(pod("c", "p9", null, null, "db"));
        assertThat(ix.indexKeys("app", "db")).containsExactlyInAnyOrder("b/p1", "b/p3", "c/p9");
        assertThatThrownBy(() -> ix.byIndex("nope", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no index named \"nope\"");
    }

    @Test
    void clusterScopedKeysAreJustTheName() {
        assertThat(Indexer.key(null, "node-1")).isEqualTo("node-1");
        assertThat(Indexer.key("", "node-1")).isEqualTo("node-1");
        assertThat(Indexer.key("ns", "x")).isEqualTo("ns/x");
    }
}
