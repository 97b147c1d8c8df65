package io.skiff.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations written as Kubernetes' flags take them (Go's {@code time.ParseDuration}):
 * {@code 40s}, {@code 5m}, {@code 1m30s}, {@code 500ms}, {@code 1.5h}; a bare {@code 0} too.
 */
final class GoDuration implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String s = value == null ? "" : value.strip();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        double nanos = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        if (s.isEmpty() || at != s.length()) {
            throw new TypeConversionException("invalid duration \"" + value + "\" (e.g. 40s, 5m, 1m30s, 500ms)");
        }
        return Duration.ofNanos(Math.round(nanos));
    }
}
