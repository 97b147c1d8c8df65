package io.skiff.client;

import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.client.informer.ListerWatcher;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real list/watch of a client with a valve on opening watches: while closed, an informer
 * that wants to (re-)open its watch waits, as if its network were slow, so a test can move the
 * server past the informer's resourceVersion first. Nothing of the server is faked.
 */
final class GatedListerWatcher<T extends KubeObject> implements ListerWatcher<T> {
    private final ListerWatcher<T> delegate;
    private final Object lock = new Object();
    private final AtomicInteger waiting = new AtomicInteger();
    private boolean closed;

    GatedListerWatcher(ListerWatcher<T> delegate) {
        this.delegate = delegate;
    }

    void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    void open() {
        synchronized (lock) {
            closed = false;
            lock.notifyAll();
        }
    }

    /** Watch opens waiting at the valve. */
    int waiting() {
        return waiting.get();
    }

    @Override
    public KubeList<T> list() {
        return delegate.list();
    }

    @Override
    public Watch<T> watch(ListOptions options) {
        synchronized (lock) {
            waiting.incrementAndGet();
            try {
                while (closed) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted at the valve");
            } finally {
                waiting.decrementAndGet();
            }
        }
        return delegate.watch(options);
    }
}
