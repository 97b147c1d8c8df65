package io.skiff.client;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Scheme;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.WatchEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;

/**
 * One open WATCH: a chunked HTTP answer of newline-delimited {@code {"type","object"}} events,
 * read by whoever calls {@link #next()} (typically one virtual thread per watch). Closing it
 * (from any thread) aborts the HTTP exchange: a blocked {@code next()} returns null promptly and
 * the server sees the connection go.
 *
 * <pre>{@code
 * try (Watch<Pod> w = client.pods("default").watch(ListOptions.none().withResourceVersion(rv))) {
 *     for (Watch.Event<Pod> e; (e = w.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public final class Watch<T extends KubeObject> implements AutoCloseable {
    public enum EventType { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }

    /**
     * One event. {@code object} is the object for ADDED/MODIFIED/DELETED (its final state for
     * DELETED), an object with only {@code metadata.resourceVersion} for BOOKMARK, and null for
     * ERROR, whose {@code status} says what went wrong (410 Expired: relist).
     */
    public record Event<T>(EventType type, T object, Status status) {
        /** The resourceVersion the watch has reached with this event, or null (ERROR). */
        public String resourceVersion() {
            return object instanceof KubeObject k && k.metadata() != null ? k.metadata().resourceVersion() : null;
        }
    }

    private final Class<T> type;
    private final Scheme scheme;
    private final URI server;
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int start;
    private int end;
    private byte[] pending = new byte[0];
    private volatile boolean closed;

    Watch(Class<T> type, Scheme scheme, URI server, InputStream in) {
        this.type = type;
        this.scheme = scheme;
        this.server = server;
        this.in = in;
    }

    /**
     * Blocks for the next event. Returns null when the stream ended normally (the server's
     * {@code timeoutSeconds}, or {@link #close()}); throws {@link ServerConnectionException} when
     * the connection broke, and {@link ApiException} (400) for a line that is not an event.
     */
    public Event<T> next() {
        while (true) {
            byte[] line;
            try {
                line = readLine();
            } catch (IOException e) {
                if (closed) {
                    return null;
                }
                close();
                throw new ServerConnectionException(server, "watch stream broken from", e);
            }
            if (line == null) {
                close();
                return null;
            }
            if (isBlank(line)) {
                continue; // keep-alive newlines
            }
            return decode(line);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Ends the watch; idempotent and safe from any thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            in.close();
        } catch (IOException e) {
            // aborting anyway
        }
    }

    private Event<T> decode(byte[] line) {
        WatchEvent raw;
        try {
            raw = scheme.decodeWatchEvent(line);
        } catch (DecodeException e) {
            close();
            throw new ApiException(Status.failure(400, Status.REASON_BAD_REQUEST,
                    "undecodable watch event from " + server + ": " + e.getMessage(), null));
        }
        EventType et;
        try {
            et = EventType.valueOf(raw.type());
        } catch (IllegalArgumentException e) {
            close();
            throw new ApiException(Status.failure(400, Status.REASON_BAD_REQUEST,
                    "unknown watch event type \"" + raw.type() + "\" from " + server, null));
        }
        ApiObject obj = raw.object();
        if (et == EventType.ERROR) {
            Status s = obj instanceof Status st ? st
                    : Status.failure(500, Status.REASON_INTERNAL_ERROR, "watch ERROR event with a " + obj.kind(), null);
            return new Event<>(et, null, s);
        }
        if (!type.isInstance(obj)) {
            close();
            throw new ApiException(Status.failure(400, Status.REASON_BAD_REQUEST,
                    "watch of " + type.getSimpleName() + " got a " + obj.kind() + " from " + server, null));
        }
        return new Event<>(et, type.cast(obj), null);
    }

    /** The next line without its newline; null at end of stream (a partial last line is dropped). */
    private byte[] readLine() throws IOException {
        while (true) {
            for (int i = start; i < end; i++) {
                if (buf[i] == '\n') {
                    byte[] line = concat(pending, buf, start, i);
                    pending = new byte[0];
                    start = i + 1;
                    return line;
                }
            }
            pending = concat(pending, buf, start, end);
            start = 0;
            end = in.read(buf);
            if (end < 0) {
                end = 0;
                return null;
            }
        }
    }

    private static byte[] concat(byte[] head, byte[] src, int from, int to) {
        if (head.length == 0) {
            return Arrays.copyOfRange(src, from, to);
        }
        byte[] out = Arrays.copyOf(head, head.length + (to - from));
        System.arraycopy(src, from, out, head.length, to - from);
        return out;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
