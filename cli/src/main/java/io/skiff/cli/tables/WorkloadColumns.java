package io.skiff.cli.tables;

import io.skiff.api.core.Container;
import io.skiff.api.core.ReplicationController;
import io.skiff.cli.output.TablePrinter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A replication controller's row: DESIRED, CURRENT, READY, and with {@code -o wide} its containers. */
final class WorkloadColumns {
    private WorkloadColumns() {}

    static List<Object> replicationController(ReplicationController rc, Instant now) {
        int desired = rc.spec() == null || rc.spec().replicas() == null ? 0 : rc.spec().replicas();
        int current = rc.status() == null || rc.status().replicas() == null ? 0 : rc.status().replicas();
        int ready = rc.status() == null || rc.status().readyReplicas() == null ? 0 : rc.status().readyReplicas();
        List<String> names = new ArrayList<>();
        List<String> images = new ArrayList<>();
        if (rc.spec() != null && rc.spec().template() != null && rc.spec().template().spec() != null
                && rc.spec().template().spec().containers() != null) {
            for (Container c : rc.spec().template().spec().containers()) {
                names.add(c.name());
                images.add(c.image());
            }
        }
        String selector = rc.spec() == null ? "<none>" : TablePrinter.formatLabels(rc.spec().selector());
        return Arrays.asList(rc.name(), desired, current, ready, LocalTables.age(rc, now), String.join(",", names),
                String.join(",", images), selector);
    }
}
