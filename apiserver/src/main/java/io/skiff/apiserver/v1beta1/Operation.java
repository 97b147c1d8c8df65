package io.skiff.apiserver.v1beta1;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A long operation of the 2014 API: a pod write whose client asked to wait ({@code sync=true})
 * until the pod runs (or is gone). Finished once, by the waiter; read by the request that
 * started it and by {@code GET /operations/{id}}.
 */
final class Operation {
    /** How an operation ended: the HTTP code and the v1beta1 body (the object, or a Status). */
    record Outcome(int code, JsonNode body) {
        boolean succeeded() {
            return code < 300;
        }
    }

    private final long id;
    private final Instant created;
    private volatile String description = "";
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private volatile long finishedNanos;

    Operation(long id, Instant created) {
        this.id = id;
        this.created = created;
    }

    long id() {
        return id;
    }

    /** What it waits for, e.g. {@code pod web is not running yet}. */
    String description() {
        return description;
    }

    /** Says what it waits for, once the write that started it named its object. */
    void describe(String what) {
        description = what;
    }

    Instant created() {
        return created;
    }

    void finish(Outcome result) {
        finishedNanos = System.nanoTime();
        outcome.complete(result);
    }

    boolean done() {
        return outcome.isDone();
    }

    Optional<Outcome> result() {
        return Optional.ofNullable(outcome.getNow(null));
    }

    /** The outcome if it comes within {@code timeout}; empty when the operation is still running then. */
    Optional<Outcome> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("operations are finished with an outcome, never exceptionally", e);
        }
    }

    /** Finished more than {@code expiry} before {@code nowNanos}. */
    boolean expired(long nowNanos, Duration expiry) {
        return done() && nowNanos - finishedNanos >= expiry.toNanos();
    }
}
