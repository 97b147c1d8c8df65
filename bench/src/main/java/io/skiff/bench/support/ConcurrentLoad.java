package io.skiff.bench.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code count} operations shared by {@code callers} threads, each waiting for its own; bounded in time. */
public final class ConcurrentLoad {
    private ConcurrentLoad() {}

    /** One operation; {@code i} numbers it from 0 to count - 1. */
    @FunctionalInterface
    public interface Operation {
        void run(int i) throws Exception;
    }

    public record Throughput(int done, double seconds) {
        public double perSecond() {
            return done / seconds;
        }
    }

    /** Runs the operations; stops starting new ones at {@code maxTime}. The first failure is thrown. */
    public static Throughput run(int callers, int count, Duration maxTime, Operation op) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + maxTime.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count && System.nanoTime() < deadline; ) {
                        op.run(i);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(maxTime.toSeconds() + 30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Throughput(done.get(), (System.nanoTime() - start) / 1e9);
    }

    /** The {@code q} quantile (0..1) of sorted nanoseconds, in milliseconds. */
    public static double quantileMillis(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int at = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(sortedNanos.length * q) - 1));
        return sortedNanos[at] / 1e6;
    }
}
