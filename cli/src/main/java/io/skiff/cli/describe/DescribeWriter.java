package io.skiff.cli.describe;

import io.skiff.api.printing.HumanDuration;
import io.skiff.cli.output.TabWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl describe's {@code PrefixWriter}: lines indented two spaces per level, cells separated
 * by tabs and aligned by a {@link TabWriter} (2-space gutters) across each run of lines that
 * share the column, so {@code Name:} and {@code Namespace:} line up as in kubectl.
 */
final class DescribeWriter {
    static final int LEVEL_0 = 0;
    static final int LEVEL_1 = 1;
    static final int LEVEL_2 = 2;
    static final int LEVEL_3 = 3;
    private static final DateTimeFormatter RFC1123Z =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private final TabWriter tabs;
    private final ZoneId zone;
    private final int indent;

    DescribeWriter(ZoneId zone) {
        this(TabWriter.forDescribe(), zone, 0);
    }

    private DescribeWriter(TabWriter tabs, ZoneId zone, int indent) {
        this.tabs = tabs;
        this.zone = zone;
        this.indent = indent;
    }

    /** The same output, every level one deeper (a pod template inside a controller). */
    DescribeWriter indented() {
        return new DescribeWriter(tabs, zone, indent + 1);
    }

    /** A line at a level; {@code \t} separates cells. */
    DescribeWriter line(int level, String text) {
        tabs.write("  ".repeat(level + indent) + text + "\n");
        return this;
    }

    /** {@code Name:\tvalue}. */
    DescribeWriter field(int level, String name, Object value) {
        return line(level, name + ":\t" + (value == null ? "" : value));
    }

    /** {@code Labels:  a=b} then one {@code k=v} per line under it; {@code <none>} when empty. */
    DescribeWriter map(int level, String name, Map<String, String> values, String skipKey) {
        Map<String, String> sorted = new TreeMap<>(values == null ? Map.of() : values);
        if (skipKey != null) {
            sorted.remove(skipKey);
        }
        if (sorted.isEmpty()) {
            return field(level, name, "<none>");
        }
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String kv = e.getKey() + "=" + e.getValue();
            if (first) {
                field(level, name, kv);
                first = false;
            } else {
                line(level, "\t" + kv);
            }
        }
        return this;
    }

    /** Go's RFC 1123 with numeric zone, as kubectl prints times: {@code Mon, 02 Jan 2006 15:04:05 +0000}. */
    String time(Instant t) {
        return t == null ? "<unset>" : RFC1123Z.format(t.atZone(zone));
    }

    /** An age as kubectl's {@code translateTimestampSince}: {@code <unknown>} for no time. */
    static String age(Instant since, Instant now) {
        return since == null ? "<unknown>" : HumanDuration.format(Duration.between(since, now));
    }

    String text() {
        return tabs.flush();
    }
}
