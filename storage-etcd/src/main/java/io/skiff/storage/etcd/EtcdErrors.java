package io.skiff.storage.etcd;

import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.common.exception.EtcdException;
import io.skiff.storage.StorageException;
import io.skiff.storage.StorageTimeoutException;
import io.skiff.storage.StorageUnavailableException;
import io.skiff.storage.TooOldRevisionException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for jetcd futures within the request timeout and turns etcd's errors into ours. */
final class EtcdErrors {
    private EtcdErrors() {}

    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws StorageException {
        return await(future, timeout, what, 0);
    }

    /** @param revision the revision the call read at, for a TooOldRevision message (0 = current) */
    static <T> T await(CompletableFuture<T> future, Duration timeout, String what, long revision)
            throws StorageException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StorageTimeoutException("etcd " + what + " did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            throw map(e.getCause(), what, revision);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new StorageUnavailableException("interrupted while waiting for etcd " + what, e);
        }
    }

    static StorageException map(Throwable error, String what, long revision) {
        if (error instanceof CompactedException compacted) {
            return new TooOldRevisionException(revision, compacted.getCompactedRevision());
        }
        String message = String.valueOf(error.getMessage());
        if (message.contains("required revision has been compacted")) {
            return new TooOldRevisionException(revision, 0);
        }
        if (message.contains("required revision is a future revision")) {
            throw new IllegalArgumentException("etcd " + what + ": revision " + revision + " is in the future");
        }
        if (message.contains("request is too large")) {
            throw new IllegalArgumentException("etcd " + what + ": the request is larger than etcd accepts");
        }
        if (error instanceof EtcdException etcd) {
            return switch (etcd.getErrorCode()) {
                case DEADLINE_EXCEEDED -> new StorageTimeoutException("etcd " + what + " timed out: " + message, error);
                case UNAVAILABLE, CANCELLED, ABORTED, RESOURCE_EXHAUSTED ->
                        new StorageUnavailableException("etcd " + what + " failed: " + message, error);
                default -> new StorageException("etcd " + what + " failed: " + message, error);
            };
        }
        return new StorageUnavailableException("etcd " + what + " failed: " + error, error);
    }
}
