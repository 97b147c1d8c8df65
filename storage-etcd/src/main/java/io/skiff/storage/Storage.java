package io.skiff.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * Bytes at keys with revisions: exactly etcd's model, so that {@code EtcdStorage} is a thin
 * mapping and {@code SqliteStorage} copies it.
 *
 * <h2>Revisions</h2>
 * Every write (create, update, delete, TTL expiry) gets the next revision of one global, strictly
 * increasing counter. A key's {@code modRevision} is the revision of its last write; a write that
 * names a stale one fails. {@link #currentRevision()} is the revision of the last write.
 *
 * <h2>List then watch</h2>
 * {@link #list} answers as of one revision R and returns R. {@code watch(prefix, R + 1, ...)}
 * then delivers every change after that list and none before: {@code watch(prefix, rev)} delivers
 * every event under {@code prefix} with revision {@code >= rev}, in revision order, each exactly
 * once, until closed or failed. {@code rev == 0} means "changes after the current revision".
 *
 * <h2>Compaction</h2>
 * {@code compact(C)} drops history before C. Afterwards a watch from a revision {@code < C}, or a
 * list continuation issued at a revision {@code < C}, fails with {@link TooOldRevisionException}
 * (the apiserver's 410 Expired). Reads of the current state are never affected.
 *
 * <h2>Keys, values, errors, time</h2>
 * Keys are non-empty strings, compared and range-scanned as UTF-8 bytes (as etcd does); a prefix
 * covers every key that starts with it ({@code ""} covers all). Values are opaque bytes; the
 * storage copies what it is given and hands out arrays that must not be modified. Every call is
 * bounded by the request timeout ({@link StorageTimeoutException}); errors are checked
 * {@link StorageException}s; bad arguments are {@link IllegalArgumentException}s.
 */
public interface Storage extends AutoCloseable {

    /** The key's current value, or empty when absent. */
    Optional<KeyValue> get(String key) throws StorageException;

    /**
     * The keys under {@code prefix} in byte order, at most {@code limit} of them (0 = all).
     * Without {@code continueToken} the page is as of the current revision; with the token of a
     * previous page it is the next page as of that page's revision.
     *
     * @throws TooOldRevisionException when the token's revision has been compacted
     * @throws IllegalArgumentException for a malformed token or one from another prefix
     */
    ListResult list(String prefix, int limit, String continueToken) throws StorageException;

    /** Every key under {@code prefix}, as of the current revision. */
    default ListResult list(String prefix) throws StorageException {
        return list(prefix, 0, null);
    }

    /**
     * Creates the key; fails when it exists.
     *
     * @param ttl null for a permanent key; otherwise the key is deleted (a normal DELETE event)
     *            once it has lived at least this long (rounded up to whole seconds, at least 1)
     * @throws KeyExistsException when the key is present
     */
    KeyValue create(String key, byte[] value, Duration ttl) throws StorageException;

    default KeyValue create(String key, byte[] value) throws StorageException {
        return create(key, value, null);
    }

    /**
     * Compare-and-swap: replaces the value only if the key's modRevision is
     * {@code expectedModRevision} (> 0).
     *
     * @param ttl as for create; a key updated with a null ttl becomes permanent (as in etcd, a
     *            write replaces the key's lease)
     * @throws ConflictException carrying the current object when the revision differs
     * @throws KeyNotFoundException when the key is absent
     */
    KeyValue update(String key, byte[] value, long expectedModRevision, Duration ttl)
            throws StorageException;

    default KeyValue update(String key, byte[] value, long expectedModRevision) throws StorageException {
        return update(key, value, expectedModRevision, null);
    }

    /**
     * Deletes the key, only if its modRevision is {@code expectedModRevision} ({@code 0} =
     * unconditionally), and returns what was deleted.
     *
     * @throws ConflictException carrying the current object when the revision differs
     * @throws KeyNotFoundException when the key is absent
     */
    KeyValue delete(String key, long expectedModRevision) throws StorageException;

    /**
     * Watches every key under {@code prefix}: delivers every event with revision
     * {@code >= fromRevision} ({@code 0} = after the current revision) to {@code listener}, in
     * order, without loss or duplicates, across reconnects. Failures arrive through
     * {@link WatchListener#onError} and end the watch; a {@code fromRevision} older than the
     * compacted revision fails that way with {@link TooOldRevisionException}.
     */
    Watch watch(String prefix, long fromRevision, WatchListener listener) throws StorageException;

    /** The revision of the last write. */
    long currentRevision() throws StorageException;

    /**
     * Discards history older than {@code revision} (which must not exceed the current one).
     * Compacting to a revision at or below the current compaction point does nothing.
     */
    void compact(long revision) throws StorageException;

    /** Ends every watch (without calling their listeners) and releases the backend. */
    @Override
    void close();
}
