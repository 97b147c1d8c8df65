package io.skiff.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.printing.Table;
import io.skiff.api.printing.Tables;
import io.skiff.cli.command.Answers;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourcePaths;
import io.skiff.cli.command.Session;
import io.skiff.client.ListOptions;
import io.skiff.client.RestClient;
import java.util.Map;

/**
 * Fetches what {@code get} prints as a table: asks the server for a {@code meta.k8s.io/v1 Table}
 * and, when it answers plain JSON instead (an apiserver without server-side printing), builds the
 * same Table here with the shared {@link Tables} of {@code io.skiff.api.printing}.
 */
final class TableFetcher {
    /** Tables first, plain JSON when the server has no printer for the resource. */
    static final String ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io, application/json";

    private final Session session;

    TableFetcher(Session session) {
        this.session = session;
    }

    Table list(ResourceInfo type, String namespace, ListOptions options) {
        byte[] body = session.client().rest().send(RestClient.Request.get(ResourcePaths.collection(type, namespace),
                options.toQuery()).accepting(ACCEPT));
        return toTable(type, body);
    }

    Table get(ResourceInfo type, String namespace, String name) {
        byte[] body = session.client().rest().send(RestClient.Request.get(ResourcePaths.object(type, namespace, name),
                Map.of()).accepting(ACCEPT));
        return toTable(type, body);
    }

    /** A Table answer as is; a plain object or list made into one. */
    Table toTable(ResourceInfo type, byte[] body) {
        return toTable(type, Answers.json(body));
    }

    Table toTable(ResourceInfo type, JsonNode node) {
        try {
            if (Table.KIND.equals(node.path("kind").asText()) && node.has("columnDefinitions")) {
                return Json.fromTree(node, Table.class);
            }
            ApiObject obj = session.scheme().decode(node);
            if (obj instanceof KubeList<?> list) {
                return Tables.table(type.kind(), list.items(), list.metadata(), session.now(),
                        Tables.IncludeObject.OBJECT);
            }
            if (obj instanceof KubeObject k) {
                return Tables.table(k, session.now(), Tables.IncludeObject.OBJECT);
            }
            throw new CommandException("expected a " + type.kind() + " from the server, got a " + obj.kind());
        } catch (DecodeException e) {
            throw new CommandException("cannot read the server's answer: " + e.getMessage(), e);
        }
    }
}
