package io.skiff.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as kubectl configures it, so columns line up exactly as kubectl's
 * do: text is split into tab-terminated cells; a column block is a run of consecutive lines that
 * all have a cell in that column; every cell of a block is padded to the widest one plus
 * {@code padding} (at least {@code minWidth}). The last cell of a line is never padded. With
 * {@code rememberWidths} (kubectl's {@code liggitt/tabwriter} flag, used for {@code get -w}) a
 * column never shrinks between flushes, so rows printed one by one stay aligned.
 */
public final class TabWriter {
    /** {@code kubectl get}: {@code tabwriter.NewWriter(out, 6, 4, 3, ' ', RememberWidths)}. */
    public static TabWriter forTables() {
        return new TabWriter(6, 3, true);
    }

    /** {@code kubectl describe}: {@code tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)}. */
    public static TabWriter forDescribe() {
        return new TabWriter(0, 2, false);
    }

    private final int minWidth;
    private final int padding;
    private final boolean rememberWidths;
    private final List<Integer> remembered = new ArrayList<>();
    private final List<List<String>> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final List<Integer> widths = new ArrayList<>();

    public TabWriter(int minWidth, int padding, boolean rememberWidths) {
        this.minWidth = minWidth;
        this.padding = padding;
        this.rememberWidths = rememberWidths;
    }

    /** Buffers text; lines end at {@code \n}, cells at {@code \t}. */
    public TabWriter write(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines.add(cells(partial.toString()));
                partial.setLength(0);
            } else {
                partial.append(c);
            }
        }
        return this;
    }

    /** A line of cells joined by tabs. */
    public TabWriter row(List<String> cells) {
        return write(String.join("\t", cells) + "\n");
    }

    /** The aligned text of every complete line buffered so far (a partial last line stays). */
    public String flush() {
        StringBuilder out = new StringBuilder();
        widths.clear();
        format(out, 0, lines.size());
        lines.clear();
        return out.toString();
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\t') {
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        cells.add(line.substring(start));
        return cells;
    }

    /** Go's recursive {@code format}: one column block at a time, left to right. */
    private void format(StringBuilder out, int line0, int line1) {
        int column = widths.size();
        for (int line = line0; line < line1; line++) {
            if (column >= lines.get(line).size() - 1) {
                continue;
            }
            writeLines(out, line0, line);
            line0 = line;
            int width = minWidth;
            for (; line < line1; line++) {
                List<String> cells = lines.get(line);
                if (column >= cells.size() - 1) {
                    break;
                }
                width = Math.max(width, displayWidth(cells.get(column)) + padding);
            }
            if (rememberWidths) {
                while (remembered.size() <= column) {
                    remembered.add(0);
                }
                width = Math.max(width, remembered.get(column));
                remembered.set(column, width);
            }
            widths.add(width);
            format(out, line0, line);
            widths.remove(widths.size() - 1);
            line0 = line;
        }
        writeLines(out, line0, line1);
    }

    private void writeLines(StringBuilder out, int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            List<String> cells = lines.get(i);
            for (int j = 0; j < cells.size(); j++) {
                String cell = cells.get(j);
                out.append(cell);
                if (j < cells.size() - 1 && j < widths.size()) {
                    out.append(" ".repeat(Math.max(0, widths.get(j) - displayWidth(cell))));
                }
            }
            out.append('\n');
        }
    }

    /** Go counts runes (code points), not UTF-16 units. */
    private static int displayWidth(String s) {
        return s.codePointCount(0, s.length());
    }
}
