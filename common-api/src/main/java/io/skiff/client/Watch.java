package io.skiff.client;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.Status;

/**
 * One open WATCH, read by whoever calls {@link #next()} (typically one virtual thread per
 * watch). Closing it (from any thread) ends it: a blocked {@code next()} returns null promptly
 * and, over HTTP, the server sees the connection go.
 *
 * <pre>{@code
 * try (Watch<Pod> w = client.pods("default").watch(ListOptions.none().withResourceVersion(rv))) {
 *     for (Watch.Event<Pod> e; (e = w.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public interface Watch<T extends KubeObject> extends AutoCloseable {
    enum EventType { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }

    /**
     * One event. {@code object} is the object for ADDED/MODIFIED/DELETED (its final state for
     * DELETED), an object with only {@code metadata.resourceVersion} for BOOKMARK, and null for
     * ERROR, whose {@code status} says what went wrong (410 Expired: relist).
     */
    record Event<T>(EventType type, T object, Status status) {
        /** The resourceVersion the watch has reached with this event, or null (ERROR). */
        public String resourceVersion() {
            return object instanceof KubeObject k && k.metadata() != null ? k.metadata().resourceVersion() : null;
        }
    }

    /**
     * Blocks for the next event. Returns null when the watch ended normally (the server's
     * {@code timeoutSeconds}, or {@link #close()}); throws {@link ServerConnectionException} when
     * the connection broke, and {@link ApiException} (400) for a line that is not an event.
     */
    Event<T> next();

    boolean isClosed();

    /** Ends the watch; idempotent and safe from any thread. */
    @Override
    void close();
}
