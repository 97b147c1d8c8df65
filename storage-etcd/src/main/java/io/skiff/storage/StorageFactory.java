package io.skiff.storage;

import io.skiff.storage.etcd.EtcdStorage;
import io.skiff.storage.sqlite.SqliteStorage;

/** Opens the storage the flags name: etcd for {@code --etcd-servers}, SQLite for {@code --data-dir}. */
public final class StorageFactory {
    private StorageFactory() {}

    public static Storage open(StorageOptions options) throws StorageException {
        return options.dataDir() != null ? SqliteStorage.open(options) : EtcdStorage.open(options);
    }
}
