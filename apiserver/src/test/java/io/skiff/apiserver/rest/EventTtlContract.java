package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.apiserver.testing.TestApiServer;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Events expire after the event TTL (here 2 s instead of 1 h), through the storage's leases. */
abstract class EventTtlContract extends RestTestSupport {

    @Override
    protected final TestApiServer newServer() {
        return server().config(c -> c.withEventTtl(Duration.ofSeconds(2)));
    }

    protected abstract TestApiServer server();

    @Test
    void eventsExpire() {
        String ns = namespace();
        Response created = http.post("/api/v1/namespaces/" + ns + "/events",
                "{\"metadata\":{\"name\":\"e\"},\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p\",\"namespace\":\"" + ns
                        + "\"},\"reason\":\"Test\",\"message\":\"m\",\"type\":\"Normal\"}");
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("p")); // not an event: stays
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/api/v1/namespaces/" + ns + "/events/e").code()).isEqualTo(404));
        assertThat(http.get("/api/v1/namespaces/" + ns + "/pods/p").code()).isEqualTo(200);
    }
}
