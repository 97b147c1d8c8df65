package io.skiff.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.printing.Table;
import io.skiff.api.printing.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints {@link Table}s as {@code kubectl get} does: upper-case headers, columns of priority 0
 * (all of them with {@code -o wide}), a NAMESPACE column first with {@code -A}, a LABELS column
 * last with {@code --show-labels}, {@code kind/name} names for {@code get all}, aligned by a
 * {@link TabWriter} with 3-space gutters. One printer per output stream: for a watch it prints
 * the header once and keeps the columns' widths from row to row.
 */
public final class TablePrinter {
    /**
     * @param kindPrefix {@code pod} to print names as {@code pod/web}, or null
     */
    public record Options(boolean wide, boolean noHeaders, boolean showLabels, boolean withNamespace,
            String kindPrefix) {
        public Options withKindPrefix(String prefix) {
            return new Options(wide, noHeaders, showLabels, withNamespace, prefix);
        }
    }

    private final Options options;
    private final TabWriter writer = TabWriter.forTables();
    private List<Table.Column> columns = List.of();
    private boolean headerPrinted;

    public TablePrinter(Options options) {
        this.options = options;
    }

    /** The header (the first time) and the rows of a table, aligned. */
    public String print(Table table) {
        if (table.columnDefinitions() != null && !table.columnDefinitions().isEmpty()) {
            columns = table.columnDefinitions();
        }
        if (!headerPrinted && !options.noHeaders()) {
            writer.row(header());
        }
        headerPrinted = true;
        for (Table.Row row : table.rows()) {
            writer.row(cells(row));
        }
        return writer.flush();
    }

    private List<String> header() {
        List<String> out = new ArrayList<>();
        if (options.withNamespace()) {
            out.add("NAMESPACE");
        }
        for (Table.Column c : columns) {
            if (shown(c)) {
                out.add(Tables.header(c));
            }
        }
        if (options.showLabels()) {
            out.add("LABELS");
        }
        return out;
    }

    private List<String> cells(Table.Row row) {
        List<String> out = new ArrayList<>();
        JsonNode metadata = row.object() == null ? null : row.object().path("metadata");
        if (options.withNamespace()) {
            out.add(metadata == null ? "" : metadata.path("namespace").asText(""));
        }
        boolean first = true;
        for (int i = 0; i < columns.size() && i < row.cells().size(); i++) {
            if (!shown(columns.get(i))) {
                continue;
            }
            String text = text(row.cells().get(i));
            if (first && options.kindPrefix() != null) {
                text = options.kindPrefix() + "/" + text;
            }
            first = false;
            out.add(text);
        }
        if (options.showLabels()) {
            out.add(formatLabels(metadata == null ? null : metadata.get("labels")));
        }
        return out;
    }

    /** A cell as kubectl prints it: {@code <nil>} for none, a multi-line string cut at its first line. */
    static String text(Object cell) {
        if (cell == null) {
            return "<nil>";
        }
        String s = String.valueOf(cell);
        int newline = s.indexOf('\n');
        return newline >= 0 ? s.substring(0, newline) + "..." : s;
    }

    private boolean shown(Table.Column c) {
        return c.priority() == 0 || options.wide();
    }

    /** {@code labels.FormatLabels}: sorted {@code k=v} pairs joined by commas, {@code <none>} when empty. */
    public static String formatLabels(JsonNode labels) {
        Map<String, String> sorted = new TreeMap<>();
        if (labels != null && labels.isObject()) {
            labels.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        }
        return formatLabels(sorted);
    }

    public static String formatLabels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return "<none>";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
