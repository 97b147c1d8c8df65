package io.skiff.testing;

import io.skiff.api.meta.KubeObject;
import io.skiff.client.informer.Indexer;
import io.skiff.client.informer.ResourceEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ResourceEventHandler} for tests that records what it is told, as lines ({@code add ns/a@101}, {@code update ns/a@101->102},
 * {@code delete ns/a@102}, {@code delete? ns/a@101} for a final state unknown, {@code resync ns/a@102}),
 * and the view of the world a controller would build from them.
 */
public class RecordingHandler<T extends KubeObject> implements ResourceEventHandler<T> {
    private final List<String> events = new ArrayList<>();
    private final Map<String, String> view = new ConcurrentHashMap<>();

    @Override
    public synchronized void onAdd(T obj) {
        if (view.putIfAbsent(Indexer.keyOf(obj), rv(obj)) != null) {
            events.add("DUPLICATE add " + Indexer.keyOf(obj));
        }
        events.add("add " + Indexer.keyOf(obj) + "@" + rv(obj));
    }

    @Override
    public synchronized void onUpdate(T oldObj, T newObj) {
        if (oldObj == newObj) {
            events.add("resync " + Indexer.keyOf(newObj) + "@" + rv(newObj));
            return;
        }
        if (view.put(Indexer.keyOf(newObj), rv(newObj)) == null) {
            events.add("UNKNOWN update " + Indexer.keyOf(newObj));
        }
        events.add("update " + Indexer.keyOf(newObj) + "@" + rv(oldObj) + "->" + rv(newObj));
    }

    @Override
    public synchronized void onDelete(T obj, boolean finalStateUnknown) {
        if (view.remove(Indexer.keyOf(obj)) == null) {
            events.add("UNKNOWN delete " + Indexer.keyOf(obj));
        }
        events.add((finalStateUnknown ? "delete? " : "delete ") + Indexer.keyOf(obj) + "@" + rv(obj));
    }

    public synchronized List<String> events() {
        return new ArrayList<>(events);
    }

    public synchronized List<String> eventsWithout(String prefix) {
        return events.stream().filter(e -> !e.startsWith(prefix)).toList();
    }

    /** key -> resourceVersion, as the handler saw the world. */
    public Map<String, String> view() {
        return Map.copyOf(view);
    }

    public synchronized void clear() {
        events.clear();
    }

    private static String rv(KubeObject o) {
        return o.metadata().resourceVersion();
    }
}
