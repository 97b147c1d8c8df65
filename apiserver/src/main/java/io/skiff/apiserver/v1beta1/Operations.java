package io.skiff.apiserver.v1beta1;

import io.skiff.apiserver.ApiErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The table of long operations, as v0.5's {@code Operations}: ids are sequential numbers,
 * finished operations stay readable for {@code expiry}, then answer 404. Bounded: at most
 * {@code capacity} entries; a full table drops its oldest finished operation, and when every
 * entry is still pending a new one is refused (429) before its request writes anything.
 * Expired entries are dropped whenever the table is used: no sweeper thread.
 */
final class Operations {
    private final int capacity;
    private final Duration expiry;
    // Guarded by this; insertion order is age order.
    private final LinkedHashMap<Long, Operation> table = new LinkedHashMap<>();
    private long lastId;

    Operations(int capacity, Duration expiry) {
        this.capacity = capacity;
        this.expiry = expiry;
    }

    /** A new pending operation, registered; 429 when the table is full of pending ones. */
    synchronized Operation open() {
        sweep();
        if (table.size() >= capacity && !dropOldestFinished()) {
            throw ApiErrors.tooManyRequests("too many operations in progress (" + capacity + "); try again later", 1);
        }
        Operation op = new Operation(++lastId, Instant.now());
        table.put(op.id(), op);
        return op;
    }

    /** Drops an operation whose request failed before it started (nobody was told its id). */
    synchronized void discard(Operation op) {
        table.remove(op.id());
    }

    /** The operation, while it is pending or finished less than the expiry ago. */
    synchronized Optional<Operation> find(long id) {
        sweep();
        return Optional.ofNullable(table.get(id));
    }

    /** The operations still running, oldest first. */
    synchronized List<Operation> pending() {
        sweep();
        List<Operation> out = new ArrayList<>();
        for (Operation op : table.values()) {
            if (!op.done()) {
                out.add(op);
            }
        }
        return out;
    }

    synchronized int size() {
        sweep();
        return table.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        table.values().removeIf(op -> op.expired(now, expiry));
    }

    private boolean dropOldestFinished() {
        for (Iterator<Operation> it = table.values().iterator(); it.hasNext(); ) {
            if (it.next().done()) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
