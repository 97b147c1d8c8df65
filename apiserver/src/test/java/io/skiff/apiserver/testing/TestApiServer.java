package io.skiff.apiserver.testing;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.StorageFactory;
import io.skiff.storage.StorageOptions;
import io.skiff.testing.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real apiserver for tests, on an ephemeral port of 127.0.0.1: the embedded SQLite store in a
 * temporary directory (default), or the test etcd under a key prefix of its own. Use it as a
 * JUnit 5 extension ({@code @RegisterExtension static TestApiServer api = TestApiServer.sqlite();}
 * — started before the class's tests, stopped after) or as an AutoCloseable
 * ({@code try (var api = TestApiServer.sqlite().start()) {...}}).
 */
public final class TestApiServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private final boolean etcd;
    private UnaryOperator<ApiServerConfig> configTweak = UnaryOperator.identity();
    private Consumer<ApiServer.Builder> builderTweak = b -> {};
    private Path dataDir;
    private Storage storage;
    private ApiServer server;
    private HttpTestClient client;

    private TestApiServer(boolean etcd) {
        this.etcd = etcd;
    }

    /** The embedded SQLite store in a fresh temporary directory. */
    public static TestApiServer sqlite() {
        return new TestApiServer(false);
    }

    /** The test etcd ({@code SKIFF_TEST_ETCD}), objects under a fresh {@code /skiff-test-<uuid>/registry}. */
    public static TestApiServer etcd() {
        return new TestApiServer(true);
    }

    /** Changes the server's configuration (storage and port are set by the fixture); tweaks add up. */
    public TestApiServer config(UnaryOperator<ApiServerConfig> tweak) {
        UnaryOperator<ApiServerConfig> before = configTweak;
        this.configTweak = c -> tweak.apply(before.apply(c));
        return this;
    }

    /** Adds seams to the server's builder (routes, authorizer, printer, ...); tweaks add up. */
    public TestApiServer builder(Consumer<ApiServer.Builder> tweak) {
        this.builderTweak = builderTweak.andThen(tweak);
        return this;
    }

    public synchronized TestApiServer start() {
        if (server != null) {
            return this;
        }
        try {
            ApiServerConfig config;
            if (etcd) {
                // A generous storage timeout: the test etcd is shared with every other test run.
                storage = StorageFactory.open(StorageOptions.etcd(TestEnvironment.etcd())
                        .withRequestTimeout(java.time.Duration.ofSeconds(30)));
                config = ApiServerConfig.defaults(storage)
                        .withRegistryRoot("/skiff-test-" + UUID.randomUUID() + "/registry");
            } else {
                dataDir = Files.createTempDirectory("skiff-apiserver-test");
                storage = StorageFactory.open(StorageOptions.sqlite(dataDir));
                config = ApiServerConfig.defaults(storage);
            }
            config = configTweak.apply(config.withPort(0).withBindAddress("127.0.0.1"));
            ApiServer.Builder builder = ApiServer.builder(config);
            builderTweak.accept(builder);
            server = builder.build().start();
            client = new HttpTestClient(server.url());
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (StorageException e) {
            close();
            throw new IllegalStateException("cannot open the test storage", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return server.url();
    }

    public ApiServer server() {
        return server;
    }

    public Storage storage() {
        return storage;
    }

    /** A small JSON-over-HTTP client for this server. */
    public HttpTestClient http() {
        return client;
    }

    /** Stops the server and drops what it stored (the temp directory, or its etcd prefix). */
    @Override
    public synchronized void close() {
        String root = server == null ? null : server.config().registryRoot();
        if (server != null) {
            server.close();
            server = null;
        }
        if (storage != null) {
            if (etcd && root != null) {
                deletePrefix(root.substring(0, root.length() - "/registry".length()) + "/");
            }
            storage.close();
            storage = null;
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
            dataDir = null;
        }
    }

    private void deletePrefix(String prefix) {
        try {
            for (var kv : storage.list(prefix).items()) {
                storage.delete(kv.key(), 0);
            }
        } catch (StorageException e) {
            // best effort: the prefix is unique to this run
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
