package io.skiff.cli.describe;

import io.skiff.api.core.Event;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.Session;
import io.skiff.client.ListOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Events section of describe: the events whose {@code involvedObject} is this object, found
 * with the apiserver's {@code involvedObject.*} field selectors, oldest first.
 */
final class Events {
    private Events() {}

    static List<Event> of(Session session, KubeObject obj, String kind) {
        String ns = obj.namespace() == null || obj.namespace().isEmpty() ? null : obj.namespace();
        StringBuilder selector = new StringBuilder("involvedObject.name=").append(obj.name())
                .append(",involvedObject.kind=").append(kind);
        if (ns != null) {
            selector.append(",involvedObject.namespace=").append(ns);
        }
        // The uid is checked here rather than in the selector: an event that names no uid still
        // belongs to the object, one naming another uid is about an earlier object of that name.
        // (Kubelets record node events with the node's name as uid, as Kubernetes does.)
        String uid = obj.metadataOrEmpty().uid();
        List<Event> events = new ArrayList<>(session.client().events(ns)
                .listAll(ListOptions.fieldSelector(selector.toString())).items());
        events.removeIf(e -> {
            String ref = e.involvedObject() == null ? null : e.involvedObject().uid();
            return ref != null && !ref.isEmpty() && uid != null && !ref.equals(uid) && !ref.equals(obj.name());
        });
        events.sort(Comparator.comparing(Events::last, Comparator.nullsFirst(Comparator.naturalOrder())));
        return events;
    }

    static void write(DescribeWriter w, List<Event> events, Instant now) {
        if (events.isEmpty()) {
            w.field(DescribeWriter.LEVEL_0, "Events", "<none>");
            return;
        }
        w.line(DescribeWriter.LEVEL_0, "Events:");
        w.line(DescribeWriter.LEVEL_1, "Type\tReason\tAge\tFrom\tMessage");
        w.line(DescribeWriter.LEVEL_1, "----\t------\t----\t----\t-------");
        for (Event e : events) {
            Instant first = e.eventTime() != null ? e.eventTime() : e.firstTimestamp();
            String age = DescribeWriter.age(first, now);
            if (e.count() != null && e.count() > 1) {
                age = DescribeWriter.age(e.lastTimestamp(), now) + " (x" + e.count() + " over " + age + ")";
            }
            String from = e.source() != null && e.source().component() != null && !e.source().component().isEmpty()
                    ? e.source().component() : e.reportingComponent() == null ? "" : e.reportingComponent();
            w.line(DescribeWriter.LEVEL_1, nz(e.type()) + "\t" + nz(e.reason()) + "\t" + age + "\t" + from + "\t"
                    + nz(e.message()).strip());
        }
    }

    private static Instant last(Event e) {
        return e.lastTimestamp() != null ? e.lastTimestamp() : e.eventTime() != null ? e.eventTime() : e.firstTimestamp();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
