package io.skiff.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.meta.ApiObject;
import io.skiff.api.testing.RandomObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Jackson's buffers come from one pool shared by all threads (virtual threads would otherwise
 * allocate them per call): many threads encoding and decoding at once must never see each
 * other's bytes.
 */
class SharedBuffersTest {
    private final Scheme scheme = Scheme.defaultScheme();

    @Test
    void jsonAndYamlMappersShareOnePoolInsteadOfPerThreadBuffers() {
        assertThat(Json.mapper().getFactory()._getRecyclerPool()).isSameAs(Json.BUFFERS);
        assertThat(Yaml.mapper().getFactory()._getRecyclerPool()).isSameAs(Json.BUFFERS);
    }

    @Test
    void concurrentVirtualThreadsGetTheirOwnBytes() throws Exception {
        RandomObjects random = new RandomObjects(new Random(42));
        List<ApiObject> objects = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ApiObject obj = i % 2 == 0 ? random.pod() : random.replicationController();
            objects.add(obj);
            expected.add(scheme.encode(obj));
        }
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 256; t++) {
                int first = t;
                results.add(threads.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        int i = (first + round) % objects.size();
                        byte[] json = scheme.encode(objects.get(i));
                        assertThat(json).isEqualTo(expected.get(i));
                        assertThat(scheme.decode(json)).isEqualTo(objects.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get(60, TimeUnit.SECONDS); // rethrows a mismatch seen on any thread
            }
        }
    }
}
