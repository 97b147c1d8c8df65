package io.skiff.controller.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs {@code count} calls in concurrent batches of 1, 2, 4, ... (at most {@code maxBatch}),
 * stopping after the first batch with a failure, as Kubernetes' {@code slowStartBatch}: a
 * controller whose creates all fail (quota, a bad template, an apiserver in trouble) sends one
 * doomed request instead of hundreds, while a healthy one quickly reaches full concurrency.
 */
public final class SlowStartBatch {
    private SlowStartBatch() {}

    /** How it went: calls that succeeded, and the first failure (null when all succeeded). */
    public record Outcome(int successes, RuntimeException firstError) {}

    /**
     * @param call called with the index of the call (0..count-1); a call fails by throwing
     */
    public static Outcome run(int count, int initialBatch, int maxBatch, IntConsumer call) {
        int done = 0;
        int successes = 0;
        int batch = Math.max(1, Math.min(initialBatch, maxBatch));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (done < count) {
                int size = Math.min(batch, count - done);
                List<Future<?>> futures = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    int index = done + i;
                    futures.add(pool.submit(() -> call.accept(index)));
                }
                RuntimeException first = null;
                for (Future<?> f : futures) {
                    try {
                        f.get();
                        successes++;
                    } catch (ExecutionException e) {
                        if (first == null) {
                            first = e.getCause() instanceof RuntimeException re ? re : new RuntimeException(e.getCause());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new Outcome(successes, new IllegalStateException("interrupted", e));
                    }
                }
                done += size;
                if (first != null) {
                    return new Outcome(successes, first);
                }
                batch = Math.min(batch * 2, maxBatch);
            }
        }
        return new Outcome(successes, null);
    }
}
