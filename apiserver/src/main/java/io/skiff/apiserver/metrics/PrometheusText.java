package io.skiff.apiserver.metrics;

import java.util.List;

/** Prometheus' text exposition format, version 0.0.4: HELP/TYPE headers and escaped label values. */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder();

    void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void sample(String name, Labels labels, double value) {
        out.append(name);
        List<String> pairs = labels.pairs();
        if (!pairs.isEmpty()) {
            out.append('{');
            for (int i = 0; i < pairs.size(); i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(pairs.get(i)).append("=\"").append(escape(pairs.get(i + 1))).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    static String number(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
