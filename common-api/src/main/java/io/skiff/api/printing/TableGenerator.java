package io.skiff.api.printing;

import io.skiff.api.meta.KubeObject;
import java.time.Instant;
import java.util.List;

/**
 * The columns of one kind and how to fill them: kubectl's print handler for that kind. Cells
 * are computed for wide output (every column); narrow output hides the priority columns.
 */
public interface TableGenerator<T extends KubeObject> {
    List<Table.Column> columns();

    /** One cell per column, in order: Strings, or Longs for integer columns. */
    List<Object> cells(T object, Instant now);

    /** Row conditions (a finished pod's row is Completed); none by default. */
    default List<Table.RowCondition> conditions(T object) {
        return List.of();
    }
}
