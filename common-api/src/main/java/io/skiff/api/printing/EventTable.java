package io.skiff.api.printing;

import io.skiff.api.core.Event;
import io.skiff.api.core.ObjectReference;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * kubectl's event row: LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE FIRST SEEN
 * COUNT NAME. OBJECT is {@code kind/name} in lower case, as {@code kubectl get events} shows it.
 */
final class EventTable implements TableGenerator<Event> {
    private static final List<Table.Column> COLUMNS = List.of(
            Table.Column.of("Last Seen", "string", "The time at which the most recent occurrence of this event was"
                    + " recorded."),
            Table.Column.of("Type", "string", "Type of this event (Normal, Warning), new types could be added in the"
                    + " future"),
            Table.Column.of("Reason", "string", "This should be a short, machine understandable string that gives"
                    + " the reason for the transition into the object's current status."),
            Table.Column.of("Object", "string", "The object that this event is about."),
            Table.Column.of("Subobject", "string", "If referring to a piece of an object instead of an entire object,"
                    + " this string should contain a valid JSON/Go field access statement, such as"
                    + " desiredState.manifest.containers[2].").wide(),
            Table.Column.of("Source", "string", "The component reporting this event. Should be a short machine"
                    + " understandable string.").wide(),
            Table.Column.of("Message", "string", "A human-readable description of the status of this operation."),
            Table.Column.of("First Seen", "string", "The time at which the event was first recorded. (Time of server"
                    + " receipt is in TypeMeta.)").wide(),
            Table.Column.of("Count", "string", "The number of times this event has occurred.").wide(),
            Cells.NAME.wide());

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Event e, Instant now) {
        String first = e.firstTimestamp() != null ? Cells.since(e.firstTimestamp(), now) : Cells.since(e.eventTime(), now);
        String last = e.lastTimestamp() != null ? Cells.since(e.lastTimestamp(), now) : first;
        long count = e.count() == null || e.count() == 0 ? 1 : e.count(); // a singleton event has no count
        ObjectReference ref = e.involvedObject();
        String kind = ref == null || ref.kind() == null ? "" : ref.kind().toLowerCase(Locale.ROOT);
        String target = ref != null && ref.name() != null && !ref.name().isEmpty() ? kind + "/" + ref.name() : kind;
        return List.of(last, Cells.orEmpty(e.type()), Cells.orEmpty(e.reason()), target,
                ref == null ? "" : Cells.orEmpty(ref.fieldPath()), source(e.source()),
                Cells.orEmpty(e.message()).strip(), first, count, Cells.name(e.metadata()));
    }

    private static String source(Event.Source s) {
        if (s == null) {
            return "";
        }
        String component = Cells.orEmpty(s.component());
        return s.host() == null || s.host().isEmpty() ? component : component + ", " + s.host();
    }
}
