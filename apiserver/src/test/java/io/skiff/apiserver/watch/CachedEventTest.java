package io.skiff.apiserver.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.registry.ObjectCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** An event is encoded on first use, once, however many watchers send it at the same moment. */
class CachedEventTest {
    private final ObjectCodec<Pod> codec = new ObjectCodec<>(Scheme.defaultScheme(), Pod.class);
    private final Pod pod = new Pod(ObjectMeta.of("default", "p").withResourceVersion("7"),
            PodSpec.of(List.of(Container.of("c", "busybox:latest"))), null);

    @Test
    void anEventNobodySendsIsNeverEncoded() {
        AtomicInteger encodings = new AtomicInteger();
        new CachedEvent<>(CachedEvent.ADDED, "/registry/pods/default/p", pod, null, 7, counting(encodings));

        assertThat(encodings).hasValue(0);
    }

    @Test
    void watchersSendingAtOnceShareOneEncodingAndOneLinePerType() throws Exception {
        AtomicInteger encodings = new AtomicInteger();
        CachedEvent<Pod> event = new CachedEvent<>(CachedEvent.MODIFIED, "/registry/pods/default/p", pod, pod, 7,
                counting(encodings));
        List<Future<byte[]>> lines = new ArrayList<>();
        try (ExecutorService watchers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                // a change can reach some watchers as MODIFIED and others as ADDED (entered their selection)
                String type = i % 4 == 0 ? CachedEvent.ADDED : CachedEvent.MODIFIED;
                lines.add(watchers.submit(() -> event.line(type)));
            }
        }
        byte[] modified = event.line(CachedEvent.MODIFIED);
        byte[] added = event.line(CachedEvent.ADDED);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get(10, TimeUnit.SECONDS)).isSameAs(i % 4 == 0 ? added : modified);
        }
        assertThat(encodings).hasValue(1);
        assertThat(new String(modified, StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"MODIFIED\",\"object\":" + new String(codec.wire(pod), StandardCharsets.UTF_8) + "}\n");
    }

    private Function<Pod, byte[]> counting(AtomicInteger encodings) {
        return p -> {
            encodings.incrementAndGet();
            return codec.wire(p);
        };
    }
}
