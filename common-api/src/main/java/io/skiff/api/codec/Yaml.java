package io.skiff.api.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** YAML for manifests ({@code skiff apply -f}) and {@code -o yaml}; same strictness as {@link Json}. */
public final class Yaml {
    private static final YAMLMapper MAPPER = Json.configure(YAMLMapper.builder())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final ObjectReader NODES = MAPPER.readerFor(JsonNode.class);

    private Yaml() {}

    public static YAMLMapper mapper() {
        return MAPPER;
    }

    /**
     * Every non-empty document of a multi-document YAML stream ({@code ---} separated), in order.
     * A syntax error names the line and column.
     */
    public static List<JsonNode> readDocuments(String yaml) throws DecodeException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = NODES.readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (JsonProcessingException e) {
            throw DecodeException.from(e, "YAML");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    public static String toYaml(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getName(), e);
        }
    }
}
