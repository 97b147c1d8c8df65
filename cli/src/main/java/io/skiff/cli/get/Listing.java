package io.skiff.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourceTypes;
import io.skiff.cli.command.Session;
import io.skiff.api.printing.Table;
import io.skiff.client.ApiException;
import io.skiff.client.ListOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects {@code get} asked for, as a Table or as JSON trees: a LIST with the selectors for a
 * bare type, a GET per name otherwise. A name that fails (404) is reported on stderr as kubectl
 * does and the others are still printed. Before a watch, a single name is listed with a
 * {@code metadata.name} field selector so that the watch can start at the list's revision.
 */
final class Listing {
    /** What was fetched and whether any part of it failed (already reported). */
    record Result<T>(T value, boolean failed, String resourceVersion) {}

    private final Session session;
    private final String namespace;
    private final ListOptions options;
    private final boolean forWatch;
    private final TableFetcher tables;

    Listing(Session session, String namespace, ListOptions options, boolean forWatch) {
        this.session = session;
        this.namespace = namespace;
        this.options = options;
        this.forWatch = forWatch;
        this.tables = new TableFetcher(session);
    }

    TableFetcher tables() {
        return tables;
    }

    /** The options of a LIST or WATCH of the target: one name becomes a field selector. */
    ListOptions listOptions(ResourceTypes.Target target) {
        if (target.names().isEmpty()) {
            return options;
        }
        if (target.names().size() > 1) {
            throw new CommandException("watch is only supported on individual resources and resource collections,"
                    + " but " + target.names().size() + " resources were found");
        }
        return options.withFieldSelector("metadata.name=" + target.names().getFirst());
    }

    Result<Table> table(ResourceTypes.Target target) {
        if (target.names().isEmpty() || forWatch) {
            Table t = tables.list(target.type(), namespace, listOptions(target));
            return new Result<>(t, false, t.metadata() == null ? null : t.metadata().resourceVersion());
        }
        List<Table.Row> rows = new ArrayList<>();
        List<Table.Column> columns = List.of();
        boolean failed = false;
        for (String name : target.names()) {
            try {
                Table t = tables.get(target.type(), namespace, name);
                columns = columns.isEmpty() ? t.columnDefinitions() : columns;
                rows.addAll(t.rows());
            } catch (ApiException e) {
                failed = true;
                ClientCommand.report(session.terminal(), session.verbosity(), e);
            }
        }
        return new Result<>(Table.of(null, columns, rows), failed, null);
    }

    Result<List<JsonNode>> objects(List<ResourceTypes.Target> targets) {
        List<JsonNode> out = new ArrayList<>();
        boolean failed = false;
        String rv = null;
        for (ResourceTypes.Target target : targets) {
            var client = session.resource(target.type(), namespace);
            if (target.names().isEmpty() || forWatch) {
                KubeList<KubeObject> list = client.list(listOptions(target));
                list.items().forEach(o -> out.add(Json.toTree(o)));
                rv = list.metadata() == null ? null : list.metadata().resourceVersion();
                continue;
            }
            for (String name : target.names()) {
                try {
                    out.add(Json.toTree(client.get(name)));
                } catch (ApiException e) {
                    failed = true;
                    ClientCommand.report(session.terminal(), session.verbosity(), e);
                }
            }
        }
        return new Result<>(out, failed, rv);
    }
}
