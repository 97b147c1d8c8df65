package io.skiff.apiserver.rest;

import io.skiff.api.meta.KubeObject;
import io.skiff.apiserver.watch.CacheWatcher;
import io.skiff.apiserver.watch.Delivery;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Sends one watcher's stream over a chunked HTTP response with non-blocking writes, from a few
 * shared sender threads instead of a thread per watcher: when the cache queues an event, the
 * watcher is handed to a sender, which writes everything queued as one chunk and flushes it. A
 * client that cannot take more (its socket buffer full) holds no thread: the container calls
 * {@link #onWritePossible} when it can, and the cache cuts the watcher off if its queue fills.
 * {@link #done()} completes when the stream has ended and its last bytes are sent, or the client
 * has gone.
 */
final class HttpWatchSender<T extends KubeObject> implements WriteListener, Runnable {
    /** A chunk is everything queued, up to about this much (a watch from 0 may queue thousands). */
    private static final int MAX_CHUNK = 64 * 1024;

    private final CacheWatcher<T> watcher;
    private final ServletOutputStream out;
    private final Executor senders;
    private final Function<Delivery<T>, byte[]> encoder;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** One drain at a time: a sender's and the container's callback may both want to. */
    private final ReentrantLock draining = new ReentrantLock();
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(8192);
    // guarded by draining
    private boolean unflushed = true; // the headers: sent at once, so the client knows the watch is established
    private boolean ending;

    HttpWatchSender(CacheWatcher<T> watcher, ServletOutputStream out, Executor senders,
            Function<Delivery<T>, byte[]> encoder) {
        this.watcher = watcher;
        this.out = out;
        this.senders = senders;
        this.encoder = encoder;
    }

    /** Completes once the stream is over, normally or not. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** The watcher has something queued: a sender thread will send it. */
    void wake() {
        if (!done.isDone() && scheduled.compareAndSet(false, true)) {
            try {
                senders.execute(this);
            } catch (RejectedExecutionException e) {
                done.complete(null); // the server is stopping
            }
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        drain();
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable t) {
        done.complete(null); // the client is gone: nothing more can be sent
    }

    /** Writes and flushes while the connection takes it and there is something to send. */
    private void drain() {
        draining.lock();
        try {
            while (!done.isDone() && out.isReady()) {
                if (unflushed) {
                    unflushed = false;
                    out.flush(); // completes at once, or isReady() turns false until it has
                    continue;
                }
                if (ending) {
                    done.complete(null); // the stream's last bytes are out: the client re-watches
                    return;
                }
                byte[] next = nextChunk();
                if (next != null) {
                    out.write(next);
                    unflushed = true;
                } else if (!ending) {
                    return; // nothing queued: wake() brings the next event
                }
            }
        } catch (IOException | RuntimeException e) {
            done.complete(null); // the connection failed under us
        } finally {
            draining.unlock();
        }
    }

    /**
     * What is queued, concatenated up to {@link #MAX_CHUNK}; null when nothing is. A lone event's
     * line is sent as it is, shared with every other watcher: no copy per watcher.
     */
    private byte[] nextChunk() {
        Delivery<T> first = watcher.poll();
        if (first == null) {
            return null;
        }
        if (first.isEnd()) {
            ending = true;
            return null;
        }
        byte[] line = encoder.apply(first);
        Delivery<T> d = watcher.poll();
        if (d == null) {
            return line;
        }
        chunk.reset();
        chunk.writeBytes(line);
        while (d != null) {
            if (d.isEnd()) {
                ending = true;
                break;
            }
            chunk.writeBytes(encoder.apply(d));
            d = chunk.size() < MAX_CHUNK ? watcher.poll() : null;
        }
        return chunk.toByteArray();
    }
}
