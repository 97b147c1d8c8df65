package io.skiff.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query parameters of {@code pods/{name}/log} ({@code PodLogOptions}); null means "not sent".
 *
 * @param container which container; needed when the pod has more than one
 * @param follow keep the stream open and send new lines as they are written
 * @param tailLines only the last this many lines
 * @param timestamps prefix every line with its RFC 3339 time
 * @param previous the previous (terminated) instance of the container
 * @param sinceSeconds only lines newer than this many seconds
 */
public record LogOptions(String container, Boolean follow, Long tailLines, Boolean timestamps, Boolean previous,
        Long sinceSeconds) {

    public static final LogOptions NONE = new LogOptions(null, null, null, null, null, null);

    public static LogOptions none() {
        return NONE;
    }

    public LogOptions withContainer(String v) {
        return new LogOptions(v, follow, tailLines, timestamps, previous, sinceSeconds);
    }

    public LogOptions withFollow(boolean v) {
        return new LogOptions(container, v, tailLines, timestamps, previous, sinceSeconds);
    }

    public LogOptions withTailLines(long v) {
        return new LogOptions(container, follow, v, timestamps, previous, sinceSeconds);
    }

    public LogOptions withTimestamps(boolean v) {
        return new LogOptions(container, follow, tailLines, v, previous, sinceSeconds);
    }

    public LogOptions withPrevious(boolean v) {
        return new LogOptions(container, follow, tailLines, timestamps, v, sinceSeconds);
    }

    public LogOptions withSinceSeconds(long v) {
        return new LogOptions(container, follow, tailLines, timestamps, previous, v);
    }

    public boolean isFollow() {
        return Boolean.TRUE.equals(follow);
    }

    public Map<String, String> toQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        if (container != null) q.put("container", container);
        if (follow != null) q.put("follow", follow.toString());
        if (tailLines != null) q.put("tailLines", tailLines.toString());
        if (timestamps != null) q.put("timestamps", timestamps.toString());
        if (previous != null) q.put("previous", previous.toString());
        if (sinceSeconds != null) q.put("sinceSeconds", sinceSeconds.toString());
        return q;
    }
}
