package io.skiff.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * The controller-manager's counters and gauges, served as Prometheus text on {@code /metrics}.
 * Deliberately tiny: a handful of series (work queue depth, syncs, errors, bindings), no
 * histograms; a metrics library would be a dependency for eighty lines.
 */
public final class Metrics {
    private record Family(String name, String type, String help) {}

    private record Series(String family, String labels) implements Comparable<Series> {
        @Override
        public int compareTo(Series o) {
            int c = family.compareTo(o.family);
            return c != 0 ? c : labels.compareTo(o.labels);
        }
    }

    private final Map<String, Family> families = new ConcurrentHashMap<>();
    private final Map<Series, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<Series, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    /** A counter; the same name and labels give the same counter. Labels alternate name, value. */
    public LongAdder counter(String name, String help, String... labels) {
        families.putIfAbsent(name, new Family(name, "counter", help));
        return counters.computeIfAbsent(new Series(name, labels(labels)), s -> new LongAdder());
    }

    /** A gauge read when scraped. */
    public void gauge(String name, String help, DoubleSupplier value, String... labels) {
        families.putIfAbsent(name, new Family(name, "gauge", help));
        gauges.put(new Series(name, labels(labels)), value);
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String render() {
        Map<Series, String> values = new TreeMap<>();
        counters.forEach((s, v) -> values.put(s, Long.toString(v.sum())));
        gauges.forEach((s, v) -> values.put(s, format(v.getAsDouble())));
        StringBuilder sb = new StringBuilder();
        String current = null;
        for (Map.Entry<Series, String> e : values.entrySet()) {
            Series s = e.getKey();
            if (!s.family.equals(current)) {
                current = s.family;
                Family f = families.get(current);
                sb.append("# HELP ").append(f.name).append(' ').append(f.help).append('\n');
                sb.append("# TYPE ").append(f.name).append(' ').append(f.type).append('\n');
            }
            sb.append(s.family).append(s.labels).append(' ').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    private static String format(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String labels(String... kv) {
        if (kv.length == 0) {
            return "";
        }
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            parts.add(kv[i] + "=\"" + kv[i + 1].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"");
        }
        return "{" + String.join(",", parts) + "}";
    }
}
