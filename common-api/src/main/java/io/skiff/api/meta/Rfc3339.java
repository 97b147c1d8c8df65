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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

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
    private static final Pattern GRAMMAR = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private Rfc3339() {}

    /** {@code metav1.Time} form. */
    public static String formatTime(Instant t) {
        return format(t, false);
    }

    /** {@code metav1.MicroTime} form. */
    public static String formatMicroTime(Instant t) {
        return format(t, true);
    }

    /**
     * Written by hand rather than with a DateTimeFormatter: every stored object carries several
     * times and the apiserver encodes objects on every write, so this is on the hot path.
     */
    private static String format(Instant t, boolean micros) {
        long seconds = t.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return OffsetDateTime.ofInstant(t, ZoneOffset.UTC).toString(); // outside RFC 3339; never in practice
        }
        char[] out = new char[micros ? 27 : 20];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        if (micros) {
            out[19] = '.';
            digits(out, 20, t.getNano() / 1000, 6);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Any RFC 3339 date-time, with {@code Z} or an offset and any fraction. */
    public static Instant parse(String s) {
        Instant fast = parseUtc(s);
        if (fast != null) {
            return fast;
        }
        // java.time alone is laxer than RFC 3339: it reads 24:00 as the next midnight and "05.Z".
        if (!GRAMMAR.matcher(s).matches()) {
            throw new IllegalArgumentException("not an RFC 3339 time: \"" + s + "\"");
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: \"" + s + "\"", e);
        }
    }

    /**
     * The forms Kubernetes writes ({@code 2014-10-20T15:04:05Z}, optionally with a fraction),
     * parsed without a DateTimeFormatter; null for anything else, which takes the general path.
     */
    private static Instant parseUtc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            nanos = number(s, 20, digits);
            for (int i = digits; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null; // the general parser reports it
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in s[at, at+len), or -1 if any character is not a digit. */
    private static int number(String s, int at, int len) {
        int v = 0;
        for (int i = at; i < at + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidFormatException.from(p, "not an RFC 3339 time: \"" + text + "\"", text, Instant.class);
        }
    }
}
