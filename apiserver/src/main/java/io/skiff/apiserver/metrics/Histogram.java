package io.skiff.apiserver.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram family: cumulative buckets, sum and count per label set; lock-free. */
final class Histogram {
    private final double[] bounds;
    private final Map<Labels, Series> series = new ConcurrentHashMap<>();

    Histogram(double... bounds) {
        this.bounds = bounds.clone();
    }

    void observe(Labels labels, double value) {
        Series s = series.computeIfAbsent(labels, l -> new Series(bounds.length));
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                s.buckets[i].increment();
                break;
            }
        }
        s.count.increment();
        s.sum.add(value);
    }

    void write(PrometheusText out, String name, String help) {
        out.header(name, "histogram", help);
        series.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Series s = e.getValue();
            long cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
                cumulative += s.buckets[i].sum();
                out.sample(name + "_bucket", e.getKey().with("le", PrometheusText.number(bounds[i])), cumulative);
            }
            long count = s.count.sum();
            out.sample(name + "_bucket", e.getKey().with("le", "+Inf"), count);
            out.sample(name + "_sum", e.getKey(), s.sum.sum());
            out.sample(name + "_count", e.getKey(), count);
        });
    }

    private static final class Series {
        final LongAdder[] buckets;
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Series(int n) {
            buckets = new LongAdder[n];
            for (int i = 0; i < n; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }
}
