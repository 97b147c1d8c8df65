package io.skiff.cli.tables;

import io.skiff.api.codec.Json;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.output.HumanDuration;
import io.skiff.cli.output.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The Tables of the served kinds, built in the CLI from plain objects: the fallback for a server
 * that answers a Table request with a plain list (this apiserver before its server-side printing
 * lands). Column names, order and priorities are those of Kubernetes' printers; once the shared
 * {@code io.skiff.api.printing} code is on this branch this class delegates to it.
 */
public final class LocalTables {
    private record Definition(List<Table.Column> columns, BiFunction<KubeObject, Instant, List<Object>> cells) {}

    private LocalTables() {}

    /** A Table of these objects (all of {@code kind}), ages computed at {@code now}. */
    public static Table of(String kind, List<? extends KubeObject> objects, String resourceVersion, Instant now) {
        Definition def = definition(kind);
        List<Table.Row> rows = new ArrayList<>(objects.size());
        for (KubeObject obj : objects) {
            rows.add(new Table.Row(def.cells().apply(obj, now).stream().map(Table::cell).toList(), Json.toTree(obj)));
        }
        return new Table(def.columns(), rows, resourceVersion);
    }

    private static Definition definition(String kind) {
        return switch (kind) {
            case Pod.KIND -> new Definition(List.of(col("Name"), col("Ready"), col("Status"), num("Restarts"),
                    col("Age"), wide("IP"), wide("Node"), wide("Nominated Node"), wide("Readiness Gates")),
                    (o, now) -> PodColumns.cells((Pod) o, now));
            case ReplicationController.KIND -> new Definition(List.of(col("Name"), num("Desired"), num("Current"),
                    num("Ready"), col("Age"), wide("Containers"), wide("Images"), wide("Selector")),
                    (o, now) -> WorkloadColumns.replicationController((ReplicationController) o, now));
            case Service.KIND -> new Definition(List.of(col("Name"), col("Type"), col("Cluster-IP"),
                    col("External-IP"), col("Port(s)"), col("Age"), wide("Selector")),
                    (o, now) -> ServiceColumns.service((Service) o, now));
            case Endpoints.KIND -> new Definition(List.of(col("Name"), col("Endpoints"), col("Age")),
                    (o, now) -> ServiceColumns.endpoints((Endpoints) o, now));
            case Node.KIND -> new Definition(List.of(col("Name"), col("Status"), col("Roles"), col("Age"),
                    col("Version"), wide("Internal-IP"), wide("External-IP"), wide("OS-Image"),
                    wide("Kernel-Version"), wide("Container-Runtime")),
                    (o, now) -> NodeColumns.cells((Node) o, now));
            case Namespace.KIND -> new Definition(List.of(col("Name"), col("Status"), col("Age")),
                    (o, now) -> {
                        Namespace ns = (Namespace) o;
                        return List.of(ns.name(), ns.status() == null || ns.status().phase() == null ? ""
                                : ns.status().phase(), age(o, now));
                    });
            case Event.KIND -> new Definition(List.of(col("Last Seen"), col("Type"), col("Reason"), col("Object"),
                    wide("Subobject"), wide("Source"), col("Message"), wide("First Seen"), wideNum("Count"),
                    wide("Name")), (o, now) -> EventColumns.cells((Event) o, now));
            case Lease.KIND -> new Definition(List.of(col("Name"), col("Holder"), col("Age")),
                    (o, now) -> {
                        Lease l = (Lease) o;
                        String holder = l.spec() == null || l.spec().holderIdentity() == null ? "<none>"
                                : l.spec().holderIdentity();
                        return List.of(l.name(), holder, age(o, now));
                    });
            default -> new Definition(List.of(col("Name"), col("Age")), (o, now) -> List.of(o.name(), age(o, now)));
        };
    }

    static String age(KubeObject o, Instant now) {
        return HumanDuration.since(o.metadataOrEmpty().creationTimestamp(), now);
    }

    private static Table.Column col(String name) {
        return Table.Column.of(name, "string", 0);
    }

    private static Table.Column num(String name) {
        return Table.Column.of(name, "integer", 0);
    }

    private static Table.Column wide(String name) {
        return Table.Column.of(name, "string", 1);
    }

    private static Table.Column wideNum(String name) {
        return Table.Column.of(name, "integer", 1);
    }
}
