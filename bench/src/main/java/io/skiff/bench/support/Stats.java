package io.skiff.bench.support;

import java.util.Collection;

/** Summaries of the rounds of a benchmark. */
public final class Stats {
    private Stats() {}

    /** The median: the middle value, or the mean of the two middle ones for an even count. */
    public static double median(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
