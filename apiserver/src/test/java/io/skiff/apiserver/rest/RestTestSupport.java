package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the REST contract suites: each runs against a real apiserver over HTTP, once on the
 * embedded SQLite store and once on the real etcd (the subclasses say which).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RestTestSupport {
    protected TestApiServer api;
    protected HttpTestClient http;

    /** The server this suite runs against (not yet started). */
    protected abstract TestApiServer newServer();

    @BeforeAll
    void startServer() {
        // Bookmarks every second, so that the watch suites can see them.
        api = newServer().config(c -> c.withBookmarkInterval(java.time.Duration.ofSeconds(1))).start();
        http = api.http();
    }

    @AfterAll
    void stopServer() {
        if (api != null) {
            api.close();
        }
    }

    /** A fresh namespace for one test, so tests never see each other's objects. */
    protected String namespace() {
        String ns = "t-" + UUID.randomUUID().toString().substring(0, 8);
        HttpTestClient.Response r = http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + ns + "\"}}");
        if (r.code() != 201) {
            throw new AssertionError("cannot create namespace " + ns + ": " + r);
        }
        return ns;
    }

    static String pod(String name) {
        return pod(name, "{}");
    }

    /** A minimal valid pod; {@code labels} is a JSON object. */
    static String pod(String name, String labels) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":" + labels
                + "},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}";
    }

    /** What services of {@code namespace} hold in one of the server's ranges, read straight from storage. */
    List<String> allocated(String range, String namespace) {
        String prefix = api.server().config().registryRoot() + "/ranges/" + range + "/";
        try {
            return api.storage().list(prefix).items().stream()
                    .filter(kv -> new String(kv.value(), StandardCharsets.UTF_8).startsWith(namespace + "/"))
                    .map(kv -> kv.key().substring(prefix.length())).toList();
        } catch (StorageException e) {
            throw new AssertionError(e);
        }
    }
}
