package io.skiff.apiserver.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/1.1 watch reader: one socket, a GET, then the chunked body cut into lines. Cheap
 * enough to run a thousand at once in one test JVM next to the server, where a full client
 * library would spend more time per event than the server does.
 */
public final class RawWatch implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private byte[] pending = new byte[16 * 1024];
    private int pendingStart;
    private int pendingEnd;

    private RawWatch(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** Connects to 127.0.0.1:{@code port}, sends {@code GET path} and reads the response head (200 expected). */
    public static RawWatch open(int port, String path) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            // No read timeout: a timed read parks with a timer per event. The caller bounds the
            // wait and closes the socket.
            RawWatch w = new RawWatch(socket);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = w.headerLine();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("watch refused: " + status);
            }
            boolean chunked = false;
            for (String h = w.headerLine(); !h.isEmpty(); h = w.headerLine()) {
                chunked |= h.toLowerCase(java.util.Locale.ROOT).equals("transfer-encoding: chunked");
            }
            if (!chunked) {
                throw new IllegalStateException("a watch is a chunked response");
            }
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String headerLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** The next line of the body (one event), or null at the end of the stream. */
    public byte[] nextLine() throws IOException {
        while (true) {
            int nl = indexOf(pending, pendingStart, pendingEnd, (byte) '\n');
            if (nl >= 0) {
                byte[] out = new byte[line.size() + nl - pendingStart];
                byte[] head = line.toByteArray();
                System.arraycopy(head, 0, out, 0, head.length);
                System.arraycopy(pending, pendingStart, out, head.length, nl - pendingStart);
                line.reset();
                pendingStart = nl + 1;
                return out;
            }
            line.write(pending, pendingStart, pendingEnd - pendingStart);
            pendingStart = pendingEnd = 0;
            if (!readChunk()) {
                return null;
            }
        }
    }

    /** Reads the next chunk's data whole into {@link #pending}; false at the end of the body. */
    private boolean readChunk() throws IOException {
        String size = headerLine();
        if (size.isEmpty()) {
            size = headerLine(); // the CRLF that ends the previous chunk
        }
        if (size.isEmpty()) {
            return false; // connection closed
        }
        int length = Integer.parseInt(size.trim(), 16);
        if (length == 0) {
            return false;
        }
        if (pending.length < length) {
            pending = new byte[Math.max(length, pending.length * 2)];
        }
        int read = in.readNBytes(pending, 0, length);
        pendingStart = 0;
        pendingEnd = read;
        return read == length;
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
