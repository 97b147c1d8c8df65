package io.skiff.apiserver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A watch as a client sees it on the wire: an HTTP stream of JSON lines, or a websocket of text
 * messages, read on a background thread into a queue of parsed events. {@link #END} marks the
 * end of the stream.
 */
public final class WatchStream implements AutoCloseable {
    /** Put in the queue when the server ends the stream. */
    public static final JsonNode END = Json.mapper().createObjectNode().put("type", "END");

    private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private volatile InputStream body;
    private volatile WebSocket socket;
    private volatile int status;

    private WatchStream() {}

    /** A chunked-HTTP watch of {@code base + path} (the path carries {@code watch=true} and options). */
    public static WatchStream http(HttpClient client, URI base, String path) {
        WatchStream w = new WatchStream();
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            w.status = response.statusCode();
            w.body = response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Thread.ofVirtual().start(w::readLines);
        return w;
    }

    /** A websocket watch (what fabric8 does): one event per text message. */
    public static WatchStream websocket(HttpClient client, URI base, String path) {
        WatchStream w = new WatchStream();
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path);
        w.socket = client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    w.add(text.toString());
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                w.events.add(END);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                w.events.add(END);
            }
        }).orTimeout(30, TimeUnit.SECONDS).join();
        w.status = 101;
        return w;
    }

    private void readLines() {
        StringBuilder line = new StringBuilder();
        byte[] buf = new byte[8192];
        try (InputStream in = body) {
            java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        add(current.toString(StandardCharsets.UTF_8));
                        current.reset();
                    } else {
                        current.write(buf[i]);
                    }
                }
            }
            if (current.size() > 0) {
                add(current.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // closed by us, or the server went away: either way the stream ended
        } finally {
            line.setLength(0);
            events.add(END);
        }
    }

    private void add(String json) {
        if (json.isBlank()) {
            return;
        }
        try {
            events.add(Json.readTree(json));
        } catch (DecodeException e) {
            events.add(Json.mapper().createObjectNode().put("type", "UNPARSEABLE").put("text", json));
        }
    }

    /** The HTTP status of the response (101 for a websocket). */
    public int status() {
        return status;
    }

    /** The next event, or null when none came within {@code timeout}. */
    public JsonNode next(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next {@code count} events (fewer if the stream ends or stalls for {@code timeout}). */
    public List<JsonNode> next(int count, Duration timeout) {
        List<JsonNode> out = new ArrayList<>();
        while (out.size() < count) {
            JsonNode e = next(timeout);
            if (e == null || e == END) {
                if (e == END) {
                    events.add(END);
                }
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** Events that arrive within {@code quiet} of each other, until none does. */
    public List<JsonNode> drain(Duration quiet) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode e;
        while ((e = next(quiet)) != null && e != END) {
            out.add(e);
        }
        if (e == END) {
            events.add(END);
        }
        return out;
    }

    /** "TYPE name" of an event, for compact assertions. */
    public static String summary(JsonNode event) {
        return event.path("type").asText() + " " + event.path("object").path("metadata").path("name").asText();
    }

    @Override
    public void close() {
        try {
            if (body != null) {
                body.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
