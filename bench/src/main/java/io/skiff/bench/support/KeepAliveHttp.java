package io.skiff.bench.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A lean HTTP/1.1 load generator, as wrk or hey are: a pool of keep-alive connections, one
 * request at a time on each, the request written as bytes and the answer read by its
 * Content-Length (or chunks). On a machine the clients share with the server under test, a
 * heavy client takes the cores the server needs: java.net.http spends 0.5-0.8 ms of CPU per
 * request here, more than a jetcd put costs its client, which would make the comparison with
 * raw etcd puts measure the clients.
 */
public final class KeepAliveHttp implements AutoCloseable {
    /** A status code and the whole body. */
    public record Response(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final List<Connection> opened = new ArrayList<>();

    public KeepAliveHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** POSTs {@code body} on an idle connection (a new one when none is idle). */
    public Response post(String path, String contentType, byte[] body) throws IOException {
        return send("POST", path, contentType, body);
    }

    /** Sends one request on an idle connection (a new one when none is idle) and reads its answer. */
    public Response send(String method, String path, String contentType, byte[] body) throws IOException {
        Connection c = idle.poll();
        if (c == null) {
            c = open();
        }
        try {
            Response r = c.exchange(method, path, contentType, body);
            if (c.reusable) {
                idle.add(c);
            } else {
                c.socket.close();
            }
            return r;
        } catch (IOException | RuntimeException e) {
            c.socket.close();
            throw e;
        }
    }

    private Connection open() throws IOException {
        Connection c = new Connection(new Socket(host, port));
        synchronized (opened) {
            opened.add(c);
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        synchronized (opened) {
            for (Connection c : opened) {
                c.socket.close();
            }
            opened.clear();
        }
        idle.clear();
    }

    private final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean reusable = true;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        Response exchange(String method, String path, String contentType, byte[] body) throws IOException {
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: "
                    + contentType + "\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();

            String status = line();
            int code = Integer.parseInt(status.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            for (String h; !(h = line()).isEmpty(); ) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> reusable &= !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                return new Response(code, chunks());
            }
            if (length < 0) {
                reusable = false; // the body runs to the end of the connection
                return new Response(code, in.readAllBytes());
            }
            return new Response(code, exactly((int) length));
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(line().split(";", 2)[0].trim(), 16)) > 0; ) {
                body.writeBytes(exactly(size));
                line(); // the CRLF after each chunk
            }
            while (!line().isEmpty()) {
                // trailers
            }
            return body.toByteArray();
        }

        private byte[] exactly(int n) throws IOException {
            byte[] bytes = in.readNBytes(n);
            if (bytes.length < n) {
                throw new EOFException("the server closed the connection in a body");
            }
            return bytes;
        }

        /** One header line without its CRLF. */
        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }
    }
}
