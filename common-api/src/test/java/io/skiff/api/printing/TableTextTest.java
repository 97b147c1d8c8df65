package io.skiff.api.printing;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Namespace;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.ObjectMeta;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kubectl's text layout of a table: headers, widths (cell + 3, at least 6), wide and namespace columns. */
class TableTextTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    static Namespace ns(String name, long ageSeconds) {
        return new Namespace(ObjectMeta.named(name).withCreationTimestamp(NOW.minusSeconds(ageSeconds)), null,
                new Namespace.Status("Active"));
    }

    @Test
    void alignsLikeKubectl() {
        Table t = Tables.table("Namespace", List.of(ns("default", 5), ns("kube-node-lease", 600)),
                new ListMeta("7", null, null), NOW, Tables.IncludeObject.METADATA);
        assertThat(TableText.render(t, TableText.Options.DEFAULT)).isEqualTo("""
                NAME              STATUS   AGE
                default           Active   5s
                kube-node-lease   Active   10m
                """);
        assertThat(TableText.render(t, new TableText.Options(false, true, false))).isEqualTo("""
                default           Active   5s
                kube-node-lease   Active   10m
                """);
    }

    @Test
    void shortColumnsAreSixWide() {
        Table t = Table.of(null, List.of(Table.Column.of("A", "string", ""), Table.Column.of("B", "string", "")),
                List.of(new Table.Row(List.of("x", 1L), List.of(), null)));
        assertThat(TableText.render(t, TableText.Options.DEFAULT)).isEqualTo("A     B\nx     1\n");
    }

    @Test
    void wideShowsPriorityColumnsAndNamespacesComeFromTheRowObject() {
        Table t = Table.of(null, List.of(Table.Column.of("Name", "string", ""),
                        Table.Column.of("Extra", "string", "").wide()),
                List.of(new Table.Row(List.of("a", "line one\nline two"), List.of(),
                        io.skiff.api.codec.Json.mapper().valueToTree(new PartialObjectMetadata(ObjectMeta.of("ns1", "a"))))));
        assertThat(TableText.render(t, TableText.Options.DEFAULT)).isEqualTo("NAME\na\n");
        assertThat(TableText.render(t, new TableText.Options(true, false, true))).isEqualTo("""
                NAMESPACE   NAME   EXTRA
                ns1         a      line one...
                """);
    }
}
