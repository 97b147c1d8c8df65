package io.skiff.storage.etcd;

import io.etcd.jetcd.Lease;
import io.skiff.storage.StorageException;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Leases for keys with a TTL. Granting one lease per key would cost a round trip and a lease per
 * event, so, as the Kubernetes apiserver does, keys asking for the same TTL share a lease for a
 * short reuse window: the lease is granted for TTL + window, so each key lives between TTL and
 * TTL + window (window = 5% of the TTL, at most a minute).
 */
final class EtcdLeases {
    private record Granted(long id, long grantedAtNanos, long windowNanos) {}

    private final Lease lease;
    private final Duration timeout;
    private final ConcurrentMap<Long, Granted> byTtl = new ConcurrentHashMap<>();

    EtcdLeases(Lease lease, Duration timeout) {
        this.lease = lease;
        this.timeout = timeout;
    }

    /** A lease that keeps a key at least {@code ttlSeconds}. */
    long leaseFor(long ttlSeconds) throws StorageException {
        long now = System.nanoTime();
        Granted current = byTtl.get(ttlSeconds);
        if (current != null && now - current.grantedAtNanos < current.windowNanos) {
            return current.id;
        }
        long windowSeconds = Math.min(60, ttlSeconds / 20);
        long id = EtcdErrors.await(lease.grant(ttlSeconds + windowSeconds), timeout, "lease grant").getID();
        byTtl.put(ttlSeconds, new Granted(id, now, Duration.ofSeconds(windowSeconds).toNanos()));
        return id;
    }

    /** Drops a lease etcd no longer knows, so the next key gets a fresh one. */
    void forget(long ttlSeconds) {
        byTtl.remove(ttlSeconds);
    }
}
