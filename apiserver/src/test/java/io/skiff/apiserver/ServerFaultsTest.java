package io.skiff.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.apiserver.testing.ForwardingStorage;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.storage.KeyValue;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 500 only for real server faults; 504 past the request timeout. */
class ServerFaultsTest {

    @Test
    void anUndecodableStoredObjectIs500AndTheRestIsServed() throws Exception {
        try (TestApiServer api = TestApiServer.sqlite().start()) {
            api.http().post("/api/v1/namespaces/default/pods",
                    "{\"metadata\":{\"name\":\"fine\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}");
            api.storage().create("/registry/pods/default/broken", "{not json".getBytes(StandardCharsets.UTF_8));
            Response broken = api.http().get("/api/v1/namespaces/default/pods/broken");
            assertThat(broken.code()).isEqualTo(500);
            assertThat(broken.text("reason")).isEqualTo("InternalError");
            assertThat(broken.text("message")).startsWith("Internal error occurred: stored object at /registry/pods/default/broken");
            assertThat(api.http().get("/api/v1/namespaces/default/pods/fine").code()).isEqualTo(200);
            assertThat(api.http().get("/readyz").body()).isEqualTo("ok");
        }
    }

    @Test
    void aRequestPastTheTimeoutIs504() {
        try (TestApiServer api = TestApiServer.sqlite()
                .config(c -> c.withStorage(new SlowGets(c.storage(), Duration.ofSeconds(2)))
                        .withRequestTimeout(Duration.ofMillis(300))).start()) {
            Response slow = api.http().get("/api/v1/namespaces/default/pods/slow-one");
            assertThat(slow.code()).isEqualTo(504);
            assertThat(slow.text("reason")).isEqualTo("Timeout");
            assertThat(api.http().get("/api/v1/namespaces/default/pods").code()).as("lists are not slowed").isEqualTo(200);
        }
    }

    /** A storage whose reads of keys containing "slow" take a while: a seam to make a request overrun. */
    record SlowGets(Storage delegate, Duration delay) implements ForwardingStorage {
        @Override
        public Optional<KeyValue> get(String key) throws StorageException {
            if (key.contains("slow")) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.get(key);
        }
    }
}
