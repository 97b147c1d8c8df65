package io.skiff.controller.testing;

import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ListMeta;
import io.skiff.client.ListOptions;
import io.skiff.client.Watch;
import io.skiff.client.informer.ListerWatcher;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A seam fake for unit tests of controller logic: the informer lists {@code initial} and then
 * watches what the test {@link #emit}s, so a test decides exactly when the "watch catches up".
 */
public final class FakeListerWatcher<T extends KubeObject> implements ListerWatcher<T> {
    private final List<T> initial;
    private final BlockingQueue<Watch.Event<T>> events = new LinkedBlockingQueue<>();

    public FakeListerWatcher(List<T> initial) {
        this.initial = List.copyOf(initial);
    }

    public void emit(Watch.EventType type, T obj) {
        events.add(new Watch.Event<>(type, obj, null));
    }

    @Override
    public KubeList<T> list() {
        return new KubeList<>("v1", "List", new ListMeta("1", null, null), initial);
    }

    @Override
    public Watch<T> watch(ListOptions options) {
        return new Watch<>() {
            private volatile boolean closed;

            @Override
            public Event<T> next() {
                while (!closed) {
                    try {
                        Event<T> e = events.poll(50, TimeUnit.MILLISECONDS);
                        if (e != null) {
                            return e;
                        }
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }
                return null;
            }

            @Override
            public boolean isClosed() {
                return closed;
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }
}
