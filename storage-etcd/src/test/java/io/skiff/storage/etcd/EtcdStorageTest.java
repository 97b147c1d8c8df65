package io.skiff.storage.etcd;

import io.skiff.storage.EtcdProcess;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageContractTest;
import io.skiff.storage.StorageOptions;
import io.skiff.testing.TestEnvironment;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;

/**
 * The storage contract on the real etcd that {@code scripts/test-deps} runs (shared, so every test
 * keeps to a prefix of its own). Compaction is global in etcd, so that one test runs on an etcd
 * process this class starts for itself.
 */
class EtcdStorageTest extends StorageContractTest {
    private static EtcdProcess ownEtcd;
    private static Storage ownStorage;

    @Override
    protected Storage openStorage() throws Exception {
        // no periodic compaction: the shared etcd's history belongs to everyone using it
        return EtcdStorage.open(StorageOptions.etcd(TestEnvironment.etcd()).withCompactionRetention(Duration.ZERO));
    }

    @Override
    protected Storage compactableStorage() throws Exception {
        if (ownStorage == null) {
            ownStorage = EtcdStorage.open(StorageOptions.etcd(ownEtcd().clientUrls())
                    .withCompactionRetention(Duration.ZERO));
        }
        return ownStorage;
    }

    @Override
    protected Storage openCompacting(Duration retention) throws Exception {
        return EtcdStorage.open(StorageOptions.etcd(ownEtcd().clientUrls()).withCompactionRetention(retention));
    }

    private static EtcdProcess ownEtcd() {
        if (ownEtcd == null) {
            ownEtcd = EtcdProcess.start(1);
        }
        return ownEtcd;
    }

    @AfterAll
    static void stopOwnEtcd() {
        if (ownStorage != null) {
            ownStorage.close();
        }
        if (ownEtcd != null) {
            ownEtcd.close();
        }
    }
}
