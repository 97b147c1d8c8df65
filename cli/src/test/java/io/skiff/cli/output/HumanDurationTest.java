package io.skiff.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kubectl's duration.HumanDuration, boundary by boundary. */
class HumanDurationTest {
    @ParameterizedTest
    @CsvSource({
        "-5, <invalid>", "-1, 0s", "0, 0s", "59, 59s", "119, 119s", "120, 2m", "130, 2m10s", "599, 9m59s",
        "600, 10m", "10799, 179m", "10800, 3h", "11100, 3h5m", "28800, 8h", "172799, 47h", "172800, 2d",
        "180000, 2d2h", "691200, 8d", "63072000, 2y", "63158400, 2y1d", "252460800, 8y"
    })
    void formatsAsKubectl(long seconds, String expected) {
        assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }
}
