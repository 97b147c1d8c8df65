package io.skiff.kubelet.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the manifest directory into static pods and the pod config's change tracking, without an engine. */
class StaticPodSourceTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final PodConfig config = new PodConfig(new PodConfig.Listener() {
        @Override
        public void podUpdated(Pod pod) {
            events.add("update " + pod.name() + " " + pod.metadata().uid());
        }

        @Override
        public void podRemoved(Pod pod) {
            events.add("remove " + pod.name() + " " + pod.metadata().uid());
        }
    }, EnumSet.of(PodConfig.Source.FILE));

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: c, image: busybox:1, command: [sleep, "%s"]}]
            """;

    @Test
    void manifestsBecomePodsOfThisNodeAndFollowTheirFiles(@TempDir Path dir) throws Exception {
        StaticPodSource source = new StaticPodSource(dir, "node-1", config, Duration.ofSeconds(1), Scheme.defaultScheme());
        Files.writeString(dir.resolve("web.yaml"), POD.formatted("10"));
        Files.writeString(dir.resolve(".hidden.yaml"), POD.formatted("10"));
        Files.writeString(dir.resolve("notes.txt"), "not a manifest");
        Files.writeString(dir.resolve("bad.yaml"), "kind: Service\napiVersion: v1\nmetadata: {name: s}\n");
        Files.writeString(dir.resolve("invalid.json"), "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"Bad_Name\",\"image\":\"busybox\"}]}}");

        List<Pod> first = source.scan();
        assertThat(first).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("web-node-1");
            assertThat(p.namespace()).isEqualTo("default");
            assertThat(p.spec().nodeName()).isEqualTo("node-1");
            assertThat(p.metadata().uid()).matches("[0-9a-f]{32}");
            assertThat(p.metadata().annotations()).containsEntry(MirrorPods.CONFIG_SOURCE, "file")
                    .containsEntry(MirrorPods.CONFIG_HASH, p.metadata().uid());
            assertThat(MirrorPods.isStatic(p)).isTrue();
            // Defaults are applied as the apiserver would.
            assertThat(p.spec().restartPolicy()).isEqualTo("Always");
            assertThat(p.spec().containers().get(0).imagePullPolicy()).isEqualTo("IfNotPresent");
        });
        assertThat(source.scan()).as("same file, same pod").isEqualTo(first);

        config.replaceAll(PodConfig.Source.FILE, first);
        config.replaceAll(PodConfig.Source.FILE, source.scan());
        String uid1 = first.get(0).metadata().uid();
        assertThat(events).containsExactly("update web-node-1 " + uid1);

        Files.writeString(dir.resolve("web.yaml"), POD.formatted("20"));
        List<Pod> changed = source.scan();
        String uid2 = changed.get(0).metadata().uid();
        assertThat(uid2).isNotEqualTo(uid1);
        config.replaceAll(PodConfig.Source.FILE, changed);
        assertThat(events).containsExactly("update web-node-1 " + uid1, "remove web-node-1 " + uid1,
                "update web-node-1 " + uid2);

        Files.delete(dir.resolve("web.yaml"));
        config.replaceAll(PodConfig.Source.FILE, source.scan());
        assertThat(events).last().isEqualTo("remove web-node-1 " + uid2);
        assertThat(config.pods()).isEmpty();
    }

    @Test
    void aStatusWriteIsNotAChangeButASpecOrDeletionIs() {
        PodConfig api = new PodConfig(new PodConfig.Listener() {
            @Override
            public void podUpdated(Pod pod) {
                events.add("update " + pod.metadata().resourceVersion());
            }

            @Override
            public void podRemoved(Pod pod) {
                events.add("remove");
            }
        }, EnumSet.of(PodConfig.Source.API));
        Pod pod = new Pod(io.skiff.api.meta.ObjectMeta.of("default", "p").withUid("u").withResourceVersion("1"),
                io.skiff.api.core.PodSpec.of(List.of(io.skiff.api.core.Container.of("c", "busybox"))), null);
        api.set(PodConfig.Source.API, pod);
        api.set(PodConfig.Source.API, pod.withMetadata(pod.metadata().withResourceVersion("2"))
                .withStatus(io.skiff.api.core.PodStatus.ofPhase("Running")));
        api.set(PodConfig.Source.API, pod.withMetadata(pod.metadata().withResourceVersion("3")
                .withDeletionTimestamp(java.time.Instant.parse("2024-01-01T00:00:00Z"))));
        api.remove(PodConfig.Source.FILE, "u");
        assertThat(api.allSourcesReady()).isFalse();
        api.markReady(PodConfig.Source.API);
        assertThat(api.allSourcesReady()).isTrue();
        api.remove(PodConfig.Source.API, "u");
        assertThat(events).containsExactly("update 1", "update 3", "remove");
    }
}
