package io.skiff.api.meta;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A port given as a number or a name ({@code intstr.IntOrString}): a JSON number or a JSON
 * string on the wire, exactly one of the two components set.
 */
@JsonSerialize(using = IntOrString.Serializer.class)
@JsonDeserialize(using = IntOrString.Deserializer.class)
public record IntOrString(Integer intValue, String stringValue) {
    public IntOrString {
        if ((intValue == null) == (stringValue == null)) {
            throw new IllegalArgumentException("IntOrString holds exactly one of an int or a string");
        }
    }

    public static IntOrString of(int value) {
        return new IntOrString(value, null);
    }

    public static IntOrString of(String value) {
        return new IntOrString(null, value);
    }

    public boolean holdsInt() {
        return intValue != null;
    }

    @Override
    public String toString() {
        return holdsInt() ? intValue.toString() : stringValue;
    }

    static final class Serializer extends StdSerializer<IntOrString> {
        Serializer() {
            super(IntOrString.class);
        }

        @Override
        public void serialize(IntOrString v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (v.holdsInt()) {
                gen.writeNumber(v.intValue());
            } else {
                gen.writeString(v.stringValue());
            }
        }
    }

    static final class Deserializer extends StdDeserializer<IntOrString> {
        Deserializer() {
            super(IntOrString.class);
        }

        @Override
        public IntOrString deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                return IntOrString.of(p.getText());
            }
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                return IntOrString.of(p.getIntValue());
            }
            return (IntOrString) ctxt.handleUnexpectedToken(IntOrString.class, p);
        }
    }
}
