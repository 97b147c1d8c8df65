package io.skiff.api.v1beta1;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.resource.InvalidQuantityException;
import io.skiff.api.resource.Quantity;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resource amounts the way v1beta1 wrote them: plain integers in a unit fixed per resource. CPU
 * counts thousandths of a core ({@code "cpu": 500} is half a core), everything else counts units
 * ({@code "memory": 134217728} bytes, {@code "pods": 110}). Input may also be a quantity string
 * ({@code "500m"}, {@code "128Mi"}, or the cores-as-string {@code "0.5"} of later v1beta1
 * servers), which is unambiguous because the integer form never was a string.
 */
final class ResourceAmounts {
    private ResourceAmounts() {}

    /** The integer v1beta1 writes for {@code amount} of {@code resource}: millicores or units, rounded up. */
    static long toWire(String resource, Quantity amount) {
        return ResourceRequirements.CPU.equals(resource) ? amount.milliValue() : amount.value();
    }

    /** The hub quantity of a v1beta1 integer: millicores for cpu, bytes (printed binary) for memory. */
    static Quantity fromWire(String resource, long value) {
        return switch (resource) {
            case ResourceRequirements.CPU -> Quantity.ofMilli(value);
            case ResourceRequirements.MEMORY -> Quantity.ofBytes(value);
            default -> Quantity.of(value);
        };
    }

    private static Quantity read(JsonParser p, String resource) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw InvalidFormatException.from(p, "integer out of range", p.getText(), Long.class);
            }
            return fromWire(resource, p.getLongValue());
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Quantity.parse(p.getText());
            } catch (InvalidQuantityException e) {
                throw InvalidFormatException.from(p, e.getMessage(), p.getText(), Quantity.class);
            }
        }
        throw InvalidFormatException.from(p, "expected an integer (" + unit(resource)
                + ") or a quantity string, got " + describe(t), p.getText(), Long.class);
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NULL -> "null";
            default -> String.valueOf(t);
        };
    }

    private static String unit(String resource) {
        return ResourceRequirements.CPU.equals(resource) ? "millicores" : "bytes";
    }

    /** {@code Container.memory}: bytes. */
    static final class Bytes extends StdDeserializer<Long> {
        Bytes() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return toWire(ResourceRequirements.MEMORY, read(p, ResourceRequirements.MEMORY));
        }
    }

    /** {@code Container.cpu}: millicores. */
    static final class MilliCores extends StdDeserializer<Long> {
        MilliCores() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return toWire(ResourceRequirements.CPU, read(p, ResourceRequirements.CPU));
        }
    }

    /** {@code Minion.resources.capacity}: resource name to amount, read per resource. */
    static final class CapacityDeserializer extends StdDeserializer<Map<String, Quantity>> {
        CapacityDeserializer() {
            super(Map.class);
        }

        @Override
        public Map<String, Quantity> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw InvalidFormatException.from(p, "expected an object of resource amounts", p.getText(),
                        Map.class);
            }
            Map<String, Quantity> capacity = new LinkedHashMap<>();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                try {
                    capacity.put(name, read(p, name));
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, capacity, name);
                }
            }
            return capacity;
        }
    }

    static final class CapacitySerializer extends StdSerializer<Map<String, Quantity>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        CapacitySerializer() {
            super((Class) Map.class);
        }

        @Override
        public void serialize(Map<String, Quantity> capacity, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject();
            for (Map.Entry<String, Quantity> e : capacity.entrySet()) {
                gen.writeNumberField(e.getKey(), toWire(e.getKey(), e.getValue()));
            }
            gen.writeEndObject();
        }
    }
}
