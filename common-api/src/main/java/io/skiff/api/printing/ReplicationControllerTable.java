package io.skiff.api.printing;

import io.skiff.api.core.Container;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.core.ReplicationControllerStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** kubectl's RC row: NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR. */
final class ReplicationControllerTable implements TableGenerator<ReplicationController> {
    private static final List<Table.Column> COLUMNS = List.of(
            Cells.NAME,
            Table.Column.of("Desired", "integer", "Replicas is the number of desired replicas. This is a pointer to"
                    + " distinguish between explicit zero and unspecified. Defaults to 1."),
            Table.Column.of("Current", "integer", "Replicas is the most recently oberved number of replicas."),
            Table.Column.of("Ready", "integer", "The number of ready replicas for this replication controller."),
            Cells.AGE,
            Cells.CONTAINERS,
            Cells.IMAGES,
            Table.Column.of("Selector", "string", "Selector is a label query over pods that should match the Replicas"
                    + " count.").wide());

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(ReplicationController rc, Instant now) {
        ReplicationControllerSpec spec = rc.spec();
        ReplicationControllerStatus status = rc.status();
        List<Container> containers = spec == null || spec.template() == null || spec.template().spec() == null
                ? List.of() : Cells.list(spec.template().spec().containers());
        return List.of(Cells.name(rc.metadata()),
                spec == null ? 0L : Cells.count(spec.replicas()),
                status == null ? 0L : Cells.count(status.replicas()),
                status == null ? 0L : Cells.count(status.readyReplicas()),
                Cells.age(rc.metadata(), now),
                containers.stream().map(c -> Cells.orEmpty(c.name())).collect(Collectors.joining(",")),
                containers.stream().map(c -> Cells.orEmpty(c.image())).collect(Collectors.joining(",")),
                Cells.labels(spec == null ? null : spec.selector()));
    }
}
