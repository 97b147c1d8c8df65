package io.skiff.cli.tables;

import io.skiff.api.core.Event;
import io.skiff.cli.output.HumanDuration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** An event's row as {@code printEvent}: LAST SEEN, TYPE, REASON, {@code kind/name}, MESSAGE. */
final class EventColumns {
    private EventColumns() {}

    static List<Object> cells(Event e, Instant now) {
        String first = e.firstTimestamp() != null ? HumanDuration.since(e.firstTimestamp(), now)
                : HumanDuration.since(e.eventTime(), now);
        String last = e.lastTimestamp() != null ? HumanDuration.since(e.lastTimestamp(), now) : first;
        String kind = e.involvedObject() == null || e.involvedObject().kind() == null ? ""
                : e.involvedObject().kind().toLowerCase(Locale.ROOT);
        String name = e.involvedObject() == null ? null : e.involvedObject().name();
        String target = name == null || name.isEmpty() ? kind : kind + "/" + name;
        String subobject = e.involvedObject() == null || e.involvedObject().fieldPath() == null ? ""
                : e.involvedObject().fieldPath();
        return Arrays.asList(last, nullToEmpty(e.type()), nullToEmpty(e.reason()), target, subobject, source(e),
                nullToEmpty(e.message()).strip(), first, e.count() == null ? 0 : e.count(), e.name());
    }

    /** {@code formatEventSource}: {@code component, host}. */
    static String source(Event e) {
        if (e.source() == null) {
            return nullToEmpty(e.reportingComponent());
        }
        String component = nullToEmpty(e.source().component());
        String host = nullToEmpty(e.source().host());
        return host.isEmpty() ? component : component + ", " + host;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
