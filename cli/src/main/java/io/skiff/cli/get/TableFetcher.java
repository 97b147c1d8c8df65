package io.skiff.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.Answers;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourcePaths;
import io.skiff.cli.command.Session;
import io.skiff.cli.output.Table;
import io.skiff.cli.tables.LocalTables;
import io.skiff.client.ListOptions;
import io.skiff.client.RestClient;
import java.util.List;
import java.util.Map;

/**
 * Fetches what {@code get} prints as a table: asks the server for a {@code meta.k8s.io/v1 Table}
 * and, when it answers plain JSON instead (no server-side printing for the resource), builds the
 * same Table here with {@link LocalTables}.
 */
final class TableFetcher {
    private final Session session;

    TableFetcher(Session session) {
        this.session = session;
    }

    Table list(ResourceInfo type, String namespace, ListOptions options) {
        byte[] body = session.client().rest().send(RestClient.Request.get(ResourcePaths.collection(type, namespace),
                options.toQuery()).accepting(Table.ACCEPT));
        return toTable(type, body);
    }

    Table get(ResourceInfo type, String namespace, String name) {
        byte[] body = session.client().rest().send(RestClient.Request.get(ResourcePaths.object(type, namespace, name),
                Map.of()).accepting(Table.ACCEPT));
        return toTable(type, body);
    }

    /** A Table answer as is; a plain object or list made into one. */
    Table toTable(ResourceInfo type, byte[] body) {
        return toTable(type, Answers.json(body));
    }

    Table toTable(ResourceInfo type, JsonNode node) {
        if (Table.isTable(node)) {
            return Table.fromJson(node);
        }
        try {
            ApiObject obj = session.scheme().decode(node);
            if (obj instanceof KubeList<?> list) {
                String rv = list.metadata() == null ? null : list.metadata().resourceVersion();
                return LocalTables.of(type.kind(), list.items(), rv, session.now());
            }
            if (obj instanceof KubeObject k) {
                return LocalTables.of(type.kind(), List.of(k), null, session.now());
            }
            throw new CommandException("expected a " + type.kind() + " from the server, got a " + obj.kind());
        } catch (DecodeException e) {
            throw new CommandException("cannot read the server's answer: " + e.getMessage(), e);
        }
    }
}
