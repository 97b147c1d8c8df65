package io.skiff.api.printing;

import io.skiff.api.core.Namespace;
import java.time.Instant;
import java.util.List;

/** kubectl's namespace row: NAME STATUS AGE. */
final class NamespaceTable implements TableGenerator<Namespace> {
    private static final List<Table.Column> COLUMNS =
            List.of(Cells.NAME, Table.Column.of("Status", "string", "The status of the namespace"), Cells.AGE);

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Namespace ns, Instant now) {
        String phase = ns.status() == null ? "" : Cells.orEmpty(ns.status().phase());
        return List.of(Cells.name(ns.metadata()), phase, Cells.age(ns.metadata(), now));
    }
}
