package io.skiff.cli.output;

import java.time.Duration;
import java.time.Instant;

/** Ages as kubectl prints them ({@code duration.HumanDuration}): {@code 45s}, {@code 3m20s}, {@code 5h}, {@code 2d3h}. */
public final class HumanDuration {
    private HumanDuration() {}

    /** The age of {@code since} at {@code now}; {@code <unknown>} for no time, as kubectl. */
    public static String since(Instant since, Instant now) {
        return since == null ? "<unknown>" : format(Duration.between(since, now));
    }

    public static String format(Duration d) {
        long seconds = d.getSeconds();
        // Two seconds of clock skew between machines still reads as "now".
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }
}
