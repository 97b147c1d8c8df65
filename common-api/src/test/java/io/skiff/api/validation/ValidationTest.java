package io.skiff.api.validation;

import static io.skiff.api.validation.KubernetesText.C_IDENTIFIER;
import static io.skiff.api.validation.KubernetesText.DNS1035_LABEL;
import static io.skiff.api.validation.KubernetesText.DNS1123_LABEL;
import static io.skiff.api.validation.KubernetesText.DNS1123_SUBDOMAIN;
import static io.skiff.api.validation.KubernetesText.ENV_VAR_NAME;
import static io.skiff.api.validation.KubernetesText.IP;
import static io.skiff.api.validation.KubernetesText.LABEL_VALUE;
import static io.skiff.api.validation.KubernetesText.PORT_RANGE;
import static io.skiff.api.validation.KubernetesText.QUALIFIED_NAME_PART;
import static io.skiff.api.validation.KubernetesText.QUALIFIED_NAME_TOO_MANY_SLASHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {

    private static final String TOO_LONG_63 = "must be no more than 63 characters";

    static Stream<Arguments> dns1123Labels() {
        return Stream.of(
                arguments("a", List.of()),
                arguments("my-name", List.of()),
                arguments("123-abc", List.of()),
                arguments("a".repeat(63), List.of()),
                arguments("a".repeat(64), List.of(TOO_LONG_63)),
                arguments("Bad_Name", List.of(DNS1123_LABEL)),
                arguments("", List.of(DNS1123_LABEL)),
                arguments("-a", List.of(DNS1123_LABEL)),
                arguments("a-", List.of(DNS1123_LABEL)),
                arguments("a.b", List.of("must not contain dots")),
                // every problem, not only the first
                arguments("A".repeat(64), List.of(TOO_LONG_63, DNS1123_LABEL)),
                // Go counts bytes: 32 two-byte characters are 64 bytes
                arguments("é".repeat(32), List.of(TOO_LONG_63, DNS1123_LABEL)));
    }

    @ParameterizedTest
    @MethodSource("dns1123Labels")
    void dns1123Label(String value, List<String> expected) {
        assertThat(Validation.isDNS1123Label(value)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> dns1123Subdomains() {
        return Stream.of(
                arguments("example.com", List.of()),
                arguments("a", List.of()),
                arguments("a-b.c-d.e", List.of()),
                arguments("a".repeat(253), List.of()),
                arguments("a".repeat(254), List.of("must be no more than 253 characters")),
                arguments("a..b", List.of(DNS1123_SUBDOMAIN)),
                arguments(".a", List.of(DNS1123_SUBDOMAIN)),
                arguments("a_b", List.of(DNS1123_SUBDOMAIN)),
                arguments("Web", List.of(DNS1123_SUBDOMAIN)),
                arguments("", List.of(DNS1123_SUBDOMAIN)),
                arguments("A".repeat(254), List.of("must be no more than 253 characters", DNS1123_SUBDOMAIN)));
    }

    @ParameterizedTest
    @MethodSource("dns1123Subdomains")
    void dns1123Subdomain(String value, List<String> expected) {
        assertThat(Validation.isDNS1123Subdomain(value)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> dns1035Labels() {
        return Stream.of(
                arguments("my-name", List.of()),
                arguments("abc-123", List.of()),
                arguments("123-abc", List.of(DNS1035_LABEL)),
                arguments("a.b", List.of(DNS1035_LABEL)),
                arguments("a".repeat(64), List.of(TOO_LONG_63)));
    }

    @ParameterizedTest
    @MethodSource("dns1035Labels")
    void dns1035Label(String value, List<String> expected) {
        assertThat(Validation.isDNS1035Label(value)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> qualifiedNames() {
        return Stream.of(
                arguments("app", List.of()),
                arguments("MyName", List.of()),
                arguments("my.name", List.of()),
                arguments("123-abc", List.of()),
                arguments("example.com/MyName", List.of()),
                arguments("k8s.io/app_name-1", List.of()),
                arguments("a".repeat(63), List.of()),
                arguments("", List.of("name part must be non-empty", QUALIFIED_NAME_PART)),
                arguments("/app", List.of("prefix part must be non-empty")),
                arguments("example.com/", List.of("name part must be non-empty", QUALIFIED_NAME_PART)),
                arguments("a".repeat(64), List.of("name part must be no more than 63 characters")),
                arguments("-app", List.of(QUALIFIED_NAME_PART)),
                arguments("app:x", List.of(QUALIFIED_NAME_PART)),
                arguments("Example.com/app", List.of("prefix part " + DNS1123_SUBDOMAIN)),
                arguments("a/b/c", List.of(QUALIFIED_NAME_TOO_MANY_SLASHES)),
                arguments("Bad_Prefix/-bad-", List.of("prefix part " + DNS1123_SUBDOMAIN, QUALIFIED_NAME_PART)));
    }

    @ParameterizedTest
    @MethodSource("qualifiedNames")
    void qualifiedName(String value, List<String> expected) {
        assertThat(Validation.isQualifiedName(value)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> labelValues() {
        return Stream.of(
                arguments("", List.of()),
                arguments("MyValue", List.of()),
                arguments("my_value", List.of()),
                arguments("12345", List.of()),
                arguments("a.b-c_d", List.of()),
                arguments("a".repeat(63), List.of()),
                arguments("a".repeat(64), List.of(TOO_LONG_63)),
                arguments("bad value", List.of(LABEL_VALUE)),
                arguments("-a", List.of(LABEL_VALUE)),
                arguments("a/b", List.of(LABEL_VALUE)),
                arguments("_".repeat(64), List.of(TOO_LONG_63, LABEL_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("labelValues")
    void labelValue(String value, List<String> expected) {
        assertThat(Validation.isValidLabelValue(value)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1      | true
            80     | true
            65535  | true
            0      | false
            -1     | false
            65536  | false
            """)
    void portNumber(long port, boolean valid) {
        assertThat(Validation.isValidPortNum(port)).isEqualTo(valid ? List.of() : List.of(PORT_RANGE));
    }

    static Stream<Arguments> portNames() {
        return Stream.of(
                arguments("http", List.of()),
                arguments("h2c", List.of()),
                arguments("web-8080", List.of()),
                arguments("a".repeat(15), List.of()),
                arguments("a".repeat(16), List.of("must be no more than 15 characters")),
                arguments("HTTP", List.of("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                        "must contain at least one letter (a-z)")),
                arguments("8080", List.of("must contain at least one letter (a-z)")),
                arguments("a--b", List.of("must not contain consecutive hyphens")),
                arguments("-web", List.of("must not begin or end with a hyphen")),
                arguments("", List.of("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                        "must contain at least one letter (a-z)")),
                arguments("--", List.of("must contain at least one letter (a-z)", "must not contain consecutive hyphens",
                        "must not begin or end with a hyphen")));
    }

    @ParameterizedTest
    @MethodSource("portNames")
    void portName(String value, List<String> expected) {
        assertThat(Validation.isValidPortName(value)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            10.9.8.7                  | true
            0.0.0.0                   | true
            255.255.255.255           | true
            010.009.008.007           | true
            2001:db8::ffff            | true
            ::                        | true
            ::1                       | true
            1::                       | true
            1:2:3:4:5:6:7:8           | true
            ::ffff:10.1.2.3           | true
            1:2:3:4:5:6:1.2.3.4       | true
            256.1.1.1                 | false
            1.2.3                     | false
            1.2.3.4.5                 | false
            1.2.3.                    | false
            ''                        | false
            localhost                 | false
            example.com               | false
            1:2:3:4:5:6:7:8:9         | false
            1:2:3:4:5:6:7:8::         | false
            1::2::3                   | false
            12345::                   | false
            1:2:3:4:5:1.2.3.4         | false
            fe80::1%eth0              | false
            ':'                       | false
            ' 10.0.0.1'               | false
            """)
    void ipAddress(String value, boolean valid) {
        assertThat(Validation.isValidIP(value)).isEqualTo(valid ? List.of() : List.of(IP));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            my_name  | true
            _x1      | true
            MY_NAME  | true
            1abc     | false
            a-b      | false
            ''       | false
            """)
    void cIdentifier(String value, boolean valid) {
        assertThat(Validation.isCIdentifier(value)).isEqualTo(valid ? List.of() : List.of(C_IDENTIFIER));
    }

    static Stream<Arguments> envVarNames() {
        return Stream.of(
                arguments("PATH", List.of()),
                arguments("my.env-name", List.of()),
                arguments("MyEnvName1", List.of()),
                arguments("1ABC", List.of(ENV_VAR_NAME)),
                arguments("A=B", List.of(ENV_VAR_NAME)),
                arguments("", List.of(ENV_VAR_NAME)),
                arguments(".", List.of("must not be '.'")),
                arguments("..", List.of("must not be '..'")),
                arguments("..a", List.of("must not start with '..'")));
    }

    @ParameterizedTest
    @MethodSource("envVarNames")
    void envVarName(String value, List<String> expected) {
        assertThat(Validation.isEnvVarName(value)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            5   | 1 | 10 | ''
            1   | 1 | 10 | ''
            10  | 1 | 10 | ''
            0   | 1 | 10 | must be between 1 and 10, inclusive
            11  | 1 | 10 | must be between 1 and 10, inclusive
            """)
    void inRange(long value, long lo, long hi, String expected) {
        assertThat(Validation.isInRange(value, lo, hi)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }
}
