package io.skiff.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.storage.KeyValue;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageContractTest;
import io.skiff.storage.StorageOptions;
import io.skiff.storage.StorageUnavailableException;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the embedded SQLite store, plus what only a file-backed store has. */
class SqliteStorageTest extends StorageContractTest {
    @TempDir
    Path dataDir;

    @Override
    protected Storage openStorage() throws Exception {
        return SqliteStorage.open(StorageOptions.sqlite(dataDir).withCompactionRetention(Duration.ZERO));
    }

    @Override
    protected Storage compactableStorage() {
        return storage; // a temp directory of this test's own
    }

    @Override
    protected Storage openCompacting(Duration retention) throws Exception {
        return SqliteStorage.open(StorageOptions.sqlite(dataDir.resolve("compacting"))
                .withCompactionRetention(retention));
    }

    @Test
    void reopeningKeepsDataRevisionsAndTheCompactionPoint() throws Exception {
        KeyValue a = storage.create(prefix + "a", bytes("a1"));
        KeyValue a2 = storage.update(prefix + "a", bytes("a2"), a.modRevision());
        storage.compact(a2.modRevision());
        KeyValue b = storage.create(prefix + "b", bytes("b"));
        storage.delete(prefix + "b", b.modRevision());
        long revision = storage.currentRevision();
        storage.close();

        storage = openStorage();
        assertThat(storage.currentRevision()).isEqualTo(revision);
        assertThat(storage.get(prefix + "a")).contains(a2);
        assertThat(storage.get(prefix + "b")).isEmpty();
        KeyValue next = storage.create(prefix + "c", bytes("c"));
        assertThat(next.modRevision()).isEqualTo(revision + 1);
        var collector = new io.skiff.storage.EventCollector();
        try (var ignored = storage.watch(prefix, a.modRevision(), collector)) {
            assertThat(collector.awaitError(WAIT)).isInstanceOf(io.skiff.storage.TooOldRevisionException.class);
        }
    }

    @Test
    void aSecondStoreOnTheSameDataDirectoryIsRefused() {
        assertThatThrownBy(this::openStorage).isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("in use");
    }

    @Test
    void anEmptyStoreIsAtRevisionOne() throws Exception {
        // like etcd: a list of an empty store never answers revision 0, which clients read as "any"
        assertThat(storage.currentRevision()).isEqualTo(1);
        assertThat(storage.list("").revision()).isEqualTo(1);
        assertThat(storage.create(prefix + "x", bytes("x")).modRevision()).isEqualTo(2);
    }
}
