package io.skiff.bench.apiserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Many watch streams (chunked HTTP/1.1, one JSON event per line) read by a few selector threads,
 * as wrk reads its connections: each thread waits on epoll for any of its sockets and parses
 * what arrived in place. The readers share the machine with the apiserver they measure; a virtual
 * thread per stream cost them ~40 µs of CPU per delivery (park, poller, unpark, two reads), as
 * much as the apiserver spent sending it.
 */
final class WatchStreams implements AutoCloseable {
    /** Receives each event line's pod name, with the time its bytes were read. */
    interface Sink {
        void line(int stream, String name, long nanos);
    }

    private static final byte[] NAME_FIELD = "\"name\":\"".getBytes(StandardCharsets.US_ASCII);

    private final List<Selector> selectors = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<SocketChannel> channels = new ArrayList<>();
    private volatile boolean closed;

    /**
     * Opens {@code count} streams with {@code request} (a whole GET with its headers), checks each
     * answers 200, then reads them all on {@code threadCount} threads until {@link #close}.
     */
    static WatchStreams open(InetSocketAddress server, String request, int count, int threadCount, Sink sink)
            throws IOException {
        WatchStreams streams = new WatchStreams();
        try {
            for (int t = 0; t < threadCount; t++) {
                streams.selectors.add(Selector.open());
            }
            for (int s = 0; s < count; s++) {
                SocketChannel ch = SocketChannel.open(server);
                streams.channels.add(ch);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
                Stream stream = new Stream(s, sink);
                stream.afterHeaders(readHeaders(ch, s));
                ch.configureBlocking(false);
                ch.register(streams.selectors.get(s % threadCount), SelectionKey.OP_READ, stream);
            }
        } catch (IOException | RuntimeException e) {
            streams.close();
            throw e;
        }
        for (Selector selector : streams.selectors) {
            Thread t = new Thread(() -> streams.loop(selector), "watch-readers-" + streams.threads.size());
            t.setDaemon(true);
            streams.threads.add(t);
            t.start();
        }
        return streams;
    }

    /** Reads the status line and headers (blocking); returns the bytes read past them. */
    private static ByteBuffer readHeaders(SocketChannel ch, int s) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(16 * 1024);
        while (true) {
            if (ch.read(head) < 0) {
                throw new IOException("watch " + s + ": the server closed the connection before answering");
            }
            String text = new String(head.array(), 0, head.position(), StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                if (!text.startsWith("HTTP/1.1 200 ")) {
                    throw new IllegalStateException("watch " + s + " answered " + text.lines().findFirst().orElse(""));
                }
                return ByteBuffer.wrap(head.array(), end + 4, head.position() - end - 4);
            }
            if (!head.hasRemaining()) {
                throw new IOException("watch " + s + ": headers larger than 16 KiB");
            }
        }
    }

    private void loop(Selector selector) {
        ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
        try {
            while (!closed) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Stream stream = (Stream) key.attachment();
                    buf.clear();
                    int n = ((SocketChannel) key.channel()).read(buf);
                    long now = System.nanoTime();
                    if (n < 0) {
                        key.cancel();
                        continue;
                    }
                    stream.parse(buf.array(), 0, n, now);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            // closed
        }
    }

    @Override
    public void close() {
        closed = true;
        for (SocketChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Selector selector : selectors) {
            selector.wakeup();
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Selector selector : selectors) {
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** One stream's chunked-transfer and line state, fed whatever bytes arrive. */
    private static final class Stream {
        private final int index;
        private final Sink sink;
        private final byte[] line = new byte[16 * 1024];
        private int lineLength;
        /** Bytes left in the current chunk; 0 while in a size line (or the CRLF ending a chunk). */
        private long chunkLeft;
        private final StringBuilder size = new StringBuilder();

        Stream(int index, Sink sink) {
            this.index = index;
            this.sink = sink;
        }

        void afterHeaders(ByteBuffer rest) {
            parse(rest.array(), rest.position(), rest.limit(), System.nanoTime());
        }

        void parse(byte[] buf, int from, int to, long now) {
            for (int i = from; i < to; ) {
                if (chunkLeft == 0) {
                    byte b = buf[i++];
                    if (b == '\n' && !size.isEmpty()) {
                        chunkLeft = Long.parseLong(size.toString().split(";", 2)[0].trim(), 16);
                        size.setLength(0);
                        if (chunkLeft == 0) {
                            return; // the last chunk: the stream ended
                        }
                    } else if (b != '\r' && b != '\n') {
                        size.append((char) b);
                    }
                    continue;
                }
                int end = (int) Math.min(to, i + chunkLeft);
                chunkLeft -= end - i;
                for (; i < end; i++) {
                    byte b = buf[i];
                    if (b != '\n') {
                        if (lineLength < line.length) {
                            line[lineLength++] = b;
                        }
                        continue;
                    }
                    sink.line(index, nameIn(line, lineLength), now);
                    lineLength = 0;
                }
            }
        }
    }

    /** The first {@code "name":"...} value of a line (the object's metadata.name), or "" without one. */
    static String nameIn(byte[] line, int length) {
        outer:
        for (int at = 0; at + NAME_FIELD.length <= length; at++) {
            for (int k = 0; k < NAME_FIELD.length; k++) {
                if (line[at + k] != NAME_FIELD[k]) {
                    continue outer;
                }
            }
            int from = at + NAME_FIELD.length;
            int to = from;
            while (to < length && line[to] != '"') {
                to++;
            }
            return new String(line, from, to - from, StandardCharsets.US_ASCII);
        }
        return "";
    }
}
