package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.apiserver.testing.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

/** Create, read, update and delete over HTTP, for every kind; errors as Kubernetes words them. */
abstract class CrudContract extends RestTestSupport {

    @Test
    void podLifecycle() {
        String ns = namespace();
        Response created = http.post("/api/v1/namespaces/" + ns + "/pods", pod("web"));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("kind")).isEqualTo("Pod");
        assertThat(created.text("apiVersion")).isEqualTo("v1");
        assertThat(created.text("metadata.uid")).isNotEmpty();
        assertThat(created.text("metadata.creationTimestamp")).isNotEmpty();
        assertThat(created.text("status.phase")).isEqualTo("Pending");
        String rv = created.text("metadata.resourceVersion");
        assertThat(Long.parseLong(rv)).isPositive();

        Response got = http.get("/api/v1/namespaces/" + ns + "/pods/web");
        assertThat(got.code()).isEqualTo(200);
        assertThat(got.text("metadata.resourceVersion")).isEqualTo(rv);
        assertThat(got.text("spec.restartPolicy")).isEqualTo("Always");

        Response list = http.get("/api/v1/namespaces/" + ns + "/pods");
        assertThat(list.code()).isEqualTo(200);
        assertThat(list.text("kind")).isEqualTo("PodList");
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.json().path("items").get(0).path("kind").asText()).isEqualTo("Pod");
        assertThat(list.json().path("items").get(0).path("apiVersion").asText()).isEqualTo("v1");

        Response deleted = http.delete("/api/v1/namespaces/" + ns + "/pods/web");
        assertThat(deleted.code()).isEqualTo(200);
        Response gone = http.get("/api/v1/namespaces/" + ns + "/pods/web");
        assertThat(gone.code()).isEqualTo(404);
        assertThat(gone.text("reason")).isEqualTo("NotFound");
        assertThat(gone.text("message")).isEqualTo("pods \"web\" not found");
    }
}
