package io.skiff.apiserver.metrics;

import java.util.ArrayList;
import java.util.List;

/** An ordered set of label pairs ({@code verb="LIST",resource="pods"}), comparable for stable output. */
record Labels(List<String> pairs) implements Comparable<Labels> {
    static Labels of(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("label names and values come in pairs");
        }
        return new Labels(List.of(pairs));
    }

    Labels with(String name, String value) {
        List<String> more = new ArrayList<>(pairs);
        more.add(name);
        more.add(value);
        return new Labels(List.copyOf(more));
    }

    @Override
    public int compareTo(Labels o) {
        return String.join("\u0000", pairs).compareTo(String.join("\u0000", o.pairs));
    }
}
