package io.skiff.client;

import io.skiff.api.SkiffVersion;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.api.meta.StatusDetails;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP to the apiserver on {@link HttpClient} (HTTP/1.1: watches are chunked responses, and a
 * plain-http h2c upgrade offer only confuses servers). Turns error answers into
 * {@link ApiException} and transport failures into {@link ServerConnectionException}. Thread-safe;
 * one per {@link SkiffClient}.
 */
public final class RestClient implements AutoCloseable {
    /** Error bodies are Status objects of a few hundred bytes; never buffer a runaway one. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final ClientConfig config;
    private final HttpClient http;
    private final String userAgent = "skiff/" + SkiffVersion.version() + " (java.net.http)";

    public RestClient(ClientConfig config) {
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if ("https".equals(config.server().getScheme())) {
            b.sslContext(Tls.sslContext(config));
        }
        this.http = b.build();
    }

    public ClientConfig config() {
        return config;
    }

    /**
     * One request: the method, a path under the server ({@code /api/v1/...}), query parameters,
     * an optional body with its content type, and what to accept.
     */
    public record Request(String method, String path, Map<String, String> query, byte[] body, String contentType,
            String accept) {
        public static Request get(String path, Map<String, String> query) {
            return new Request("GET", path, query, null, null, "application/json");
        }

        public static Request withBody(String method, String path, Map<String, String> query, byte[] body,
                String contentType) {
            return new Request(method, path, query, body, contentType, "application/json");
        }

        public Request accepting(String mediaType) {
            return new Request(method, path, query, body, contentType, mediaType);
        }
    }

    /** Sends a request and returns the body of a 2xx answer. */
    public byte[] send(Request request) {
        HttpRequest req = build(request, config.requestTimeout());
        HttpResponse<byte[]> resp = await(http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()), null);
        if (resp.statusCode() >= 300) {
            throw errorOf(resp.statusCode(), resp.body(), resp.headers().firstValue("Content-Type").orElse(""));
        }
        return resp.body();
    }

    /**
     * Opens a streaming answer (watch, followed log) and returns its body once the headers are
     * in; closing the stream aborts the HTTP exchange (the connection is dropped, not reused),
     * which is how a watch is cancelled. The wait for the headers is bounded by the request
     * timeout; the body has no timeout.
     */
    public InputStream openStream(Request request) {
        HttpRequest req = build(request, null);
        HttpResponse<InputStream> resp =
                await(http.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream()), config.requestTimeout());
        if (resp.statusCode() >= 300) {
            try (InputStream in = resp.body()) {
                byte[] body = in.readNBytes(MAX_ERROR_BODY);
                throw errorOf(resp.statusCode(), body, resp.headers().firstValue("Content-Type").orElse(""));
            } catch (IOException e) {
                throw new ServerConnectionException(config.server(), "lost the connection to the apiserver at", e);
            }
        }
        return resp.body();
    }

    public URI uri(String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(config.server().toString()).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private HttpRequest build(Request r, Duration timeout) {
        HttpRequest.BodyPublisher body = r.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(r.path(), r.query()))
                .method(r.method(), body)
                .header("Accept", r.accept())
                .header("User-Agent", userAgent);
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        if (config.bearerToken() != null) {
            b.header("Authorization", "Bearer " + config.bearerToken());
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        return b.build();
    }

    /**
     * Waits for an answer. Interruption cancels the exchange and surfaces as a
     * {@link CancellationException} with the thread's interrupt flag set again.
     */
    private <R> HttpResponse<R> await(CompletableFuture<HttpResponse<R>> future, Duration headersTimeout) {
        try {
            return headersTimeout == null
                    ? future.get()
                    : future.get(headersTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            CancellationException ce = new CancellationException("interrupted while waiting for " + config.server());
            ce.initCause(e);
            throw ce;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ServerConnectionException(config.server(), "no answer in " + headersTimeout + " from", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof HttpTimeoutException
                    ? "no answer in " + config.requestTimeout() + " from"
                    : "cannot reach the apiserver at";
            throw new ServerConnectionException(config.server(), what, cause);
        }
    }

    /**
     * The error as the server said it: its Status when it sent one, otherwise a Status made of
     * the code and the body's first line (a proxy's page, a plain-text 404).
     */
    static ApiException errorOf(int code, byte[] body, String contentType) {
        if (body != null && body.length > 0 && contentType.contains("json")) {
            try {
                Status s = Json.read(body, Status.class);
                if (Status.KIND.equals(s.kind()) && (s.reason() != null || s.message() != null)) {
                    return new ApiException(s.code() == null
                            ? new Status(s.metadata(), s.status(), s.message(), s.reason(), s.details(), code) : s);
                }
            } catch (DecodeException e) {
                // not a Status: described below from the raw text
            }
        }
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        String message = text.isEmpty() ? "the server answered " + code + " with no body"
                : text.lines().findFirst().orElse(text);
        StatusDetails details = new StatusDetails(null, null, null, null,
                List.of(new StatusCause(StatusCause.UNEXPECTED_SERVER_RESPONSE, abbreviate(text), null)), null);
        return new ApiException(Status.failure(code, reasonFor(code), message, details));
    }

    /** Kubernetes' reason for an HTTP code, as client-go guesses it for non-Status answers. */
    static String reasonFor(int code) {
        return switch (code) {
            case 400 -> Status.REASON_BAD_REQUEST;
            case 401 -> Status.REASON_UNAUTHORIZED;
            case 403 -> Status.REASON_FORBIDDEN;
            case 404 -> Status.REASON_NOT_FOUND;
            case 405 -> Status.REASON_METHOD_NOT_ALLOWED;
            case 406 -> Status.REASON_NOT_ACCEPTABLE;
            case 409 -> Status.REASON_CONFLICT;
            case 410 -> Status.REASON_EXPIRED;
            case 413 -> Status.REASON_REQUEST_ENTITY_TOO_LARGE;
            case 415 -> Status.REASON_UNSUPPORTED_MEDIA_TYPE;
            case 422 -> Status.REASON_INVALID;
            case 429 -> Status.REASON_TOO_MANY_REQUESTS;
            case 503 -> Status.REASON_SERVICE_UNAVAILABLE;
            case 504 -> Status.REASON_TIMEOUT;
            default -> code >= 500 ? Status.REASON_INTERNAL_ERROR : "";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
