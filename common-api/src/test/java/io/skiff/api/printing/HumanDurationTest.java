package io.skiff.api.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** kubectl's AGE strings (apimachinery's duration.HumanDuration), boundary by boundary. */
class HumanDurationTest {
    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of(Duration.ofSeconds(-5), "<invalid>"),
                Arguments.of(Duration.ofMillis(-1500), "0s"), // clock skew: "now"
                Arguments.of(Duration.ZERO, "0s"),
                Arguments.of(Duration.ofSeconds(5), "5s"),
                Arguments.of(Duration.ofSeconds(119), "119s"),
                Arguments.of(Duration.ofSeconds(120), "2m"),
                Arguments.of(Duration.ofSeconds(182), "3m2s"),
                Arguments.of(Duration.ofSeconds(599), "9m59s"),
                Arguments.of(Duration.ofMinutes(10).plusSeconds(30), "10m"),
                Arguments.of(Duration.ofMinutes(179), "179m"),
                Arguments.of(Duration.ofMinutes(180), "3h"),
                Arguments.of(Duration.ofMinutes(7 * 60 + 59), "7h59m"),
                Arguments.of(Duration.ofHours(8).plusMinutes(30), "8h"),
                Arguments.of(Duration.ofHours(47), "47h"),
                Arguments.of(Duration.ofHours(48), "2d"),
                Arguments.of(Duration.ofHours(53), "2d5h"),
                Arguments.of(Duration.ofDays(7).plusHours(23), "7d23h"),
                Arguments.of(Duration.ofDays(8).plusHours(3), "8d"),
                Arguments.of(Duration.ofDays(729), "729d"),
                Arguments.of(Duration.ofDays(730), "2y"),
                Arguments.of(Duration.ofDays(365 * 3 + 40), "3y40d"),
                Arguments.of(Duration.ofDays(365 * 9), "9y"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("durations")
    void formatsAsKubectl(Duration d, String expected) {
        assertThat(HumanDuration.format(d)).isEqualTo(expected);
    }
}
