package io.skiff.api.printing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Table} as {@code kubectl get} prints it: upper-case headers, priority columns only
 * when wide, an optional NAMESPACE column first, columns aligned as kubectl's tabwriter aligns
 * them (each as wide as its widest cell plus three spaces, at least six; the last not padded).
 */
public final class TableText {
    private static final int MIN_WIDTH = 6;
    private static final int PADDING = 3;

    /** {@code wide} is {@code -o wide}; {@code withNamespace} is {@code --all-namespaces}. */
    public record Options(boolean wide, boolean noHeaders, boolean withNamespace) {
        public static final Options DEFAULT = new Options(false, false, false);
    }

    private TableText() {}

    public static String render(Table table, Options options) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < table.columnDefinitions().size(); i++) {
            if (options.wide() || table.columnDefinitions().get(i).priority() == 0) {
                shown.add(i);
            }
        }
        List<List<String>> lines = new ArrayList<>();
        if (!options.noHeaders()) {
            List<String> header = new ArrayList<>();
            if (options.withNamespace()) {
                header.add("NAMESPACE");
            }
            shown.forEach(i -> header.add(Tables.header(table.columnDefinitions().get(i))));
            lines.add(header);
        }
        for (Table.Row row : table.rows()) {
            List<String> line = new ArrayList<>();
            if (options.withNamespace()) {
                JsonNode ns = row.object() == null ? null : row.object().path("metadata").path("namespace");
                line.add(ns == null || ns.isMissingNode() ? "" : ns.asText());
            }
            for (int i : shown) {
                line.add(i < row.cells().size() ? cell(row.cells().get(i)) : "");
            }
            lines.add(line);
        }
        return align(lines);
    }

    /** A cell as kubectl prints it: a multi-line string is cut at its first newline, with "...". */
    static String cell(Object value) {
        if (value == null) {
            return "<nil>";
        }
        String s = String.valueOf(value);
        int newline = s.indexOf('\n');
        return newline >= 0 ? s.substring(0, newline) + "..." : s;
    }

    private static String align(List<List<String>> lines) {
        int columns = lines.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int c = 0; c < line.size() - 1; c++) {
                widths[c] = Math.max(widths[c], Math.max(MIN_WIDTH, line.get(c).codePointCount(0, line.get(c).length())
                        + PADDING));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                String cell = line.get(c);
                out.append(cell);
                if (c < line.size() - 1) {
                    out.append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length())));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
