package io.skiff.api.printing;

import io.skiff.api.coordination.Lease;
import java.time.Instant;
import java.util.List;

/** kubectl's lease row: NAME HOLDER AGE. */
final class LeaseTable implements TableGenerator<Lease> {
    private static final List<Table.Column> COLUMNS = List.of(Cells.NAME,
            Table.Column.of("Holder", "string", "holderIdentity contains the identity of the holder of a current"
                    + " lease."),
            Cells.AGE);

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Lease lease, Instant now) {
        String holder = lease.spec() == null ? "" : Cells.orEmpty(lease.spec().holderIdentity());
        return List.of(Cells.name(lease.metadata()), holder, Cells.age(lease.metadata(), now));
    }
}
