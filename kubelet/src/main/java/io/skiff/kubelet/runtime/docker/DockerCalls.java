package io.skiff.kubelet.runtime.docker;

import io.skiff.kubelet.runtime.ContainerRuntimeException;
import io.skiff.kubelet.runtime.RuntimeTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Bounds request/response calls to the engine in time. Each call runs on its own virtual thread;
 * when the engine has not answered by the deadline that thread is interrupted, which closes its
 * socket channel (unix socket) or socket (TCP) and so frees the connection, and the caller gets a
 * {@link RuntimeTimeoutException}. The transport's own response timeout cannot do this: docker-java's
 * unix socket ignores it, and it would also cut streams that are quiet on purpose.
 */
final class DockerCalls {
    private final Duration timeout;

    DockerCalls(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** Runs {@code body}; its own exceptions reach the caller unchanged, for the caller to translate. */
    <T> T call(String operation, Supplier<T> body) {
        return call(operation, timeout, body);
    }

    /** As {@link #call(String, Supplier)}, for a call that may legitimately take longer (a graceful stop). */
    <T> T call(String operation, Duration timeout, Supplier<T> body) {
        FutureTask<T> task = new FutureTask<>(body::get);
        Thread thread = Thread.ofVirtual().name("docker-call").start(task);
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new RuntimeTimeoutException(operation, timeout, e);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException(operation + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ContainerRuntimeException(operation + ": " + cause, cause);
        }
    }

    void run(String operation, Runnable body) {
        call(operation, () -> {
            body.run();
            return null;
        });
    }
}
