package io.skiff.api.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.skiff.api.meta.Rfc3339;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The one configured Jackson mapper for API objects. Like Kubernetes' decoder it is strict about
 * types (a string where an integer belongs is an error, never a silent coercion) and lenient
 * about unknown fields (ignored). Absent values stay absent on output (NON_NULL).
 */
public final class Json {
    /**
     * Jackson's parse and write buffers (8-16 KiB each), shared by all threads. The default pool
     * keeps them per thread, and the apiserver runs every request on a new virtual thread: each
     * parse and write would allocate fresh buffers and throw them away.
     */
    static final RecyclerPool<BufferRecycler> BUFFERS = JsonRecyclerPools.sharedConcurrentDequePool();
    private static final ObjectMapper MAPPER =
            configure(JsonMapper.builder(JsonFactory.builder().recyclerPool(BUFFERS).build())).build();
    private static final ObjectWriter WRITER = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writer(kubectlStyle());
    private static final ObjectReader TREE_READER = MAPPER.reader();
    /** A reader per type, its root deserializer found once rather than looked up on every call. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private Json() {}

    /** Applies Skiff's API settings to a mapper builder; the YAML mapper shares them. */
    static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        SimpleModule times = new SimpleModule("skiff-times")
                .addSerializer(Instant.class, new Rfc3339.TimeSerializer())
                .addDeserializer(Instant.class, new Rfc3339.TimeDeserializer());
        SimpleModule skipUnknown = new SimpleModule("skiff-skip-unknown").setDeserializerModifier(
                new BeanDeserializerModifier() {
                    // Unknown fields of API objects are ignored anyway; said per type, Jackson skips
                    // them where it would otherwise copy each into a token buffer until the record is
                    // built. Only API types: a caller's own type read with FAIL_ON_UNKNOWN_PROPERTIES
                    // (the CLI's config file) must still fail on a misspelt key.
                    @Override
                    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config,
                            BeanDescription description, BeanDeserializerBuilder builder) {
                        String pkg = description.getBeanClass().getPackageName();
                        if (pkg.equals("io.skiff.api") || pkg.startsWith("io.skiff.api.")) { // not io.skiff.apiserver
                            builder.setIgnoreUnknownProperties(true);
                        }
                        return builder;
                    }
                });
        builder.addModule(times)
                .addModule(skipUnknown)
                .addModule(new BlackbirdModule())
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        return builder;
    }

    /** {@code kubectl get -o json} layout: four-space indent, {@code "key": value}, {@code {}} and {@code []}. */
    private static DefaultPrettyPrinter kubectlStyle() {
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Compact JSON bytes: the fast path the apiserver uses to store and serve v1 objects. */
    public static byte[] toBytes(Object value) {
        ExactBytes out = new ExactBytes();
        try {
            WRITER.writeValue(out, value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // ExactBytes does no I/O
        }
        return out.toByteArray();
    }

    /**
     * Where an encoding lands. The generator fills its own (recycled) buffer and hands it over
     * when full or done, so an object that fits (8,000 bytes, most) arrives as one chunk, kept
     * as one exact copy; writeValueAsBytes would copy it into a chain of small blocks, then all
     * of them into the result.
     */
    private static final class ExactBytes extends java.io.OutputStream {
        private byte[] bytes = new byte[0];
        private int length;

        @Override
        public void write(byte[] b, int off, int len) {
            if (length == 0) {
                bytes = java.util.Arrays.copyOfRange(b, off, off + len);
            } else {
                if (length + len > bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, Math.max(length + len, bytes.length * 2));
                }
                System.arraycopy(b, off, bytes, length, len);
            }
            length += len;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        byte[] toByteArray() {
            return length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
        }
    }

    public static String toString(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getName(), e);
        }
    }

    /** Indented as {@code kubectl get -o json} prints, with a final newline. */
    public static String toPrettyString(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getName(), e);
        }
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Parses JSON into a tree; a syntax error names the line and column. */
    public static JsonNode readTree(byte[] json) throws DecodeException {
        try {
            return nonEmpty(TREE_READER.readTree(json));
        } catch (JsonProcessingException e) {
            throw DecodeException.from(e, "JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readTree(String json) throws DecodeException {
        try {
            return nonEmpty(TREE_READER.readTree(json));
        } catch (JsonProcessingException e) {
            throw DecodeException.from(e, "JSON");
        }
    }

    public static JsonNode readTree(InputStream json) throws DecodeException, IOException {
        try {
            return nonEmpty(TREE_READER.readTree(json));
        } catch (JsonProcessingException e) {
            throw DecodeException.from(e, "JSON");
        }
    }

    /**
     * Binds JSON straight to a type, in one pass: the fast path for bytes whose kind is known
     * (objects read back from storage). Errors carry the field path and the line and column.
     */
    @SuppressWarnings("unchecked")
    public static <T> T read(byte[] json, Class<T> type) throws DecodeException {
        return (T) read(READERS.get(type), json);
    }

    /** Binds JSON bytes with a reader made for their type ({@link #readerFor}). */
    static Object read(ObjectReader reader, byte[] json) throws DecodeException {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw DecodeException.from(e, "JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Binds the value at a parser's current token (a field of an object whose start it has read,
     * included) with a reader made for its type; the parser must hold nothing after it.
     */
    static Object read(ObjectReader reader, JsonParser p) throws DecodeException {
        try {
            Object value = reader.readValue(p);
            if (p.nextToken() != null) {
                throw new DecodeException("malformed JSON: trailing tokens after the object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw DecodeException.from(e, "JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader bound to {@code type} (generic types such as {@code KubeList<Pod>} included); keep it. */
    static ObjectReader readerFor(JavaType type) {
        return MAPPER.readerFor(type);
    }

    /** A streaming parser with the mapper's settings, for a look at the bytes before binding them. */
    static JsonParser parser(byte[] json) throws IOException {
        return TREE_READER.createParser(json);
    }

    /** Binds a parsed tree to a type; errors carry the field path. */
    @SuppressWarnings("unchecked")
    public static <T> T fromTree(JsonNode node, Class<T> type) throws DecodeException {
        return node == null ? null : (T) fromTree(READERS.get(type), node);
    }

    /** Binds a parsed tree with a reader made for its type. */
    static Object fromTree(ObjectReader reader, JsonNode node) throws DecodeException {
        // Through a parser left open (it holds no resources), not readValue(node): that closes its
        // parser before the error is read, and a closed tree parser forgets the token that
        // DecodeException reports ("got a string").
        try {
            return reader.readValue(reader.treeAsTokens(node));
        } catch (JsonProcessingException e) {
            throw DecodeException.from(e, "JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode nonEmpty(JsonNode node) throws DecodeException {
        if (node == null || node.isMissingNode()) {
            throw new DecodeException("empty body: expected a JSON object");
        }
        return node;
    }
}
