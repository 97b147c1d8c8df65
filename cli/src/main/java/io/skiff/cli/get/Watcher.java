package io.skiff.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.Status;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourcePaths;
import io.skiff.cli.command.Session;
import io.skiff.cli.output.ObjectPrinter;
import io.skiff.cli.output.TablePrinter;
import io.skiff.client.ApiException;
import io.skiff.client.ListOptions;
import io.skiff.client.RestClient;
import io.skiff.client.ServerConnectionException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code get -w}: a WATCH from the listing's revision, printing a line (a row, or an object) per
 * event until the stream ends ({@code --request-timeout} bounds it, as in kubectl) or the command
 * is interrupted. Table rows come from the server when it prints Tables, else from the CLI.
 */
final class Watcher {
    private final Session session;
    private final TableFetcher tables;

    Watcher(Session session, TableFetcher tables) {
        this.session = session;
        this.tables = tables;
    }

    int tables(ResourceInfo type, String namespace, ListOptions options, Duration timeout, TablePrinter printer) {
        return run(type, namespace, options, timeout, TableFetcher.ACCEPT, object -> {
            session.out().print(printer.print(tables.toTable(type, object)));
        });
    }

    int objects(ResourceInfo type, String namespace, ListOptions options, Duration timeout, ObjectPrinter printer) {
        return run(type, namespace, options, timeout, "application/json", object -> {
            ApiObject decoded = decode(object);
            session.out().print(printer.printWatched(Json.toTree(decoded)));
        });
    }

    private interface Sink {
        void accept(JsonNode object);
    }

    private int run(ResourceInfo type, String namespace, ListOptions options, Duration timeout, String accept,
            Sink sink) {
        Map<String, String> query = new LinkedHashMap<>(options.withLimit(null).withContinue(null)
                .withTimeoutSeconds(timeout == null ? null : Math.max(1, timeout.toSeconds())).toQuery());
        query.put("watch", "true");
        RestClient.Request request = RestClient.Request.get(ResourcePaths.collection(type, namespace), query)
                .accepting(accept);
        try (InputStream in = session.client().rest().openStream(request);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = Json.readTree(line);
                String kind = event.path("type").asText();
                JsonNode object = event.get("object");
                switch (kind) {
                    case "BOOKMARK" -> { }
                    case "ERROR" -> throw new ApiException(Json.fromTree(object, Status.class));
                    default -> {
                        sink.accept(object);
                        session.out().flush();
                    }
                }
            }
            return 0;
        } catch (IOException e) {
            throw new ServerConnectionException(session.client().config().server(), "lost the watch on", e);
        } catch (DecodeException e) {
            throw new CommandException("unreadable watch event: " + e.getMessage(), e);
        }
    }

    private ApiObject decode(JsonNode object) {
        try {
            return session.scheme().decode(object);
        } catch (DecodeException e) {
            throw new CommandException("unreadable object in a watch event: " + e.getMessage(), e);
        }
    }
}
