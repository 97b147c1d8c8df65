package io.skiff.storage.etcd;

import io.skiff.storage.KeyExistsException;
import io.skiff.storage.KeyValue;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageTimeoutException;
import io.skiff.storage.StorageUnavailableException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes numbered keys through a failure the way a careful client does: a create whose outcome is
 * unknown (timeout, member gone) is retried, and a retry that finds the key already there means
 * the first attempt was applied. Keeps the acknowledged keys with their revisions.
 */
final class ClusterWriter {
    private static final Logger log = LoggerFactory.getLogger(ClusterWriter.class);

    private final Storage storage;
    private final String dir;
    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger failedAttempts = new AtomicInteger();

    ClusterWriter(Storage storage, String dir) {
        this.storage = storage;
        this.dir = dir;
    }

    static byte[] valueOf(String key) {
        return ("value of " + key).getBytes(StandardCharsets.UTF_8);
    }

    /** Creates key number {@code i}, retrying for up to {@code patienceMillis}; false if it never got through. */
    boolean write(int i, long patienceMillis) throws Exception {
        String key = dir + String.format("%05d", i);
        long deadline = System.currentTimeMillis() + patienceMillis;
        while (System.currentTimeMillis() < deadline) {
            try {
                KeyValue kv = storage.create(key, valueOf(key));
                acknowledged.put(key, kv.modRevision());
                return true;
            } catch (KeyExistsException e) {
                acknowledged.put(key, e.existing().modRevision()); // an earlier, unanswered attempt was applied
                return true;
            } catch (StorageTimeoutException | StorageUnavailableException e) {
                failedAttempts.incrementAndGet();
                log.info("write {} failed ({}), retrying", key, e.getMessage());
                Thread.sleep(100);
            }
        }
        return false;
    }
}
