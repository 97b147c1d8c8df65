package io.skiff.api.printing;

import io.skiff.api.meta.KubeObject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Kinds without a printer of their own (Scale, Binding): NAME and CREATED AT, as Kubernetes' default table. */
final class DefaultTable implements TableGenerator<KubeObject> {
    private static final List<Table.Column> COLUMNS = List.of(Cells.NAME,
            new Table.Column("Created At", "date", "", Cells.AGE.description(), 0));

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(KubeObject object, Instant now) {
        Instant created = object.metadata() == null ? null : object.metadata().creationTimestamp();
        // Go's zero time when absent, as metav1.Time formats it
        String at = created == null ? "0001-01-01T00:00:00Z"
                : DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS));
        return List.of(Cells.name(object.metadata()), at);
    }
}
