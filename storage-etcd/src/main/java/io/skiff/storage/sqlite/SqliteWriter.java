package io.skiff.storage.sqlite;

import io.skiff.storage.StorageException;
import io.skiff.storage.StorageUnavailableException;
import io.skiff.storage.WatchEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes. Writes queue here and are applied in order, each taking the next
 * revision; whatever has queued up while the previous transaction committed goes into the next
 * one (group commit), so one fsync acknowledges many writers. A write's future completes only
 * after its transaction is durable, and watchers hear of it in the same order, before any later
 * write is acknowledged.
 */
final class SqliteWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteWriter.class);
    private static final int MAX_BATCH = 512;

    /** A write: reads what it needs through the transaction, checks, then appends rows. */
    interface Op<T> {
        T apply(Tx tx) throws StorageException, SQLException;
    }

    /** Called on the writer thread after each commit, before any write in it is acknowledged. */
    interface CommitListener {
        void committed(long revision, List<WatchEvent> events);
    }

    private record Pending(Op<?> op, CompletableFuture<Object> result) {}

    /** The latest row of a key: its value now, or its tombstone. */
    record Row(long id, long createRevision, boolean deleted, byte[] value) {}

    private final Connection connection;
    private final CommitListener listener;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final PreparedStatement latest;
    private final PreparedStatement insert;
    private volatile boolean closed;
    private long revision;

    SqliteWriter(Connection connection, long revision, CommitListener listener) throws SQLException {
        this.connection = connection;
        this.revision = revision;
        this.listener = listener;
        connection.setAutoCommit(false);
        this.latest = connection.prepareStatement(
                "SELECT id, create_revision, deleted, value FROM kv WHERE name = ? ORDER BY id DESC LIMIT 1");
        this.insert = connection.prepareStatement("INSERT INTO kv (id, name, create_revision, prev_revision,"
                + " deleted, expires_at, value) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.thread = Thread.ofPlatform().daemon().name("sqlite-writer").start(this::run);
    }

    /** Queues a write; the future completes after its commit (or fails with its StorageException). */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> submit(Op<T> op) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new StorageUnavailableException("the SQLite storage is closed"));
        } else {
            queue.add(new Pending(op, result));
        }
        return (CompletableFuture<T>) (CompletableFuture<?>) result;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        StorageUnavailableException closing = new StorageUnavailableException("the SQLite storage is closed");
        queue.forEach(p -> p.result.completeExceptionally(closing));
    }

    private void commit(List<Pending> batch) {
        Tx tx = new Tx(revision);
        Object[] results = new Object[batch.size()];
        try {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    results[i] = batch.get(i).op.apply(tx);
                } catch (StorageException e) {
                    results[i] = e; // this write is refused (it wrote nothing); the others go on
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            log.error("SQLite transaction of {} writes failed, none applied", batch.size(), e);
            rollback();
            StorageUnavailableException failure = new StorageUnavailableException("SQLite write failed: " + e, e);
            batch.forEach(p -> p.result.completeExceptionally(failure));
            return;
        }
        if (tx.revision != revision) {
            revision = tx.revision;
            listener.committed(revision, tx.events);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (results[i] instanceof StorageException e) {
                batch.get(i).result.completeExceptionally(e);
            } else {
                batch.get(i).result.complete(results[i]);
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.error("SQLite rollback failed", e);
        }
    }

    /** One transaction's view: the latest rows (its own writes included) and revision numbering. */
    final class Tx {
        private long revision;
        private final List<WatchEvent> events = new ArrayList<>();

        private Tx(long revision) {
            this.revision = revision;
        }

        Row latest(byte[] name) throws SQLException {
            latest.setBytes(1, name);
            try (ResultSet rs = latest.executeQuery()) {
                return rs.next() ? new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3) != 0, rs.getBytes(4)) : null;
            }
        }

        /** Appends a row at the next revision, records its event, and returns the revision. */
        long append(byte[] name, long createRevision, long prevRevision, boolean deleted, long expiresAt,
                    byte[] value, WatchEvent.Type type, String key, byte[] prevValue) throws SQLException {
            long id = revision + 1;
            insert.setLong(1, id);
            insert.setBytes(2, name);
            insert.setLong(3, createRevision == 0 ? id : createRevision);
            insert.setLong(4, prevRevision);
            insert.setInt(5, deleted ? 1 : 0);
            insert.setLong(6, expiresAt);
            insert.setBytes(7, value);
            insert.executeUpdate();
            revision = id;
            events.add(new WatchEvent(type, key, deleted ? null : value, prevValue, id,
                    createRevision == 0 ? id : createRevision));
            return id;
        }

        long revision() {
            return revision;
        }

        Connection connection() {
            return connection;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            latest.close();
            insert.close();
        } catch (SQLException e) {
            log.warn("closing SQLite statements: {}", e.toString());
        }
    }
}
