package io.skiff.kubelet.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback server that accepts connections and never says a word: a registry that hangs every pull. */
public final class SilentServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentServer(ServerSocketChannel server) {
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("silent-server").start(() -> {
            try {
                while (true) {
                    accepted.add(server.accept());
                }
            } catch (IOException closed) {
                // closed
            }
        });
    }

    public static SilentServer start() {
        try {
            ServerSocketChannel s = ServerSocketChannel.open();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new SilentServer(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many connections were made to it (a pull in progress holds one). */
    public int connections() {
        return accepted.size();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (SocketChannel c : accepted) {
            try {
                c.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        acceptor.interrupt();
    }
}
