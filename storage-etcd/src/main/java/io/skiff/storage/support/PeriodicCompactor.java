package io.skiff.storage.support;

import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps about {@code retention} of history, as the Kubernetes apiserver's compactor does: every
 * {@code retention} it compacts to the revision it saw one period earlier, so history between
 * one and two periods old is always there for watchers that fell behind.
 */
public final class PeriodicCompactor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicCompactor.class);

    private final Storage storage;
    private final ScheduledExecutorService timer;
    private long previousRevision;

    public PeriodicCompactor(Storage storage, Duration retention, String name) {
        this.storage = storage;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name(name + "-compactor").factory());
        long period = retention.toMillis();
        timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            long current = storage.currentRevision();
            if (previousRevision > 0) {
                storage.compact(previousRevision);
                log.info("compacted to revision {}", previousRevision);
            }
            previousRevision = current;
        } catch (StorageException | RuntimeException e) {
            log.warn("periodic compaction failed, will retry next period: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
