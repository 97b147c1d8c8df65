package io.skiff.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code meta.k8s.io/v1 Table}: what the apiserver answers to
 * {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}, and what the CLI builds itself
 * from plain objects when the server answers without one. Cells are JSON values.
 *
 * @param resourceVersion the list's resourceVersion (a watch starts there), or null
 */
public record Table(List<Column> columns, List<Row> rows, String resourceVersion) {
    public static final String KIND = "Table";
    /** Tables first, plain JSON when the server has no printer for the resource. */
    public static final String ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io, application/json";

    /** {@code TableColumnDefinition}: priority 0 columns always show, others only with {@code -o wide}. */
    public record Column(String name, String type, String format, String description, int priority) {
        public static Column of(String name, String type, int priority) {
            return new Column(name, type, "", "", priority);
        }
    }

    /** {@code TableRow}: cells in column order and the object (or its metadata) the row shows. */
    public record Row(List<JsonNode> cells, JsonNode object) {
        public String namespace() {
            return object == null ? "" : object.path("metadata").path("namespace").asText("");
        }

        public String name() {
            return object == null ? "" : object.path("metadata").path("name").asText("");
        }

        public JsonNode labels() {
            return object == null ? null : object.path("metadata").get("labels");
        }
    }

    public static boolean isTable(JsonNode node) {
        return node != null && KIND.equals(node.path("kind").asText()) && node.has("columnDefinitions");
    }

    /** Reads a Table answer; columns after the first event of a watch may be absent. */
    public static Table fromJson(JsonNode node) {
        List<Column> columns = new ArrayList<>();
        for (JsonNode c : node.path("columnDefinitions")) {
            columns.add(new Column(c.path("name").asText(), c.path("type").asText(), c.path("format").asText(),
                    c.path("description").asText(), c.path("priority").asInt(0)));
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : node.path("rows")) {
            List<JsonNode> cells = new ArrayList<>();
            r.path("cells").forEach(cells::add);
            rows.add(new Row(cells, r.get("object")));
        }
        String rv = node.path("metadata").path("resourceVersion").asText(null);
        return new Table(List.copyOf(columns), rows, rv);
    }

    /** A cell as text, as kubectl prints it: null as {@code <none>}, whole numbers without a fraction. */
    public static String text(JsonNode cell) {
        if (cell == null || cell.isNull() || cell.isMissingNode()) {
            return "<none>";
        }
        if (cell.isIntegralNumber()) {
            return cell.bigIntegerValue().toString();
        }
        if (cell.isNumber()) {
            double d = cell.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : cell.asText();
        }
        return cell.isValueNode() ? cell.asText() : cell.toString();
    }

    public static JsonNode cell(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (value) {
            case null -> f.nullNode();
            case String s -> f.textNode(s);
            case Integer i -> f.numberNode(i);
            case Long l -> f.numberNode(l);
            case Boolean b -> f.booleanNode(b);
            default -> f.textNode(value.toString());
        };
    }
}
