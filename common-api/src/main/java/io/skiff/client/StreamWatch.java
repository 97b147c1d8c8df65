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
 * A watch over a newline-delimited stream of {@code {"type","object"}} events: the chunked
 * HTTP answer of a WATCH. Closing it closes the stream, which for HTTP aborts the exchange.
 */
final class StreamWatch<T extends KubeObject> implements Watch<T> {

    private final Class<T> type;
    private final Scheme scheme;
    private final URI server;
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int start;
    private int end;
    private byte[] pending = new byte[0];
    private volatile boolean closed;

    StreamWatch(Class<T> type, Scheme scheme, URI server, InputStream in) {
        this.type = type;
        this.scheme = scheme;
        this.server = server;
        this.in = in;
    }

    @Override
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

    @Override
    public boolean isClosed() {
        return closed;
    }

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
