package io.skiff.kubelet.runtime;

import java.time.Instant;

/**
 * What part of a container's log to send, as {@code /containerLogs} and {@code pods/log} ask.
 *
 * @param follow     keep streaming until the container exits
 * @param tailLines  only the last n lines; null for all
 * @param timestamps prefix every line with its RFC 3339 time (nanoseconds) and a space
 * @param sinceTime  only lines printed at or after this time (second precision); null for all
 */
public record LogOptions(boolean follow, Integer tailLines, boolean timestamps, Instant sinceTime) {

    public static final LogOptions ALL = new LogOptions(false, null, false, null);

    public LogOptions {
        if (tailLines != null && tailLines < 0) {
            throw new IllegalArgumentException("tailLines must not be negative, got " + tailLines);
        }
    }

    public LogOptions withFollow(boolean follow) {
        return new LogOptions(follow, tailLines, timestamps, sinceTime);
    }

    public LogOptions withTailLines(Integer tailLines) {
        return new LogOptions(follow, tailLines, timestamps, sinceTime);
    }

    public LogOptions withTimestamps(boolean timestamps) {
        return new LogOptions(follow, tailLines, timestamps, sinceTime);
    }

    public LogOptions withSinceTime(Instant sinceTime) {
        return new LogOptions(follow, tailLines, timestamps, sinceTime);
    }
}
