package io.skiff.apiserver.metrics;

import io.skiff.storage.KeyValue;
import io.skiff.storage.ListResult;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.Watch;
import io.skiff.storage.WatchListener;
import java.time.Duration;
import java.util.Optional;

/**
 * A Storage that times every call into the apiserver's metrics ({@code etcd_request_duration_seconds}
 * by operation and resource, as Kubernetes names it, whichever store is behind). Watches are
 * long-lived and only their opening is timed.
 */
final class InstrumentedStorage implements Storage {
    private final Storage delegate;
    private final ApiMetrics metrics;

    InstrumentedStorage(Storage delegate, ApiMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws StorageException;
    }

    private <T> T timed(String operation, String key, Call<T> call) throws StorageException {
        long start = System.nanoTime();
        try {
            return call.run();
        } finally {
            metrics.storageCall(operation, key, System.nanoTime() - start);
        }
    }

    @Override
    public Optional<KeyValue> get(String key) throws StorageException {
        return timed("get", key, () -> delegate.get(key));
    }

    @Override
    public ListResult list(String prefix, int limit, String continueToken) throws StorageException {
        return timed("list", prefix, () -> delegate.list(prefix, limit, continueToken));
    }

    @Override
    public KeyValue create(String key, byte[] value, Duration ttl) throws StorageException {
        return timed("create", key, () -> delegate.create(key, value, ttl));
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision, Duration ttl) throws StorageException {
        return timed("update", key, () -> delegate.update(key, value, expectedModRevision, ttl));
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) throws StorageException {
        return timed("delete", key, () -> delegate.delete(key, expectedModRevision));
    }

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) throws StorageException {
        return timed("watch", prefix, () -> delegate.watch(prefix, fromRevision, listener));
    }

    @Override
    public long currentRevision() throws StorageException {
        return timed("currentRevision", "", delegate::currentRevision);
    }

    @Override
    public void compact(long revision) throws StorageException {
        timed("compact", "", () -> {
            delegate.compact(revision);
            return null;
        });
    }

    /** Closes the store; the apiserver itself never does (the storage belongs to whoever opened it). */
    @Override
    public void close() {
        delegate.close();
    }
}
