package io.skiff.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Yaml;
import io.skiff.cli.command.CommandException;
import java.util.List;
import java.util.Locale;

/**
 * The object printers of {@code -o json|yaml|name|jsonpath=...|custom-columns=...}. A request
 * for one named object prints that object; anything else prints kubectl's {@code kind: List}
 * wrapper around the items.
 */
public final class ObjectPrinter {
    private final OutputFormat format;
    private final JsonPath jsonPath;
    private final CustomColumns customColumns;
    private int printed;

    public ObjectPrinter(OutputFormat format, boolean noHeaders) {
        this.format = format;
        try {
            this.jsonPath = format.kind() == OutputFormat.Kind.JSONPATH ? JsonPath.parse(format.argument()) : null;
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        }
        this.customColumns = format.kind() == OutputFormat.Kind.CUSTOM_COLUMNS
                ? CustomColumns.parse(format.argument(), noHeaders) : null;
    }

    /**
     * The text for some objects (each with apiVersion and kind).
     *
     * @param single true for a request of exactly one named object (printed without a List)
     */
    public String print(List<JsonNode> objects, boolean single) {
        JsonNode whole = single && objects.size() == 1 ? objects.getFirst() : list(objects);
        String out = switch (format.kind()) {
            case JSON -> Json.toPrettyString(whole);
            case YAML -> Yaml.toYaml(whole);
            case NAME -> {
                StringBuilder sb = new StringBuilder();
                objects.forEach(o -> sb.append(name(o)).append('\n'));
                yield sb.toString();
            }
            case JSONPATH -> jsonPath.execute(whole);
            case CUSTOM_COLUMNS -> customColumns.print(objects);
            default -> throw new IllegalStateException("not an object format: " + format);
        };
        printed++;
        return out;
    }

    /** One object of a watch: JSON objects one after another, YAML documents separated by {@code ---}. */
    public String printWatched(JsonNode object) {
        String prefix = format.kind() == OutputFormat.Kind.YAML && printed > 0 ? "---\n" : "";
        return prefix + print(List.of(object), true);
    }

    /** {@code pod/web}, {@code lease.coordination.k8s.io/holder}. */
    public static String name(JsonNode obj) {
        String kind = obj.path("kind").asText().toLowerCase(Locale.ROOT);
        String apiVersion = obj.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : "." + apiVersion.substring(0, slash);
        return kind + group + "/" + obj.path("metadata").path("name").asText();
    }

    /** kubectl's wrapper: {@code {"apiVersion": "v1", "items": [...], "kind": "List", "metadata": {...}}}. */
    public static JsonNode list(List<JsonNode> items) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode list = f.objectNode();
        list.put("apiVersion", "v1");
        list.putArray("items").addAll(items);
        list.put("kind", "List");
        list.putObject("metadata").put("resourceVersion", "").put("selfLink", "");
        return list;
    }
}
