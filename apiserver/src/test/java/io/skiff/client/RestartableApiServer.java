package io.skiff.client;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageFactory;
import io.skiff.storage.StorageOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real apiserver on the embedded SQLite store that can be stopped and started again on the
 * same port and data directory, and whose store another apiserver can write meanwhile: what a
 * client sees when its apiserver restarts and the world moves on while it is away.
 */
final class RestartableApiServer implements AutoCloseable {
    private final Path dataDir;
    private int port;
    private Storage storage;
    private ApiServer server;

    RestartableApiServer() throws IOException {
        this.dataDir = Files.createTempDirectory("skiff-client-restart");
    }

    /** Starts on the port of the previous start (a free one the first time). */
    synchronized URI start() {
        if (server == null) {
            storage = open();
            server = ApiServer.builder(ApiServerConfig.defaults(storage).withBindAddress("127.0.0.1").withPort(port))
                    .build().start();
            port = server.port();
        }
        return server.url();
    }

    synchronized void stop() {
        if (server != null) {
            server.close();
            storage.close();
            server = null;
            storage = null;
        }
    }

    /** While this one is stopped, another apiserver on the same store, on another port, for {@code writes}. */
    void withOtherServer(Consumer<SkiffClient> writes) {
        synchronized (this) {
            if (server != null) {
                throw new IllegalStateException("stop this apiserver first: one process owns the store");
            }
        }
        Storage other = open();
        ApiServer otherServer = ApiServer.builder(ApiServerConfig.defaults(other).withBindAddress("127.0.0.1")
                .withPort(0)).build().start();
        try (SkiffClient c = new SkiffClient(ClientConfig.forServer(otherServer.url().toString()))) {
            writes.accept(c);
        } finally {
            otherServer.close();
            other.close();
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Storage open() {
        try {
            return StorageFactory.open(StorageOptions.sqlite(dataDir));
        } catch (io.skiff.storage.StorageException e) {
            throw new IllegalStateException("cannot open the store in " + dataDir, e);
        }
    }
}
