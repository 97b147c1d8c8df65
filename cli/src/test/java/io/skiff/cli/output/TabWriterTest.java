package io.skiff.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's text/tabwriter as kubectl configures it, on outputs copied from kubectl. */
class TabWriterTest {
    static Stream<Arguments> tables() {
        return Stream.of(
                // kubectl get pods: columns padded to max(6, widest + 3); the last column never.
                Arguments.of("NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-7xk2p\t1/1\tRunning\t0\t5m\n"
                        + "db\t0/1\tPending\t12\t10s\n",
                        "NAME        READY   STATUS    RESTARTS   AGE\n"
                        + "web-7xk2p   1/1     Running   0          5m\n"
                        + "db          0/1     Pending   12         10s\n"),
                // kubectl get ns: a 2-character column still gets the minimum width of 6.
                Arguments.of("NAME\tSTATUS\tAGE\nab\tActive\t1d\n",
                        "NAME   STATUS   AGE\nab     Active   1d\n"),
                // Runes, not UTF-16 units or bytes.
                Arguments.of("NAME\tX\nné\ty\n", "NAME   X\nné     y\n"));
    }

    @ParameterizedTest
    @MethodSource("tables")
    void alignsTablesAsKubectlGet(String input, String expected) {
        assertThat(TabWriter.forTables().write(input).flush()).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("describes")
    void alignsBlocksAsKubectlDescribe(String input, String expected) {
        assertThat(TabWriter.forDescribe().write(input).flush()).isEqualTo(expected);
    }

    static Stream<Arguments> describes() {
        return Stream.of(
                // A line without a tab ends the column block: the two blocks align separately.
                Arguments.of("Name:\tweb\nNamespace:\tdefault\nContainers:\n  web:\n    Image:\tbusybox\n"
                        + "    Restart Count:\t0\n",
                        "Name:       web\nNamespace:  default\nContainers:\n  web:\n    Image:          busybox\n"
                        + "    Restart Count:  0\n"),
                // The Events table of describe: 2-space gutters, no minimum width.
                Arguments.of("  Type\tReason\tAge\n  ----\t------\t----\n  Normal\tScheduled\t5s\n",
                        "  Type    Reason     Age\n  ----    ------     ----\n  Normal  Scheduled  5s\n"));
    }

    @org.junit.jupiter.api.Test
    void remembersWidthsAcrossFlushesSoWatchedRowsStayAligned() {
        TabWriter w = TabWriter.forTables();
        assertThat(w.row(List.of("NAME", "STATUS", "AGE")).row(List.of("a-long-name", "Running", "1s")).flush())
                .isEqualTo("NAME          STATUS    AGE\na-long-name   Running   1s\n");
        // A later, narrower row keeps the widths of the first flush.
        assertThat(w.row(List.of("b", "Pending", "2s")).flush()).isEqualTo("b             Pending   2s\n");
        // A wider one grows them, as kubectl's RememberWidths does.
        assertThat(w.row(List.of("a-much-longer-name", "Running", "3s")).flush())
                .isEqualTo("a-much-longer-name   Running   3s\n");
    }
}
