package io.skiff.client.informer;

import io.skiff.api.meta.KubeObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The informer's in-memory cache, as client-go's {@code cache.Indexer}: objects by
 * {@code namespace/name} key (just {@code name} for cluster-scoped kinds), and named indexes
 * from an index value (a namespace, a node name, an owner uid) to the keys whose object yields
 * it. Thread-safe: many readers, one writer at a time. The informer is its only writer; readers
 * (listers in controllers) get immutable objects and copies of the key sets.
 */
public final class Indexer<T extends KubeObject> {
    /** Index function: the values an object is indexed under (empty: not indexed). */
    public interface IndexFunction<T> extends Function<T, Collection<String>> {}

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, T> items = new HashMap<>();
    private final Map<String, IndexFunction<T>> indexers = new HashMap<>();
    /** index name -> index value -> keys. */
    private final Map<String, Map<String, Set<String>>> indices = new HashMap<>();

    /** {@code namespace/name}, or {@code name} when there is no namespace. */
    public static String keyOf(KubeObject obj) {
        return key(obj.namespace(), obj.name());
    }

    public static String key(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** Adds an index; existing objects are indexed at once. Replaces an index of the same name. */
    public void addIndex(String name, IndexFunction<T> function) {
        lock.writeLock().lock();
        try {
            indexers.put(name, function);
            Map<String, Set<String>> index = new HashMap<>();
            indices.put(name, index);
            items.forEach((key, obj) -> addToIndex(index, function, key, obj));
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Set<String> indexNames() {
        lock.readLock().lock();
        try {
            return Set.copyOf(indexers.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- reads ----------------------------------------------------------------------------

    public Optional<T> get(String key) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(items.get(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<T> get(String namespace, String name) {
        return get(key(namespace, name));
    }

    public List<T> list() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(items.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    public Set<String> keys() {
        lock.readLock().lock();
        try {
            return new HashSet<>(items.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return items.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The objects indexed under {@code value} by the index {@code indexName}. */
    public List<T> byIndex(String indexName, String value) {
        lock.readLock().lock();
        try {
            Set<String> keys = index(indexName).getOrDefault(value, Set.of());
            List<T> out = new ArrayList<>(keys.size());
            for (String k : keys) {
                out.add(items.get(k));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    public Set<String> indexKeys(String indexName, String value) {
        lock.readLock().lock();
        try {
            return new HashSet<>(index(indexName).getOrDefault(value, Set.of()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The values present in an index (e.g. every node that has pods). */
    public Set<String> indexValues(String indexName) {
        lock.readLock().lock();
        try {
            return new HashSet<>(index(indexName).keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- writes (the informer's) ----------------------------------------------------------

    /** Stores the object under its key; returns what it replaced, or null. */
    public T put(T obj) {
        String key = keyOf(obj);
        lock.writeLock().lock();
        try {
            T old = items.put(key, obj);
            if (old != null) {
                removeFromIndices(key, old);
            }
            indexers.forEach((name, fn) -> addToIndex(indices.get(name), fn, key, obj));
            return old;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the object with this key; returns it, or null. */
    public T remove(String key) {
        lock.writeLock().lock();
        try {
            T old = items.remove(key);
            if (old != null) {
                removeFromIndices(key, old);
            }
            return old;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Map<String, Set<String>> index(String name) {
        Map<String, Set<String>> index = indices.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no index named \"" + name + "\"; have " + indexers.keySet());
        }
        return index;
    }

    private void removeFromIndices(String key, T old) {
        indexers.forEach((name, fn) -> {
            Map<String, Set<String>> index = indices.get(name);
            for (String v : values(fn, old)) {
                Set<String> keys = index.get(v);
                if (keys != null) {
                    keys.remove(key);
                    if (keys.isEmpty()) {
                        index.remove(v);
                    }
                }
            }
        });
    }

    private void addToIndex(Map<String, Set<String>> index, IndexFunction<T> fn, String key, T obj) {
        for (String v : values(fn, obj)) {
            index.computeIfAbsent(v, x -> new HashSet<>()).add(key);
        }
    }

    private Collection<String> values(IndexFunction<T> fn, T obj) {
        Collection<String> v = fn.apply(obj);
        return v == null ? List.of() : v;
    }
}
