package io.skiff.api.printing;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of every served kind, by kind: {@code Tables.table(pods, listMeta, "Pod", now,
 * IncludeObject.METADATA)} is what {@code kubectl get pods} receives from a Kubernetes apiserver.
 */
public final class Tables {
    private static final Map<String, TableGenerator<?>> GENERATORS = Map.of(
            Pod.KIND, new PodTable(),
            ReplicationController.KIND, new ReplicationControllerTable(),
            Service.KIND, new ServiceTable(),
            Endpoints.KIND, new EndpointsTable(),
            Node.KIND, new NodeTable(),
            Namespace.KIND, new NamespaceTable(),
            Event.KIND, new EventTable(),
            Lease.KIND, new LeaseTable());
    private static final TableGenerator<KubeObject> DEFAULT = new DefaultTable();

    /** What each row carries besides its cells: the {@code includeObject} query parameter. */
    public enum IncludeObject {
        NONE, METADATA, OBJECT;

        /** {@code None}, {@code Metadata} (the default) or {@code Object}; null for anything else. */
        public static IncludeObject parse(String value) {
            if (value == null || value.isEmpty()) {
                return METADATA;
            }
            return switch (value) {
                case "None" -> NONE;
                case "Metadata" -> METADATA;
                case "Object" -> OBJECT;
                default -> null;
            };
        }
    }

    private Tables() {}

    /** The columns kubectl shows for a kind (NAME / CREATED AT for kinds without their own printer). */
    public static List<Table.Column> columns(String kind) {
        return generator(kind).columns();
    }

    /** A table of the objects of one kind, with the list's metadata (resourceVersion, continue). */
    public static Table table(String kind, List<? extends KubeObject> items, ListMeta metadata, Instant now,
            IncludeObject include) {
        List<Table.Row> rows = new ArrayList<>(items.size());
        for (KubeObject item : items) {
            rows.add(row(item, now, include));
        }
        return Table.of(metadata, columns(kind), rows);
    }

    /** A table of one object (a GET, or one watch event). */
    public static Table table(KubeObject object, Instant now, IncludeObject include) {
        String rv = object.metadata() == null ? null : object.metadata().resourceVersion();
        return Table.of(new ListMeta(rv, null, null), columns(object.kind()), List.of(row(object, now, include)));
    }

    public static Table.Row row(KubeObject object, Instant now, IncludeObject include) {
        TableGenerator<KubeObject> g = generator(object.kind());
        return new Table.Row(g.cells(object, now), g.conditions(object), rowObject(object, include));
    }

    private static JsonNode rowObject(KubeObject object, IncludeObject include) {
        return switch (include) {
            case NONE -> null;
            case METADATA -> Json.mapper().valueToTree(new PartialObjectMetadata(object.metadata()));
            case OBJECT -> Json.mapper().valueToTree(object);
        };
    }

    @SuppressWarnings("unchecked")
    private static TableGenerator<KubeObject> generator(String kind) {
        TableGenerator<?> g = kind == null ? null : GENERATORS.get(kind);
        return g == null ? DEFAULT : (TableGenerator<KubeObject>) g;
    }

    /** Whether a kind has kubectl's own columns (not the NAME / CREATED AT default). */
    public static boolean hasColumns(String kind) {
        return kind != null && GENERATORS.containsKey(kind);
    }

    /** {@code NAME} for {@code Name}: kubectl prints column names in upper case. */
    public static String header(Table.Column column) {
        return column.name().toUpperCase(Locale.ROOT);
    }
}
