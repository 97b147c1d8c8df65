package io.skiff.controller;

import io.skiff.client.workqueue.WorkQueue;
import java.time.Duration;

/**
 * A controller driven by a work queue of keys: its event handlers add keys, {@link QueueWorkers}
 * sync them. The queue and the workers' lifecycle (start, bounded stop) are the same in every such
 * controller, so each one holds only its handlers and its {@link #sync}.
 */
public abstract class QueueController implements Controller {
    private final String name;
    protected final WorkQueue<String> queue;
    private final QueueWorkers workers;

    protected QueueController(String name, int workers, Metrics metrics) {
        this.name = name;
        this.queue = new WorkQueue<>(name);
        // the workers call sync only after start(), when the subclass is fully built
        this.workers = new QueueWorkers(name, queue, workers, this::sync, metrics);
    }

    /** Brings the object of {@code key} to its desired state; throwing means "retry later, backing off". */
    protected abstract void sync(String key) throws Exception;

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void start() {
        workers.start();
    }

    @Override
    public final void stop(Duration timeout) {
        workers.stop(timeout);
    }

    /** The work queue, for metrics and tests. */
    public final WorkQueue<String> queue() {
        return queue;
    }
}
