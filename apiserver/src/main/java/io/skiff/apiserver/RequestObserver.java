package io.skiff.apiserver;

/**
 * Sees every request end, and every watch open and close: the hook for {@code /metrics}
 * (counts and latencies by verb/resource/code, open watches). Calls come from request threads
 * and must be quick and thread-safe.
 */
public interface RequestObserver {
    RequestObserver NONE = new RequestObserver() {};

    /** A request finished with HTTP {@code code} after {@code nanos}; for a watch, when it ends. */
    default void requestCompleted(RequestContext request, int code, long nanos) {}

    default void watchOpened(RequestContext request) {}

    default void watchClosed(RequestContext request) {}
}
