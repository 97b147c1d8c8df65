package io.skiff.cli.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a table kubectl-style output back into cells, checking on the way that it is aligned as
 * kubectl aligns: every column starts at the same position on every line, and each column is as
 * wide as its widest cell plus 3 (at least 6). Ages ({@code 5s}, {@code 2m10s}) read as
 * {@code AGE}, since they depend on the clock.
 */
public final class TableText {
    private static final Pattern CELL = Pattern.compile("\\S+(?: \\S+)*");
    private static final Pattern AGE = Pattern.compile("\\d+[smhdy](\\d+[smhd])?");

    private TableText() {}

    public static List<List<String>> cells(String table) {
        List<String> lines = table.lines().toList();
        List<List<String>> rows = new ArrayList<>();
        List<List<Integer>> starts = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            Matcher m = CELL.matcher(line);
            while (m.find()) {
                cells.add(AGE.matcher(m.group()).matches() ? "AGE" : m.group());
                at.add(m.start());
            }
            rows.add(cells);
            starts.add(at);
        }
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i)).as("column starts of line %d of%n%s", i, table).isEqualTo(starts.getFirst());
        }
        List<Integer> first = starts.isEmpty() ? List.of() : starts.getFirst();
        for (int col = 0; col + 1 < first.size(); col++) {
            int widest = 0;
            for (String line : lines) {
                int end = line.indexOf("   ", first.get(col));
                widest = Math.max(widest, (end < 0 ? line.length() : end) - first.get(col));
            }
            assertThat(first.get(col + 1) - first.get(col)).as("width of column %d of%n%s", col, table)
                    .isEqualTo(Math.max(6, widest + 3));
        }
        return rows;
    }
}
