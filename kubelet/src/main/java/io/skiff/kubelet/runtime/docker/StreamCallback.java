package io.skiff.kubelet.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Receives one streamed engine response (log frames, exec output, pull progress, a wait) and lets
 * the caller wait for its end with a bound and cancel it from any thread. docker-java's own
 * callback template forgets a cancel that comes before the response starts, and logs every
 * error at ERROR; here a cancel always wins and errors are the caller's to report.
 */
final class StreamCallback<T> implements ResultCallback<T> {
    private final Consumer<T> onItem;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Closeable stream;
    private volatile boolean cancelled;
    private volatile Throwable error;
    private volatile long lastActivityNanos = System.nanoTime();

    /** @param onItem called for every item on the stream's thread; if it throws, the stream ends with that error */
    StreamCallback(Consumer<T> onItem) {
        this.onItem = onItem;
    }

    @Override
    public void onStart(Closeable stream) {
        this.stream = stream;
        lastActivityNanos = System.nanoTime();
        started.countDown();
        if (cancelled) {
            closeQuietly(stream);
        }
    }

    @Override
    public void onNext(T item) {
        if (cancelled) {
            return;
        }
        lastActivityNanos = System.nanoTime();
        try {
            onItem.accept(item);
        } catch (RuntimeException e) {
            fail(e);
            cancel();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (!cancelled) {
            fail(throwable);
        }
        started.countDown();
        done.countDown();
    }

    @Override
    public void onComplete() {
        started.countDown();
        done.countDown();
    }

    /** Ends the stream now (closing its connection); waiting callers return. */
    @Override
    public void close() {
        cancel();
    }

    void cancel() {
        cancelled = true;
        Closeable current = stream;
        if (current != null) {
            closeQuietly(current);
        }
        started.countDown();
        done.countDown();
    }

    /** True when the response has started (or ended) within the timeout. */
    boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True when the stream has ended (completed, failed or cancelled) within the timeout. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void awaitDone() throws InterruptedException {
        done.await();
    }

    /** The first failure of the stream or of {@code onItem}, or null. */
    Throwable error() {
        return error;
    }

    /** How long since the stream last delivered something (or started). */
    Duration idle() {
        return Duration.ofNanos(System.nanoTime() - lastActivityNanos);
    }

    private synchronized void fail(Throwable throwable) {
        if (error == null) {
            error = throwable;
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // The stream is being abandoned; a failure to close it changes nothing for the caller.
        }
    }
}
