package io.skiff.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class GoDurationTest {
    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"40s, 40000", "5m, 300000", "1m30s, 90000", "500ms, 500", "1.5h, 5400000", "0, 0", "2h1m1s, 7261000",
            "1000us, 1", "1000µs, 1", "1000000ns, 1", "0.5s, 500", "40, 40000", "7, 7000", "' 2m ', 120000"})
    void parses(String text, long millis) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "5 m", "1d", "-5s", "5m x", "soon", "PT1M", "1.5", "m5"})
    void rejects(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid duration \"" + text + "\"");
        assertThatThrownBy(() -> new GoDuration().convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("invalid duration");
    }
}
