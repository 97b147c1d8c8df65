package io.skiff.apiserver.registry;

import io.skiff.storage.KeyExistsException;
import io.skiff.storage.KeyNotFoundException;
import io.skiff.storage.KeyValue;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster IPs of services from {@code --service-cluster-ip-range} (IPv4 CIDR). Each allocated IP
 * is a key {@code <root>/ranges/serviceips/<ip>} created with create-if-absent, so two apiservers
 * on one etcd can never hand out the same IP. The network and broadcast addresses are never used.
 */
public final class ServiceIpAllocator {
    public static final String DEFAULT_RANGE = "10.0.0.0/24";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceIpAllocator.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Storage storage;
    private final String prefix;
    private final String cidr;
    private final long network;
    private final long size;

    public ServiceIpAllocator(Storage storage, RegistryKeys keys, String cidr) {
        this.storage = storage;
        this.prefix = keys.rangePrefix("serviceips");
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
        this.size = 1L << (32 - bits);
        this.network = ip & ~(size - 1);
    }

    public String range() {
        return cidr;
    }

    /** Whether {@code ip} is a usable address of the range. */
    public boolean contains(String ip) {
        long v = parse(ip);
        return v > network && v < network + size - 1;
    }

    /** Reserves a free IP for {@code owner} ({@code namespace/name}). */
    public String allocateNext(String owner) throws RangeFullException, StorageException {
        for (int round = 0; round < 3; round++) {
            Set<String> taken = new HashSet<>();
            for (KeyValue kv : storage.list(prefix).items()) {
                taken.add(kv.key().substring(prefix.length()));
            }
            List<String> free = new ArrayList<>();
            long start = 1 + (long) (RANDOM.nextDouble() * (size - 2));
            for (long i = 0; i < size - 2 && free.size() < 16; i++) {
                String candidate = format(network + 1 + (start - 1 + i) % (size - 2));
                if (!taken.contains(candidate)) {
                    free.add(candidate);
                }
            }
            if (free.isEmpty()) {
                break;
            }
            for (String candidate : free) {
                try {
                    storage.create(prefix + candidate, owner.getBytes(StandardCharsets.UTF_8));
                    return candidate;
                } catch (KeyExistsException e) {
                    // taken since the listing: try the next one
                }
            }
        }
        throw new RangeFullException(cidr);
    }

    /** Reserves a requested IP; false when it is already allocated. */
    public boolean allocate(String ip, String owner) throws StorageException {
        try {
            storage.create(prefix + ip, owner.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (KeyExistsException e) {
            return false;
        }
    }

    /** Frees an IP; failures are logged, not thrown: the object is already gone. */
    public void release(String ip) {
        try {
            storage.delete(prefix + ip, 0);
        } catch (KeyNotFoundException e) {
            // already free
        } catch (StorageException e) {
            LOG.warn("could not release service IP {}: {}", ip, e.getMessage());
        }
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

    /** Every IP of the range is allocated. */
    public static final class RangeFullException extends Exception {
        public RangeFullException(String cidr) {
            super("range is full: no free IP in " + cidr);
        }
    }
}
