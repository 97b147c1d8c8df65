package io.skiff.api.printing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.ListMeta;
import java.util.List;

/**
 * {@code meta.k8s.io/v1 Table}: column definitions and one row of cells per object, each row
 * optionally carrying the object itself (as {@code PartialObjectMetadata} or in full).
 */
public record Table(String apiVersion, String kind, ListMeta metadata, List<Column> columnDefinitions,
        List<Row> rows) implements ApiObject {
    public static final String API_VERSION = "meta.k8s.io/v1";
    public static final String KIND = "Table";

    public static Table of(ListMeta metadata, List<Column> columns, List<Row> rows) {
        return new Table(API_VERSION, KIND, metadata == null ? new ListMeta(null, null, null) : metadata,
                List.copyOf(columns), List.copyOf(rows));
    }

    /**
     * {@code TableColumnDefinition}. {@code type} is an OpenAPI type (string, integer, date...),
     * {@code format} a hint ({@code name} marks the object's name); priority 0 columns are always
     * shown, higher ones only in wide output.
     */
    public record Column(String name, String type, @JsonInclude(JsonInclude.Include.ALWAYS) String format,
            String description, int priority) {
        public static Column of(String name, String type, String description) {
            return new Column(name, type, "", description, 0);
        }

        public Column wide() {
            return new Column(name, type, format, description, 1);
        }

        public Column format(String v) {
            return new Column(name, type, v, description, priority);
        }
    }

    /** {@code TableRow}: cells in column order (strings, integers), conditions, and the object. */
    public record Row(List<Object> cells, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RowCondition> conditions,
            JsonNode object) {}

    /** {@code TableRowCondition}, e.g. type Completed for a finished pod. */
    public record RowCondition(String type, String status, String reason, String message) {
        public static final String COMPLETED = "Completed";
    }
}
