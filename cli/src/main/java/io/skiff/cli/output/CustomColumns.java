package io.skiff.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.cli.command.CommandException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName}: one column per
 * {@code header:path}, paths as kubectl relaxes them ({@code .a.b}, {@code a.b}, {@code {.a.b}}),
 * several values joined by commas, none as {@code <none>}.
 */
public final class CustomColumns {
    private static final Pattern RELAXED = Pattern.compile("^\\{\\.?([^{}]+)}$|^\\.?([^{}]+)$");

    private record Column(String header, JsonPath path) {}

    private final List<Column> columns;
    private final boolean noHeaders;
    private final TabWriter writer = TabWriter.forTables();
    private boolean headerPrinted;

    private CustomColumns(List<Column> columns, boolean noHeaders) {
        this.columns = columns;
        this.noHeaders = noHeaders;
    }

    public static CustomColumns parse(String spec, boolean noHeaders) {
        List<Column> columns = new ArrayList<>();
        for (String part : spec.split(",")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new CommandException("unexpected custom-columns spec: " + part
                        + ", expected <header>:<json-path-expr>");
            }
            String expr = part.substring(colon + 1);
            Matcher m = RELAXED.matcher(expr);
            if (!m.matches()) {
                throw new CommandException("unexpected path string, expected a 'name1.name2' or '.name1.name2' or"
                        + " '{name1.name2}' or '{.name1.name2}'");
            }
            String field = m.group(1) != null ? m.group(1) : m.group(2);
            try {
                columns.add(new Column(part.substring(0, colon), JsonPath.parse("{." + field + "}")));
            } catch (IllegalArgumentException e) {
                throw new CommandException(e.getMessage(), e);
            }
        }
        return new CustomColumns(List.copyOf(columns), noHeaders);
    }

    /** The header (once) and a row per object, aligned as kubectl's tables. */
    public String print(List<JsonNode> objects) {
        if (!headerPrinted && !noHeaders) {
            writer.row(columns.stream().map(Column::header).toList());
        }
        headerPrinted = true;
        for (JsonNode obj : objects) {
            List<String> cells = new ArrayList<>();
            for (Column c : columns) {
                List<String> values = c.path().values(obj).stream().map(JsonPath::text).toList();
                cells.add(values.isEmpty() ? "<none>" : String.join(",", values));
            }
            writer.row(cells);
        }
        return writer.flush();
    }
}
