package io.skiff.apiserver.testing;

import io.skiff.storage.KeyValue;
import io.skiff.storage.ListResult;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.Watch;
import io.skiff.storage.WatchListener;
import java.time.Duration;
import java.util.Optional;

/**
 * A storage that hands every call to {@link #delegate()}: a seam for tests that inject a fault
 * or a delay into one call (a record implementing this overrides just that one).
 */
public interface ForwardingStorage extends Storage {
    Storage delegate();

    @Override
    default Optional<KeyValue> get(String key) throws StorageException {
        return delegate().get(key);
    }

    @Override
    default ListResult list(String prefix, int limit, String continueToken) throws StorageException {
        return delegate().list(prefix, limit, continueToken);
    }

    @Override
    default KeyValue create(String key, byte[] value, Duration ttl) throws StorageException {
        return delegate().create(key, value, ttl);
    }

    @Override
    default KeyValue update(String key, byte[] value, long expectedModRevision, Duration ttl) throws StorageException {
        return delegate().update(key, value, expectedModRevision, ttl);
    }

    @Override
    default KeyValue delete(String key, long expectedModRevision) throws StorageException {
        return delegate().delete(key, expectedModRevision);
    }

    @Override
    default Watch watch(String prefix, long fromRevision, WatchListener listener) throws StorageException {
        return delegate().watch(prefix, fromRevision, listener);
    }

    @Override
    default long currentRevision() throws StorageException {
        return delegate().currentRevision();
    }

    @Override
    default void compact(long revision) throws StorageException {
        delegate().compact(revision);
    }

    @Override
    default void close() {
        delegate().close();
    }
}
