package io.skiff.api.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.core.ResourceRequirements;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Quantities parse and print as Kubernetes' resource.Quantity does. */
class QuantityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // input, canonical form
        "0, 0", "0m, 0", "0Ki, 0", "-0, 0", "0.0, 0",
        "1, 1", "+1, 1", "1., 1", "1000m, 1", "1500m, 1500m", "0.5, 500m", ".5, 500m", "100m, 100m",
        "1k, 1k", "1000, 1k", "1000k, 1M", "1M, 1M", "1G, 1G", "1.5G, 1500M", "2T, 2T", "3P, 3P", "4E, 4E",
        "1n, 1n", "1u, 1u", "0.000001, 1u", "1.5n, 2n", "0.0000000001, 1n", "-0.0000000001, -1n",
        "1Ki, 1Ki", "1024Ki, 1Mi", "128Mi, 128Mi", "1.5Gi, 1536Mi", "2Ti, 2Ti", "1Ei, 1Ei", "2048Ei, 2048Ei",
        "0.5Ki, 512", "0.1Ki, 102400m", "1536, 1536", "1024, 1024", "-1Ki, -1Ki", "-512Ki, -512Ki",
        "1e3, 1e3", "1E3, 1e3", "1.5e3, 1500", "1e-3, 1e-3", "1e0, 1", "12e6, 12e6", "1000e3, 1e6",
        "-1, -1", "-100m, -100m", "-1.5, -1500m",
    })
    void canonicalForm(String input, String canonical) {
        Quantity q = Quantity.parse(input);

        assertThat(q).hasToString(canonical);
        assertThat(Quantity.parse(canonical)).isEqualTo(q);
    }

    /** Mantissas of every length up to past a long's, with every suffix, both signs. */
    @Property(tries = 3000)
    void longShortcutsPrintWhatBigIntegersPrint(@ForAll("digits") String digits,
            @ForAll @IntRange(min = 0, max = 12) int fractionDigits, @ForAll boolean negative,
            @ForAll("suffixes") String suffix) {
        BigDecimal number = new BigDecimal(new BigInteger(digits), fractionDigits);
        Quantity q = Quantity.parse((negative ? "-" : "") + number.toPlainString() + suffix);

        assertThat(q.toString()).isEqualTo(q.canonicalFormExact());
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.integers().between(1, 24).flatMap(n -> Arbitraries.strings().numeric().ofLength(n));
    }

    @Provide
    Arbitrary<String> suffixes() {
        return Arbitraries.of("", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei",
                "e0", "e3", "e-3", "e7", "e-11", "e18", "e21", "E-2");
    }

    @ParameterizedTest(name = "{0}: value {1}, milli {2}")
    @CsvSource({
        "100m, 1, 100", "1.5, 2, 1500", "1, 1, 1000", "0, 0, 0", "1n, 1, 1", "1500u, 1, 2",
        "128Mi, 134217728, 134217728000", "1k, 1000, 1000000", "1e3, 1000, 1000000",
        "-1.5, -2, -1500", "-1n, -1, -1", "2Gi, 2147483648, 2147483648000",
    })
    void valuesRoundUpAwayFromZero(String input, long value, long milli) {
        Quantity q = Quantity.parse(input);

        assertThat(q.value()).isEqualTo(value);
        assertThat(q.milliValue()).isEqualTo(milli);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
        "1, 1000m, 0", "1Ki, 1k, 1", "500m, 1, -1", "1Gi, 1G, 1", "1e3, 1k, 0", "-1, 0, -1", "0, 0Mi, 0",
        "1Mi, 1048576, 0",
    })
    void comparesByAmount(String a, String b, int sign) {
        Quantity qa = Quantity.parse(a);
        Quantity qb = Quantity.parse(b);

        assertThat(Integer.signum(qa.compareTo(qb))).isEqualTo(sign);
        assertThat(Integer.signum(qb.compareTo(qa))).isEqualTo(-sign);
        assertThat(qa.equals(qb)).isEqualTo(sign == 0);
        if (sign == 0) {
            assertThat(qa.hashCode()).isEqualTo(qb.hashCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1x", "1K", "1KB", "1Mb", "1 Mi", " 1", "1 ", "1e", "1ee3", "e3", "--1",
        "1.2.3", "Mi", "1Ki2", "1e3.5", "1e+", ".", "-", "+", "0x10", "1,5", "1e99999"})
    void rejectsBadSyntaxWithAClearMessage(String input) {
        assertThatThrownBy(() -> Quantity.parse(input))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessageStartingWith("quantity \"" + input + "\" is invalid: ")
                .satisfies(e -> assertThat(((InvalidQuantityException) e).input()).isEqualTo(input));
    }

    @Test
    void factoriesPickTheirFormat() {
        assertThat(Quantity.of(1000)).hasToString("1k");
        assertThat(Quantity.ofMilli(500)).hasToString("500m");
        assertThat(Quantity.ofMilli(2000)).hasToString("2");
        assertThat(Quantity.ofBytes(128L << 20)).hasToString("128Mi");
        assertThat(Quantity.ofBytes(1000)).hasToString("1k");
        assertThat(Quantity.parse("1").add(Quantity.parse("500m"))).hasToString("1500m");
        assertThat(Quantity.parse("1Gi").subtract(Quantity.parse("512Mi"))).hasToString("512Mi");
    }

    @Test
    void jsonIsAStringAndNumbersAreAccepted() throws DecodeException {
        ResourceRequirements r = Json.read("""
                {"limits":{"cpu":0.5,"memory":"128Mi","pods":110,"big":1e3}}""".getBytes(),
                ResourceRequirements.class);

        assertThat(r.limits().get("cpu")).isEqualTo(Quantity.parse("500m"));
        assertThat(r.limits().get("pods")).isEqualTo(Quantity.of(110));
        assertThat(r.limits().get("big")).isEqualTo(Quantity.parse("1k"));
        assertThat(Json.toString(r)).isEqualTo(
                "{\"limits\":{\"cpu\":\"500m\",\"memory\":\"128Mi\",\"pods\":\"110\",\"big\":\"1k\"}}");
    }

    @Test
    void badQuantityInJsonNamesTheFieldAndTheReason() {
        assertThatThrownBy(() -> Json.read("{\"requests\":{\"memory\":\"12 GB\"}}".getBytes(),
                        ResourceRequirements.class))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("requests.memory")
                .hasMessageContaining("quantity \"12 GB\" is invalid");
        assertThatThrownBy(() -> Json.read("{\"requests\":{\"memory\":true}}".getBytes(),
                        ResourceRequirements.class))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("requests.memory: expected a quantity");
    }
}
