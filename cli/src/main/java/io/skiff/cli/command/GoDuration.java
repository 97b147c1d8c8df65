package io.skiff.cli.command;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as Kubernetes' flags spell them (Go's {@code time.ParseDuration}): {@code 40s},
 * {@code 500ms}, {@code 1m30s}, {@code 1.5h}. A bare whole number is seconds, as kubectl's
 * {@code --request-timeout} takes it; the one parser of every duration flag of the binary.
 */
public final class GoDuration implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The duration {@code value} spells; {@link IllegalArgumentException} saying why not. */
    public static Duration parse(String value) {
        String s = value == null ? "" : value.strip();
        if (SECONDS.matcher(s).matches()) {
            return Duration.ofSeconds(Long.parseLong(s));
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
            throw new IllegalArgumentException("invalid duration \"" + value
                    + "\": use a number with a unit, e.g. 40s, 500ms, 5m, 1m30s");
        }
        return Duration.ofNanos(Math.round(nanos));
    }
}
