package io.skiff.kubelet.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening socket of a service port: accepts connections and splices each to the next
 * backend the balancer names (trying the following ones when a backend refuses, as the 2014
 * userspace proxy did), copying bytes both ways on virtual threads. Closing it closes the
 * listener and the connections it carries.
 */
final class ProxyListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProxyListener.class);
    private static final int MAX_TRIES = 3;

    private final InetSocketAddress address;
    private final ServicePortName service;
    private final RoundRobinBalancer balancer;
    private final Duration connectTimeout;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private ServerSocket server;
    private volatile boolean closed;

    ProxyListener(InetSocketAddress address, ServicePortName service, RoundRobinBalancer balancer,
            Duration connectTimeout) {
        this.address = address;
        this.service = service;
        this.balancer = balancer;
        this.connectTimeout = connectTimeout;
    }

    /** Binds the address (throws when it is taken) and starts accepting. */
    ProxyListener start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(address, 128);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        server = s;
        Thread.ofVirtual().name("proxy-accept-" + address.getPort()).start(this::acceptLoop);
        log.info("Proxying {} on {}", service, address);
        return this;
    }

    ServicePortName service() {
        return service;
    }

    long connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("Proxy for {} on {} stopped accepting: {}", service, address, e.toString());
                }
                return;
            }
            connections.incrementAndGet();
            Thread.ofVirtual().name("proxy-conn-" + address.getPort()).start(() -> serve(client));
        }
    }

    private void serve(Socket client) {
        open.add(client);
        Socket backend = null;
        try {
            backend = connectToBackend();
            if (backend == null) {
                return;
            }
            open.add(backend);
            Socket b = backend;
            Thread upstream = Thread.ofVirtual().name("proxy-copy").start(() -> copy(client, b));
            copy(b, client);
            upstream.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release(client);
            if (backend != null) {
                release(backend);
            }
        }
    }

    /** The next backend that accepts a connection, or null (the client is then closed). */
    private Socket connectToBackend() {
        int tries = Math.max(1, Math.min(MAX_TRIES, balancer.size(service)));
        for (int i = 0; i < tries; i++) {
            Optional<InetSocketAddress> next = balancer.next(service);
            if (next.isEmpty()) {
                log.debug("No ready endpoints for {}: closing the connection", service);
                return null;
            }
            InetSocketAddress target = new InetSocketAddress(next.get().getHostString(), next.get().getPort());
            Socket backend = new Socket();
            try {
                backend.connect(target, (int) connectTimeout.toMillis());
                backend.setTcpNoDelay(true);
                return backend;
            } catch (IOException e) {
                closeQuietly(backend);
                log.debug("Cannot reach {} for {}: {}", target, service, e.toString());
            }
        }
        log.info("No endpoint of {} answered after {} tries: closing the connection", service, tries);
        return null;
    }

    /** Copies until {@code from} ends, then ends the other direction's output (a half close). */
    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // reset or closed by the other side, or by close(): the connection is over both ways
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void release(Socket s) {
        open.remove(s);
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // already closed
            }
        }
        for (Socket s : open) {
            release(s);
        }
        log.info("Stopped proxying {} on {}", service, address);
    }
}
