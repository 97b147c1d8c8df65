package io.skiff.apiserver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain JSON over HTTP against a test apiserver (java.net.http): what a client on the wire sends
 * and gets, with no Skiff client code in between.
 */
public final class HttpTestClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    public HttpTestClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A response: status code, raw body, and the body as JSON (MissingNode when it is not JSON). */
    public record Response(int code, String body, String contentType) {
        public JsonNode json() {
            try {
                return Json.readTree(body);
            } catch (DecodeException e) {
                return MissingNode.getInstance();
            }
        }

        /** A field by dotted path ({@code metadata.resourceVersion}), "" when absent. */
        public String text(String path) {
            JsonNode n = json();
            for (String part : path.split("\\.")) {
                n = n.path(part);
            }
            return n.isValueNode() ? n.asText() : "";
        }

        @Override
        public String toString() {
            return code + " " + body;
        }
    }

    public URI base() {
        return base;
    }

    public HttpClient client() {
        return http;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Response patch(String path, String body, String contentType) {
        return send("PATCH", path, body, contentType);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    public Response delete(String path, String json) {
        return send("DELETE", path, json, "application/json");
    }

    /** Any method with a body; {@code contentType} null sends no Content-Type header. */
    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
