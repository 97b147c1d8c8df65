package io.skiff.api.meta;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Kubernetes times on the wire. {@code metav1.Time} is RFC 3339 in UTC at second precision
 * ({@code 2014-10-20T15:04:05Z}); {@code metav1.MicroTime} (Lease acquire/renew, Event eventTime)
 * has six fractional digits ({@code 2014-10-20T15:04:05.000123Z}). Both parse any RFC 3339 time
 * and truncate to their precision, so a decoded value equals what encoding it again produces.
 *
 * <p>Plain {@link Instant} fields are Times (the shared mapper registers {@link TimeSerializer});
 * MicroTime fields say so with {@code @JsonSerialize(using = MicroTimeSerializer.class)
 * @JsonDeserialize(using = MicroTimeDeserializer.class)}.
 */
public final class Rfc3339 {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Rfc3339() {}

    /** {@code metav1.Time} form. */
    public static String formatTime(Instant t) {
        return SECONDS.format(t);
    }

    /** {@code metav1.MicroTime} form. */
    public static String formatMicroTime(Instant t) {
        return MICROS.format(t);
    }

    /** Any RFC 3339 date-time, with {@code Z} or an offset and any fraction. */
    public static Instant parse(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: \"" + s + "\"", e);
        }
    }

    public static Instant toTimePrecision(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    public static Instant toMicroTimePrecision(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    public static final class TimeSerializer extends StdSerializer<Instant> {
        public TimeSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(formatTime(v));
        }
    }

    public static final class MicroTimeSerializer extends StdSerializer<Instant> {
        public MicroTimeSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(formatMicroTime(v));
        }
    }

    public static final class TimeDeserializer extends StdDeserializer<Instant> {
        public TimeDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return toTimePrecision(parseToken(p, ctxt));
        }
    }

    public static final class MicroTimeDeserializer extends StdDeserializer<Instant> {
        public MicroTimeDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return toMicroTimePrecision(parseToken(p, ctxt));
        }
    }

    private static Instant parseToken(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        String text = p.getText();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidFormatException.from(p, "not an RFC 3339 time: \"" + text + "\"", text, Instant.class);
        }
    }
}
