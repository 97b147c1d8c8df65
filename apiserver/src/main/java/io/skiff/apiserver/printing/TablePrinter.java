package io.skiff.apiserver.printing;

import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.printing.Table;
import io.skiff.api.printing.Tables;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.RequestContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server-side printing: answers a GET, LIST or watch event with a {@code meta.k8s.io Table}
 * when the Accept header asks for one ({@code application/json;as=Table;v=v1;g=meta.k8s.io},
 * kubectl's first choice), with the columns of {@link Tables}. Rows carry the object as
 * PartialObjectMetadata, the full object with {@code includeObject=Object}, or nothing with
 * {@code None}. Any other Accept clause that comes first (plain JSON) wins.
 */
public final class TablePrinter implements Printer {
    private final Clock clock;

    public TablePrinter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<ApiObject> print(RequestContext request, ApiObject result) {
        Optional<String> version = tableVersion(request.header("Accept"));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Tables.IncludeObject include = Tables.IncludeObject.parse(request.query("includeObject"));
        if (include == null) {
            throw ApiErrors.badRequest("includeObject: Unsupported value: \"" + request.query("includeObject")
                    + "\": supported values: \"None\", \"Metadata\", \"Object\"");
        }
        Table table;
        if (result instanceof KubeList<?> list) {
            table = Tables.table(list.itemKind(), list.items(), list.metadata(), clock.instant(), include);
        } else if (result instanceof KubeObject object) {
            table = isBookmark(object)
                    ? Table.of(new ListMeta(object.metadata().resourceVersion(), null, null),
                            Tables.columns(object.kind()), List.of())
                    : Tables.table(object, clock.instant(), include);
        } else {
            return Optional.empty(); // a Status and other non-objects are answered as they are
        }
        String apiVersion = "meta.k8s.io/" + version.get();
        return Optional.of(new Table(apiVersion, Table.KIND, table.metadata(), table.columnDefinitions(), table.rows()));
    }

    /** A watch bookmark carries only a resourceVersion: it becomes a table without rows. */
    private static boolean isBookmark(KubeObject object) {
        return object.metadata() != null && object.metadata().name() == null;
    }

    /**
     * The Table version of the first Accept clause that names one ({@code v1} or {@code v1beta1}),
     * or empty when a clause that does not ask for a table comes first.
     */
    static Optional<String> tableVersion(String accept) {
        if (accept == null) {
            return Optional.empty();
        }
        for (String clause : accept.split(",")) {
            String as = null;
            String g = null;
            String v = null;
            String[] parts = clause.split(";");
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].trim().split("=", 2);
                if (kv.length == 2) {
                    switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                        case "as" -> as = kv[1].trim();
                        case "g" -> g = kv[1].trim();
                        case "v" -> v = kv[1].trim();
                        default -> { }
                    }
                }
            }
            if (as == null) {
                return Optional.empty();
            }
            if (as.equals("Table") && "meta.k8s.io".equals(g) && ("v1".equals(v) || "v1beta1".equals(v))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
