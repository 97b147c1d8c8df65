package io.skiff.storage;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A watch listener that keeps what it gets, for tests to wait on and inspect. */
public final class EventCollector implements WatchListener {
    private final List<WatchEvent> events = new ArrayList<>();
    private final AtomicReference<StorageException> error = new AtomicReference<>();
    private volatile String concurrentCall;
    private volatile boolean inCall;

    @Override
    public void onEvents(List<WatchEvent> batch) {
        enter();
        try {
            if (batch.isEmpty()) {
                concurrentCall = "an empty batch was delivered";
            }
            synchronized (events) {
                events.addAll(batch);
            }
        } finally {
            inCall = false;
        }
    }

    @Override
    public void onError(StorageException e) {
        enter();
        try {
            error.set(e);
        } finally {
            inCall = false;
        }
    }

    private void enter() {
        if (inCall) {
            concurrentCall = "listener called concurrently";
        }
        inCall = true;
    }

    public List<WatchEvent> events() {
        if (concurrentCall != null) {
            throw new AssertionError(concurrentCall);
        }
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    public StorageException error() {
        return error.get();
    }

    /** Waits (bounded) until at least {@code count} events arrived, and returns them. */
    public List<WatchEvent> awaitEvents(int count, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(20))
                .until(() -> events().size() >= count || error.get() != null);
        if (error.get() != null) {
            throw new AssertionError("the watch failed: " + error.get(), error.get());
        }
        return events();
    }

    public StorageException awaitError(Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(20)).until(() -> error.get() != null);
        return error.get();
    }
}
