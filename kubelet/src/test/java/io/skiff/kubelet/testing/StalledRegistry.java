package io.skiff.kubelet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A plain-HTTP registry on loopback where every pull hangs in the manifest fetch: it answers the
 * {@code /v2/} ping at once, as a registry without auth does, and then holds each manifest request
 * open without a word until the engine gives up on it, {@code holdAtMost} passes or the registry is
 * closed. A registry that does not answer the ping at all would not do: Docker gives up the ping
 * after ~25 s and the pull fails, where a manifest fetch has no deadline of its own.
 *
 * <p>Docker treats 127.0.0.0/8 registries as insecure: it tries TLS first and falls back to plain
 * HTTP. A TLS hello is refused with a plain HTTP answer at once, so the fallback costs nothing
 * instead of Docker's 10 s TLS handshake timeout.
 *
 * <p>Closing it closes every connection and waits for its threads, and fails if one is still alive.
 */
public final class StalledRegistry implements AutoCloseable {
    private static final Pattern MANIFEST = Pattern.compile("/v2/.+/manifests/[^/]+");
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int END_OF_HEAD = 0x0d0a0d0a; // CR LF CR LF

    private final ServerSocket server;
    private final Duration holdAtMost;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger manifestRequests = new AtomicInteger();
    private final AtomicInteger manifestRequestsHeld = new AtomicInteger();

    private StalledRegistry(ServerSocket server, Duration holdAtMost) {
        this.server = server;
        this.holdAtMost = holdAtMost;
        threads.add(Thread.ofPlatform().daemon().name(threadPrefix() + "accept").start(this::accept));
    }

    /** Starts it on an ephemeral loopback port; a held manifest request is dropped after {@code holdAtMost}. */
    public static StalledRegistry start(Duration holdAtMost) {
        try {
            return new StalledRegistry(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), holdAtMost);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
    }

    /** The reference of {@code repositoryAndTag} (e.g. {@code skiff-test/stuck:1}) in this registry. */
    public String image(String repositoryAndTag) {
        return "127.0.0.1:" + server.getLocalPort() + "/" + repositoryAndTag;
    }

    /** Manifest requests received so far: one per pull attempt. */
    public int manifestRequests() {
        return manifestRequests.get();
    }

    /** Manifest requests held open right now: pulls the engine is still waiting on. */
    public int manifestRequestsHeld() {
        return manifestRequestsHeld.get();
    }

    private String threadPrefix() {
        return "stalled-registry-" + server.getLocalPort() + "-";
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                connections.add(socket);
                threads.add(Thread.ofPlatform().daemon().name(threadPrefix() + "conn-" + socket.getPort())
                        .start(() -> serve(socket)));
            }
        } catch (IOException closed) {
            // The registry was closed: the test is over.
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String head = readHead(in);
            if (head == null) {
                // A TLS hello: answer in plain HTTP so the engine falls back to HTTP now.
                respond(out, "400 Bad Request", "", "");
                return;
            }
            String[] requestLine = head.lines().findFirst().orElse("").split(" ");
            String path = requestLine.length > 1 ? requestLine[1] : "";
            if (path.equals("/v2/") || path.equals("/v2")) {
                respond(out, "200 OK", "Docker-Distribution-API-Version: registry/2.0\r\n"
                        + "Content-Type: application/json\r\n", "{}");
            } else if (MANIFEST.matcher(path).matches()) {
                hold(socket, in);
            } else {
                respond(out, "404 Not Found", "Content-Type: application/json\r\n",
                        "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"not in this registry\"}]}");
            }
        } catch (IOException e) {
            // The engine hung up or the registry was closed: nothing to answer.
        } finally {
            connections.remove(socket);
        }
    }

    /** Waits without answering until the engine closes the connection, the bound passes or the registry closes. */
    private void hold(Socket socket, InputStream in) throws IOException {
        manifestRequests.incrementAndGet();
        manifestRequestsHeld.incrementAndGet();
        try {
            socket.setSoTimeout((int) holdAtMost.toMillis());
            while (in.read() != -1) {
                // The engine sends nothing more on a request it waits for; ignore anything it does.
            }
        } catch (SocketTimeoutException e) {
            // Held long enough: hang up.
        } finally {
            manifestRequestsHeld.decrementAndGet();
        }
    }

    /** The request head up to its blank line, or null when the connection opens with a TLS hello. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b = in.read();
        if (b == TLS_HANDSHAKE_RECORD) {
            return null;
        }
        int last4 = 0;
        while (b != -1 && head.size() < MAX_HEAD_BYTES) {
            head.write(b);
            last4 = last4 << 8 | b;
            if (last4 == END_OF_HEAD) {
                break;
            }
            b = in.read();
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void respond(OutputStream out, String status, String headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try {
            server.close();
            // The acceptor first, so that no connection comes after the ones closed below.
            join(threads.getFirst(), deadline);
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        threads.forEach(thread -> join(thread, deadline));
        List<String> alive = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        if (!alive.isEmpty()) {
            throw new IllegalStateException("registry threads still running after close: " + alive);
        }
    }

    private static void join(Thread thread, long deadlineNanos) {
        try {
            thread.join(Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
