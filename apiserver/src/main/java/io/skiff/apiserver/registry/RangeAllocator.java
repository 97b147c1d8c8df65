package io.skiff.apiserver.registry;

import io.skiff.storage.ConflictException;
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
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the numbers {@code first .. first+size-1} of a shared pool (service cluster IPs,
 * node ports). Each allocated number is a key {@code <prefix><formatted number>} created with
 * create-if-absent, so two requests — on one apiserver or on several sharing an etcd — can never
 * both get the same number: of two creates of one key, storage lets exactly one succeed.
 */
final class RangeAllocator {
    private static final Logger LOG = LoggerFactory.getLogger(RangeAllocator.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Candidates tried per listing; a lost race on each just moves to the next. */
    private static final int CANDIDATES = 16;

    private final Storage storage;
    private final String prefix;
    /** What the range hands out, as errors name it ({@code serviceIP}, {@code nodePort}). */
    private final String what;
    private final long first;
    private final long size;
    private final LongFunction<String> format;

    RangeAllocator(Storage storage, String prefix, String what, long first, long size, LongFunction<String> format) {
        this.storage = storage;
        this.prefix = prefix;
        this.what = what;
        this.first = first;
        this.size = size;
        this.format = format;
    }

    boolean contains(long v) {
        return v >= first && v < first + size;
    }

    /** Reserves a free number for {@code owner}. */
    long allocateNext(String owner) throws RangeFullException, StorageException {
        for (int round = 0; round < 3; round++) {
            List<Long> free = freeCandidates();
            if (free.isEmpty()) {
                break;
            }
            for (long candidate : free) {
                if (allocate(candidate, owner)) {
                    return candidate;
                }
                // taken since the listing: try the next one
            }
        }
        throw new RangeFullException(what);
    }

    /** A number free right now and not in {@code excluding}, reserving nothing (a dry run's answer). */
    long peekFree(Set<Long> excluding) throws RangeFullException, StorageException {
        OptionalLong free = freeCandidates().stream().filter(v -> !excluding.contains(v)).mapToLong(Long::longValue)
                .findFirst();
        if (free.isEmpty()) {
            throw new RangeFullException(what);
        }
        return free.getAsLong();
    }

    /** Reserves {@code v}; false when it is already allocated. */
    boolean allocate(long v, String owner) throws StorageException {
        return reserve(v, owner) != null;
    }

    /** Reserves {@code v} and returns its key, or null when it is already allocated. */
    KeyValue reserve(long v, String owner) throws StorageException {
        try {
            return storage.create(prefix + format.apply(v), owner.getBytes(StandardCharsets.UTF_8));
        } catch (KeyExistsException e) {
            return null;
        }
    }

    boolean isAllocated(long v) throws StorageException {
        return storage.get(prefix + format.apply(v)).isPresent();
    }

    /** Frees {@code v}; failures are logged, not thrown: the object that held it is already gone. */
    void release(long v) {
        try {
            storage.delete(prefix + format.apply(v), 0);
        } catch (KeyNotFoundException e) {
            // already free
        } catch (StorageException e) {
            LOG.warn("could not release {}{}: {}", prefix, format.apply(v), e.getMessage());
        }
    }

    /** Every reservation key, by its item (the formatted number), as of one revision. */
    Map<String, KeyValue> reservations() throws StorageException {
        Map<String, KeyValue> out = new TreeMap<>();
        for (KeyValue kv : storage.list(prefix).items()) {
            out.put(kv.key().substring(prefix.length()), kv);
        }
        return out;
    }

    /**
     * Frees the reservation {@code seen} only if its key is still that very write (same
     * modRevision): false when it was released, or released and re-reserved, since.
     */
    boolean releaseIfUnchanged(KeyValue seen) throws StorageException {
        try {
            storage.delete(seen.key(), seen.modRevision());
            return true;
        } catch (ConflictException | KeyNotFoundException e) {
            return false;
        }
    }

    /** {@code <root>/ranges/<range>/}: every key of the pool starts with it. */
    String prefix() {
        return prefix;
    }

    /** The key item of {@code v}: what follows the prefix. */
    String item(long v) {
        return format.apply(v);
    }

    /** Up to {@link #CANDIDATES} free numbers from a random start, so concurrent allocators rarely collide. */
    private List<Long> freeCandidates() throws StorageException {
        Set<String> taken = new HashSet<>();
        for (KeyValue kv : storage.list(prefix).items()) {
            taken.add(kv.key().substring(prefix.length()));
        }
        List<Long> free = new ArrayList<>();
        long start = (long) (RANDOM.nextDouble() * size);
        for (long i = 0; i < size && free.size() < CANDIDATES; i++) {
            long candidate = first + (start + i) % size;
            if (!taken.contains(format.apply(candidate))) {
                free.add(candidate);
            }
        }
        return free;
    }
}
