package io.skiff.kubelet.config;

import io.skiff.api.core.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pods this node should run, merged from its sources (the apiserver, the manifest directory)
 * and keyed by uid. It tells its listener when a pod appears or its desired state changes (spec,
 * labels, annotations, deletion; not a status write, which is the kubelet's own echo) and when a
 * pod is gone. Sources report whether they have delivered their first complete view: until all
 * have, nobody may conclude that a container belongs to no pod.
 */
public final class PodConfig {

    public enum Source { API, FILE }

    /** Told of every change, in order, under the config's lock: implementations only hand work on. */
    public interface Listener {
        void podUpdated(Pod pod);

        void podRemoved(Pod pod);
    }

    private record Entry(Pod pod, Source source) {}

    private final Listener listener;
    private final Set<Source> expected;
    private final Set<Source> ready = EnumSet.noneOf(Source.class);
    private final Map<String, Entry> pods = new HashMap<>();

    public PodConfig(Listener listener, Set<Source> expected) {
        this.listener = listener;
        this.expected = expected.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(expected);
    }

    public synchronized void set(Source source, Pod pod) {
        String uid = pod.metadata().uid();
        Entry before = pods.put(uid, new Entry(pod, source));
        if (before == null || !desiredState(before.pod()).equals(desiredState(pod))) {
            listener.podUpdated(pod);
        }
    }

    public synchronized void remove(Source source, String uid) {
        Entry e = pods.get(uid);
        if (e != null && e.source() == source) {
            pods.remove(uid);
            listener.podRemoved(e.pod());
        }
    }

    /** Makes the pods of one source exactly {@code current}: the others of that source are removed. */
    public synchronized void replaceAll(Source source, Collection<Pod> current) {
        Set<String> keep = new java.util.HashSet<>();
        current.forEach(p -> keep.add(p.metadata().uid()));
        for (Entry e : List.copyOf(pods.values())) {
            if (e.source() == source && !keep.contains(e.pod().metadata().uid())) {
                remove(source, e.pod().metadata().uid());
            }
        }
        current.forEach(p -> set(source, p));
    }

    public synchronized void markReady(Source source) {
        ready.add(source);
    }

    /** Whether every source has delivered its first complete view. */
    public synchronized boolean allSourcesReady() {
        return ready.containsAll(expected);
    }

    public synchronized List<Pod> pods() {
        List<Pod> all = new ArrayList<>(pods.size());
        pods.values().forEach(e -> all.add(e.pod()));
        return all;
    }

    public synchronized Set<String> uids() {
        return Set.copyOf(pods.keySet());
    }

    public synchronized Optional<Pod> get(String uid) {
        return Optional.ofNullable(pods.get(uid)).map(Entry::pod);
    }

    public synchronized Optional<Pod> find(String namespace, String name) {
        return pods.values().stream().map(Entry::pod)
                .filter(p -> namespace.equals(p.namespace()) && name.equals(p.name()))
                .findFirst();
    }

    public synchronized Optional<Source> sourceOf(String uid) {
        return Optional.ofNullable(pods.get(uid)).map(Entry::source);
    }

    /** A pod without what changes on every write (resourceVersion) or is written by this kubelet (status). */
    private static Pod desiredState(Pod pod) {
        return pod.withStatus(null).withMetadata(pod.metadata().withResourceVersion(null));
    }
}
