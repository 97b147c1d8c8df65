package io.skiff.api.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // input (any RFC 3339),        Time,                   MicroTime
        "2014-10-20T15:04:05Z,          2014-10-20T15:04:05Z,   2014-10-20T15:04:05.000000Z",
        "2014-10-20T15:04:05.999999999Z, 2014-10-20T15:04:05Z,  2014-10-20T15:04:05.999999Z",
        "2014-10-20T17:04:05.5+02:00,   2014-10-20T15:04:05Z,   2014-10-20T15:04:05.500000Z",
        "2014-10-20T10:34:05-04:30,     2014-10-20T15:04:05Z,   2014-10-20T15:04:05.000000Z",
        "1970-01-01T00:00:00Z,          1970-01-01T00:00:00Z,   1970-01-01T00:00:00.000000Z",
        "1969-12-31T23:59:59.000001Z,   1969-12-31T23:59:59Z,   1969-12-31T23:59:59.000001Z",
        "2000-02-29T23:59:59Z,          2000-02-29T23:59:59Z,   2000-02-29T23:59:59.000000Z",
        "0001-01-01T00:00:00Z,          0001-01-01T00:00:00Z,   0001-01-01T00:00:00.000000Z",
        "2014-10-20T15:04:05.1Z,        2014-10-20T15:04:05Z,   2014-10-20T15:04:05.100000Z",
        "2014-10-31T15:04:05.000001Z,   2014-10-31T15:04:05Z,   2014-10-31T15:04:05.000001Z",
    })
    void parsesAnyRfc3339AndPrintsKubernetesForms(String input, String time, String microTime) {
        Instant t = Rfc3339.parse(input);

        assertThat(Rfc3339.formatTime(Rfc3339.toTimePrecision(t))).isEqualTo(time);
        assertThat(Rfc3339.formatMicroTime(Rfc3339.toMicroTimePrecision(t))).isEqualTo(microTime);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2014-10-20", "2014-10-20T15:04:05", "2014-10-20 15:04:05Z",
        "2014-13-20T15:04:05Z", "1413817445",
        "2014-02-30T00:00:00Z", "2014-10-20T24:00:00Z", "2014-10-20T15:04:05.Z", "2014-10-20T15:04:05.1234567890Z",
        "2014-10-20T15:60:05Z", "2014-1x-20T15:04:05Z"})
    void rejectsWhatIsNotRfc3339(String input) {
        assertThatThrownBy(() -> Rfc3339.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an RFC 3339 time: \"" + input + "\"");
    }

    /** The hand-written formatter agrees with java.time's over years 0001 to 9999. */
    @Property(tries = 2000)
    void formatterAgreesWithJavaTime(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second,
            @ForAll @IntRange(min = 0, max = 999_999) int micros) {
        Instant t = Instant.ofEpochSecond(second, micros * 1000L);

        assertThat(Rfc3339.formatMicroTime(t)).isEqualTo(REFERENCE.format(t));
        assertThat(Rfc3339.formatTime(t)).isEqualTo(REFERENCE.format(t).substring(0, 19) + "Z");
        assertThat(Rfc3339.parse(Rfc3339.formatMicroTime(t))).isEqualTo(t);
    }
}
