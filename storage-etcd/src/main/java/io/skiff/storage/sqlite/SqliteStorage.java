package io.skiff.storage.sqlite;

import io.skiff.storage.ConflictException;
import io.skiff.storage.KeyExistsException;
import io.skiff.storage.KeyNotFoundException;
import io.skiff.storage.KeyValue;
import io.skiff.storage.ListResult;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.StorageOptions;
import io.skiff.storage.StorageTimeoutException;
import io.skiff.storage.StorageUnavailableException;
import io.skiff.storage.TooOldRevisionException;
import io.skiff.storage.Watch;
import io.skiff.storage.WatchEvent;
import io.skiff.storage.WatchListener;
import io.skiff.storage.support.ContinueToken;
import io.skiff.storage.support.Keys;
import io.skiff.storage.support.PeriodicCompactor;
import io.skiff.storage.support.WatchDelivery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store for one-machine clusters: etcd's model on one SQLite file, laid out as k3s'
 * kine lays it out. Table {@code kv} is a log: every write appends a row whose id is its revision;
 * a key's value is its latest row; a delete appends a tombstone. History is therefore the table
 * itself (watches from a past revision read it), and compaction deletes superseded rows.
 *
 * <p>Durability: WAL journal with {@code synchronous=FULL}, and a write is acknowledged only after
 * its transaction committed, so neither kill -9 nor power loss loses an acknowledged write. Writes
 * go through one writer thread that commits whatever queued meanwhile in one transaction (group
 * commit). Readers use their own connections (WAL lets them run beside the writer). Watchers are
 * fed in-process by the writer after each commit. A file lock keeps a second process out of the
 * data directory.
 */
public final class SqliteStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(SqliteStorage.class);
    private static final int READERS = 4;
    private static final int REPLAY_PAGE = 1000;
    static final Duration REAP_INTERVAL = Duration.ofSeconds(1);

    private final Path dataDir;
    private final Duration timeout;
    private final FileChannel lockChannel;
    private final Connection writeConnection;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final SqliteWatchers watchers;
    private final SqliteWriter writer;
    private final ScheduledExecutorService reaper;
    private final PeriodicCompactor compactor;
    private volatile long compactRevision;
    private volatile boolean closed;

    /** Opens (creating when needed) the store in {@code options.dataDir()}. */
    public static SqliteStorage open(StorageOptions options) throws StorageException {
        return new SqliteStorage(options.dataDir(), options.requestTimeout(), options.compactionRetention());
    }

    public static SqliteStorage open(Path dataDir) throws StorageException {
        return open(StorageOptions.sqlite(dataDir));
    }

    private SqliteStorage(Path dataDir, Duration timeout, Duration compactionRetention) throws StorageException {
        this.dataDir = dataDir;
        this.timeout = timeout;
        this.lockChannel = lockDataDir(dataDir);
        String url = "jdbc:sqlite:" + dataDir.resolve("skiff.db");
        try {
            writeConnection = config(timeout).createConnection(url);
            writeConnection.setAutoCommit(false);
            createSchema(writeConnection);
            long revision;
            try (Statement st = writeConnection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT COALESCE(MAX(id), 0) FROM kv),"
                         + " (SELECT COALESCE(MAX(value), 0) FROM meta WHERE name = 'compact_revision')")) {
                rs.next();
                // A fresh store starts at revision 1 as etcd does, so a list of an empty store
                // never answers resourceVersion 0 (which Kubernetes clients read as "any").
                revision = Math.max(1, Math.max(rs.getLong(1), rs.getLong(2)));
                compactRevision = rs.getLong(2);
            }
            writeConnection.commit();
            for (int i = 0; i < READERS; i++) {
                Connection reader = config(timeout).createConnection(url);
                reader.setAutoCommit(false);
                allReaders.add(reader);
                readers.add(reader);
            }
            watchers = new SqliteWatchers(revision);
            writer = new SqliteWriter(writeConnection, revision, watchers::publish);
            log.info("opened SQLite storage in {} at revision {} (compacted to {})", dataDir, revision, compactRevision);
        } catch (SQLException e) {
            closeQuietly();
            throw new StorageUnavailableException("cannot open SQLite storage in " + dataDir + ": " + e.getMessage(), e);
        }
        reaper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sqlite-ttl-reaper").factory());
        reaper.scheduleWithFixedDelay(this::reapExpired, REAP_INTERVAL.toMillis(), REAP_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        compactor = compactionRetention.isZero() ? null : new PeriodicCompactor(this, compactionRetention, "sqlite");
    }

    private static SQLiteConfig config(Duration timeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: the WAL is fsynced at every commit, so an acknowledged write survives power loss,
        // not only a process kill. Group commit pays one fsync for many writes.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return config;
    }

    private static void createSchema(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS kv ("
                    + " id INTEGER PRIMARY KEY," // the revision of this write
                    + " name BLOB NOT NULL,"     // the key, UTF-8: BLOBs compare bytewise, as etcd orders keys
                    + " create_revision INTEGER NOT NULL,"
                    + " prev_revision INTEGER NOT NULL," // the live row this one replaced, 0 for none
                    + " deleted INTEGER NOT NULL,"       // 1 for a tombstone
                    + " expires_at INTEGER NOT NULL,"    // epoch millis of TTL expiry, 0 for none
                    + " value BLOB)");
            st.executeUpdate("CREATE INDEX IF NOT EXISTS kv_name_id ON kv (name, id)");
            st.executeUpdate("CREATE INDEX IF NOT EXISTS kv_expires ON kv (expires_at) WHERE expires_at > 0");
            st.executeUpdate("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
        }
        connection.commit();
    }

    private static FileChannel lockDataDir(Path dataDir) throws StorageException {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("skiff.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StorageUnavailableException("data directory " + dataDir + " is in use by another Skiff");
            }
            return channel;
        } catch (IOException e) {
            throw new StorageUnavailableException("cannot use data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<KeyValue> get(String key) throws StorageException {
        byte[] name = Keys.key(key);
        return read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, create_revision, deleted, value FROM kv WHERE name = ? ORDER BY id DESC LIMIT 1")) {
                st.setBytes(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next() || rs.getInt(3) != 0) {
                        return Optional.empty();
                    }
                    return Optional.of(new KeyValue(key, rs.getBytes(4), rs.getLong(2), rs.getLong(1)));
                }
            }
        });
    }

    @Override
    public ListResult list(String prefix, int limit, String continueToken) throws StorageException {
        byte[] start = Keys.prefix(prefix);
        byte[] end = Keys.prefixEnd(start);
        Keys.limit(limit);
        ContinueToken token = continueToken == null ? null : ContinueToken.decode(continueToken, prefix);
        long revision = token == null ? watchers.revision() : token.revision();
        byte[] from = token == null ? start : Keys.key(token.lastKey());
        // The latest row of each key at `revision`, live ones only, in key order.
        String latest = "SELECT MAX(id) AS id FROM kv WHERE name " + (token == null ? ">=" : ">") + " ?"
                + (end == null ? "" : " AND name < ?") + " AND id <= ? GROUP BY name";
        String pageSql = "SELECT kv.name, kv.create_revision, kv.id, kv.value FROM kv JOIN (" + latest
                + ") latest ON latest.id = kv.id WHERE kv.deleted = 0 ORDER BY kv.name"
                + (limit > 0 ? " LIMIT " + (limit + 1) : "");
        String countSql = "SELECT COUNT(*) FROM kv JOIN (" + latest + ") latest ON latest.id = kv.id"
                + " WHERE kv.deleted = 0";
        return read(c -> {
            checkNotCompacted(c, revision);
            List<KeyValue> items = new ArrayList<>();
            boolean more = false;
            try (PreparedStatement st = c.prepareStatement(pageSql)) {
                bindRange(st, from, end, revision);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        if (limit > 0 && items.size() == limit) {
                            more = true;
                            break;
                        }
                        items.add(new KeyValue(Keys.string(rs.getBytes(1)), rs.getBytes(4), rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
            if (!more) {
                return new ListResult(items, revision, null, 0);
            }
            long total;
            try (PreparedStatement st = c.prepareStatement(countSql)) {
                bindRange(st, from, end, revision);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            String next = new ContinueToken(revision, items.getLast().key()).encode();
            return new ListResult(items, revision, next, total - items.size());
        });
    }

    private static void bindRange(PreparedStatement st, byte[] from, byte[] end, long revision) throws SQLException {
        int i = 1;
        st.setBytes(i++, from);
        if (end != null) {
            st.setBytes(i++, end);
        }
        st.setLong(i, revision);
    }

    /** Inside a read transaction, so the check and the rows it guards come from one snapshot. */
    private static void checkNotCompacted(Connection c, long revision) throws SQLException, TooOldRevisionException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(value), 0) FROM meta WHERE name = 'compact_revision'")) {
            rs.next();
            long compacted = rs.getLong(1);
            if (revision < compacted) {
                throw new TooOldRevisionException(revision, compacted);
            }
        }
    }

    @Override
    public long currentRevision() throws StorageException {
        ensureOpen();
        return watchers.revision();
    }

    // ---------------------------------------------------------------- writes

    @Override
    public KeyValue create(String key, byte[] value, Duration ttl) throws StorageException {
        byte[] name = Keys.key(key);
        byte[] bytes = Keys.value(value);
        long expiresAt = expiresAt(ttl);
        return write(tx -> {
            SqliteWriter.Row current = tx.latest(name);
            if (current != null && !current.deleted()) {
                throw new KeyExistsException(new KeyValue(key, current.value(), current.createRevision(), current.id()));
            }
            long revision = tx.append(name, 0, 0, false, expiresAt, bytes, WatchEvent.Type.PUT, key, null);
            return new KeyValue(key, bytes, revision, revision);
        });
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision, Duration ttl) throws StorageException {
        byte[] name = Keys.key(key);
        byte[] bytes = Keys.value(value);
        Keys.expectedRevision(expectedModRevision, false);
        long expiresAt = expiresAt(ttl);
        return write(tx -> {
            SqliteWriter.Row current = live(tx, name, key, expectedModRevision);
            long revision = tx.append(name, current.createRevision(), current.id(), false, expiresAt, bytes,
                    WatchEvent.Type.PUT, key, current.value());
            return new KeyValue(key, bytes, current.createRevision(), revision);
        });
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) throws StorageException {
        byte[] name = Keys.key(key);
        Keys.expectedRevision(expectedModRevision, true);
        return write(tx -> {
            SqliteWriter.Row current = live(tx, name, key, expectedModRevision);
            tx.append(name, current.createRevision(), current.id(), true, 0, null, WatchEvent.Type.DELETE, key,
                    current.value());
            return new KeyValue(key, current.value(), current.createRevision(), current.id());
        });
    }

    /** The key's live row, checked against the expected revision (0 = any). */
    private static SqliteWriter.Row live(SqliteWriter.Tx tx, byte[] name, String key, long expectedModRevision)
            throws SQLException, StorageException {
        SqliteWriter.Row current = tx.latest(name);
        if (current == null || current.deleted()) {
            throw new KeyNotFoundException(key);
        }
        if (expectedModRevision != 0 && current.id() != expectedModRevision) {
            throw new ConflictException(expectedModRevision,
                    new KeyValue(key, current.value(), current.createRevision(), current.id()));
        }
        return current;
    }

    private static long expiresAt(Duration ttl) {
        long seconds = Keys.ttlSeconds(ttl);
        return seconds == 0 ? 0 : System.currentTimeMillis() + seconds * 1000;
    }

    @Override
    public void compact(long revision) throws StorageException {
        long current = currentRevision();
        if (revision <= 0 || revision > current) {
            throw new IllegalArgumentException("cannot compact to revision " + revision + ": the current revision is "
                    + current);
        }
        Long done = write(tx -> {
            if (revision <= compactRevision) {
                return compactRevision;
            }
            // Keep, per key, the latest row before `revision` (the state just before it, and the
            // previous value of the next event) and every row from `revision` on; drop the rest.
            try (PreparedStatement superseded = tx.connection().prepareStatement("DELETE FROM kv WHERE id < ?1"
                    + " AND EXISTS (SELECT 1 FROM kv newer WHERE newer.name = kv.name AND newer.id > kv.id AND newer.id < ?1)");
                 PreparedStatement tombstones = tx.connection().prepareStatement(
                         "DELETE FROM kv WHERE id < ? AND deleted = 1");
                 PreparedStatement meta = tx.connection().prepareStatement(
                         "INSERT OR REPLACE INTO meta (name, value) VALUES ('compact_revision', ?)")) {
                superseded.setLong(1, revision);
                int rows = superseded.executeUpdate();
                tombstones.setLong(1, revision);
                rows += tombstones.executeUpdate();
                meta.setLong(1, revision);
                meta.executeUpdate();
                log.info("compacting to revision {}: {} rows deleted", revision, rows);
            }
            return revision;
        });
        compactRevision = Math.max(compactRevision, done);
    }

    /** Deletes keys whose TTL passed, as ordinary deletes (watchers see DELETE events). */
    private void reapExpired() {
        List<KeyValue> expired = new ArrayList<>();
        try {
            read(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT name, id FROM kv WHERE expires_at > 0"
                        + " AND expires_at <= ? AND deleted = 0"
                        + " AND id = (SELECT MAX(id) FROM kv newer WHERE newer.name = kv.name) LIMIT 1000")) {
                    st.setLong(1, System.currentTimeMillis());
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            expired.add(new KeyValue(Keys.string(rs.getBytes(1)), new byte[0], 0, rs.getLong(2)));
                        }
                    }
                }
                return null;
            });
            for (KeyValue kv : expired) {
                try {
                    delete(kv.key(), kv.modRevision());
                } catch (ConflictException | KeyNotFoundException e) {
                    // rewritten or deleted meanwhile: not ours to delete any more
                }
            }
        } catch (StorageException | RuntimeException e) {
            if (!closed) {
                log.warn("TTL reaper: {}", e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- watch

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) throws StorageException {
        Keys.prefix(prefix);
        Keys.fromRevision(fromRevision);
        ensureOpen();
        SqliteWatchers.Watcher[] self = new SqliteWatchers.Watcher[1];
        WatchDelivery delivery = new WatchDelivery("sqlite " + prefix, listener, () -> {
            if (self[0] != null) {
                watchers.remove(self[0]);
            }
        }, WatchDelivery.DEFAULT_MAX_PENDING_EVENTS);
        Watch watch = watchers.add(prefix, fromRevision, delivery, this::replay);
        self[0] = (SqliteWatchers.Watcher) watch;
        return watch;
    }

    /** Delivers the table's history under {@code prefix} for revisions [from, to], page by page. */
    private void replay(String prefix, long from, long to, WatchDelivery delivery) {
        byte[] start = Keys.prefix(prefix);
        byte[] end = Keys.prefixEnd(start);
        String sql = "SELECT r.id, r.name, r.create_revision, r.deleted, r.value, p.value FROM kv r"
                + " LEFT JOIN kv p ON p.id = r.prev_revision WHERE r.id >= ? AND r.id <= ? AND r.name >= ?"
                + (end == null ? "" : " AND r.name < ?") + " ORDER BY r.id LIMIT " + REPLAY_PAGE;
        long next = from;
        try {
            while (next <= to && !delivery.isEnded()) {
                long pageFrom = next;
                List<WatchEvent> page = read(c -> {
                    checkNotCompacted(c, pageFrom);
                    List<WatchEvent> events = new ArrayList<>();
                    try (PreparedStatement st = c.prepareStatement(sql)) {
                        st.setLong(1, pageFrom);
                        st.setLong(2, to);
                        st.setBytes(3, start);
                        if (end != null) {
                            st.setBytes(4, end);
                        }
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                boolean deleted = rs.getInt(4) != 0;
                                events.add(new WatchEvent(deleted ? WatchEvent.Type.DELETE : WatchEvent.Type.PUT,
                                        Keys.string(rs.getBytes(2)), deleted ? null : rs.getBytes(5), rs.getBytes(6),
                                        rs.getLong(1), rs.getLong(3)));
                            }
                        }
                    }
                    return events;
                });
                // On the delivery thread, ahead of the live events queued since: deliver at once.
                delivery.deliverNow(page);
                if (page.size() < REPLAY_PAGE) {
                    break;
                }
                next = page.getLast().revision() + 1;
            }
        } catch (StorageException e) {
            delivery.fail(e);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private interface ReadOp<T> {
        T apply(Connection connection) throws SQLException, StorageException;
    }

    private <T> T read(ReadOp<T> op) throws StorageException {
        ensureOpen();
        Connection c;
        try {
            c = readers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for a SQLite reader", e);
        }
        if (c == null) {
            throw new StorageTimeoutException("no SQLite reader free within " + timeout, null);
        }
        try {
            T result = op.apply(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw new StorageUnavailableException("SQLite read failed: " + e.getMessage(), e);
        } catch (StorageException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            readers.add(c);
        }
    }

    private <T> T write(SqliteWriter.Op<T> op) throws StorageException {
        ensureOpen();
        CompletableFuture<T> result = writer.submit(op);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException se) {
                throw se;
            }
            throw new StorageException("SQLite write failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new StorageTimeoutException("SQLite write not committed within " + timeout
                    + "; it may still be applied", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for a SQLite write", e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.warn("SQLite rollback failed: {}", e.toString());
        }
    }

    private void ensureOpen() throws StorageUnavailableException {
        if (closed) {
            throw new StorageUnavailableException("the SQLite storage in " + dataDir + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (compactor != null) {
            compactor.close();
        }
        reaper.shutdownNow();
        watchers.closeAll();
        writer.close();
        closeQuietly();
        log.info("closed SQLite storage in {}", dataDir);
    }

    private void closeQuietly() {
        for (Connection c : allReaders) {
            try {
                c.close();
            } catch (SQLException e) {
                log.warn("closing a SQLite reader: {}", e.toString());
            }
        }
        try {
            if (writeConnection != null) {
                writeConnection.close();
            }
            lockChannel.close();
        } catch (SQLException | IOException e) {
            log.warn("closing SQLite storage: {}", e.toString());
        }
    }
}
