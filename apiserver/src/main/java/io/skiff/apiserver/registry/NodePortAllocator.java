package io.skiff.apiserver.registry;

import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import java.util.HashSet;
import java.util.Set;

/**
 * Node ports of NodePort and LoadBalancer services from {@code --service-node-port-range}
 * ({@code 30000-32767}), kept as a {@link RangeAllocator} under
 * {@code <root>/ranges/servicenodeports/<port>}: a port is taken by one service, whatever the protocol.
 */
public final class NodePortAllocator {
    public static final String DEFAULT_RANGE = "30000-32767";

    private final String range;
    private final RangeAllocator pool;

    public NodePortAllocator(Storage storage, RegistryKeys keys, String range) {
        this.range = range;
        int[] bounds = parseRange(range);
        this.pool = new RangeAllocator(storage, keys.rangePrefix("servicenodeports"), "nodePort", bounds[0],
                bounds[1] - bounds[0] + 1, Long::toString);
    }

    /**
     * The first and last port of a range like {@code 30000-32767}; anything else is an
     * {@link IllegalArgumentException} naming the flag (the commands check their flag with it
     * before opening any storage).
     */
    public static int[] parseRange(String range) {
        String[] parts = range.split("-", -1);
        int min = parts.length == 2 ? parsePort(parts[0]) : -1;
        int max = parts.length == 2 ? parsePort(parts[1]) : -1;
        if (min < 1 || max < min) {
            throw new IllegalArgumentException(
                    "--service-node-port-range is a port range like " + DEFAULT_RANGE + ", got " + range);
        }
        return new int[] {min, max};
    }

    /** {@code 30000-32767}, as Kubernetes prints it in errors. */
    public String range() {
        return range;
    }

    public boolean contains(long port) {
        return pool.contains(port);
    }

    public int allocateNext(String owner) throws RangeFullException, StorageException {
        return (int) pool.allocateNext(owner);
    }

    /** A free port not in {@code excluding}, reserving nothing (dry run). */
    public int peekFree(Set<Integer> excluding) throws RangeFullException, StorageException {
        Set<Long> exclude = new HashSet<>();
        excluding.forEach(p -> exclude.add((long) p));
        return (int) pool.peekFree(exclude);
    }

    public boolean allocate(int port, String owner) throws StorageException {
        return pool.allocate(port, owner);
    }

    public boolean isAllocated(int port) throws StorageException {
        return pool.isAllocated(port);
    }

    public void release(int port) {
        pool.release(port);
    }

    /** The pool itself, for the {@link RangeRepair}. */
    RangeAllocator pool() {
        return pool;
    }

    private static int parsePort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int p = Integer.parseInt(s);
        return p > 65535 ? -1 : p;
    }
}
