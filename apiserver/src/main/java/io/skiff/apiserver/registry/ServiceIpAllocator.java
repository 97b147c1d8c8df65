package io.skiff.apiserver.registry;

import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;

/**
 * Cluster IPs of services from {@code --service-cluster-ip-range} (IPv4 CIDR), kept as a
 * {@link RangeAllocator} under {@code <root>/ranges/serviceips/<ip>}. The network and broadcast
 * addresses are never used.
 */
public final class ServiceIpAllocator {
    public static final String DEFAULT_RANGE = "10.0.0.0/24";

    private final String cidr;
    private final RangeAllocator pool;

    public ServiceIpAllocator(Storage storage, RegistryKeys keys, String cidr) {
        this.cidr = cidr;
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("--service-cluster-ip-range is an IPv4 CIDR like 10.0.0.0/24, got " + cidr);
        }
        long ip = parse(cidr.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (ip < 0 || bits < 8 || bits > 30) {
            throw new IllegalArgumentException("--service-cluster-ip-range is an IPv4 CIDR from /8 to /30, got " + cidr);
        }
        long size = 1L << (32 - bits);
        long network = ip & ~(size - 1);
        this.pool = new RangeAllocator(storage, keys.rangePrefix("serviceips"), "serviceIP", network + 1,
                size - 2, ServiceIpAllocator::format);
    }

    public String range() {
        return cidr;
    }

    /** Whether {@code ip} is a usable address of the range. */
    public boolean contains(String ip) {
        long v = parse(ip);
        return v >= 0 && pool.contains(v);
    }

    /** Reserves a free IP for {@code owner} ({@code namespace/name}). */
    public String allocateNext(String owner) throws RangeFullException, StorageException {
        return format(pool.allocateNext(owner));
    }

    /** A free IP, reserving nothing (dry run). */
    public String peekFree() throws RangeFullException, StorageException {
        return format(pool.peekFree(java.util.Set.of()));
    }

    /** Reserves a requested IP of the range; false when it is already allocated. */
    public boolean allocate(String ip, String owner) throws StorageException {
        return pool.allocate(parse(ip), owner);
    }

    public boolean isAllocated(String ip) throws StorageException {
        return pool.isAllocated(parse(ip));
    }

    /** Frees an IP of the range; failures are logged, not thrown. */
    public void release(String ip) {
        pool.release(parse(ip));
    }

    /** The pool itself, for the {@link RangeRepair}. */
    RangeAllocator pool() {
        return pool;
    }

    static long parse(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
