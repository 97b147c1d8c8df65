package io.skiff.api.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** YAML for manifests ({@code skiff apply -f}) and {@code -o yaml}; same strictness as {@link Json}. */
public final class Yaml {
    private static final YAMLMapper MAPPER = Json.configure(YAMLMapper.builder(
                    YAMLFactory.builder().stringQuotingChecker(new Quoting()).recyclerPool(Json.BUFFERS).build()))
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    /** Reads one document where more may follow. */
    private static final ObjectReader DOCUMENT =
            MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        // A parser loop rather than readValues(): that one unwraps a top-level sequence into
        // its elements, where a manifest that is a list must be reported as one.
        try (JsonParser p = MAPPER.createParser(yaml)) {
            while (p.nextToken() != null) {
                JsonNode doc = DOCUMENT.readTree(p);
                // An empty document (between two "---") reads as null or as an empty string.
                boolean empty = doc == null || doc.isNull() || doc.isMissingNode()
                        || (doc.isTextual() && doc.asText().isBlank());
                if (!empty) {
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

    /**
     * Quotes every string a YAML 1.1 or 1.2 reader might take for something else: beyond
     * Jackson's checks, anything number-like ({@code 1e3}, {@code 0x1F}, {@code 1_000},
     * {@code 1:20}, {@code .inf}), so a string stays a string when the output is read back.
     */
    static final class Quoting extends StringQuotingChecker.Default {
        private static final Pattern NUMBER_LIKE = Pattern.compile(
                "[-+]?(\\.[0-9_]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
                        + "|[-+]?0[xXoObB][0-9a-fA-F_]+"
                        + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                        + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
        }

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || NUMBER_LIKE.matcher(name).matches();
        }
    }

    public static String toYaml(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getName(), e);
        }
    }
}
