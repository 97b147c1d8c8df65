package io.skiff.client.informer;

import java.util.function.Consumer;

/**
 * What an informer tells its handlers, in the order it learned it, on the handler's own thread.
 * Handlers must be quick (a controller only enqueues a key); objects are immutable records,
 * shared with the cache: never modify what is inside them.
 */
public interface ResourceEventHandler<T> {
    /** A new object, or one already there when the handler was added (the initial list). */
    default void onAdd(T obj) {}

    /**
     * A changed object; {@code oldObj == newObj} on a periodic resync, which re-delivers every
     * cached object so a missed or failed reaction gets another chance.
     */
    default void onUpdate(T oldObj, T newObj) {}

    /**
     * A deleted object. {@code finalStateUnknown} is true when the delete was found by relisting
     * after a disconnect or a 410: {@code obj} is then the last state the cache knew, not the
     * state at deletion.
     */
    default void onDelete(T obj, boolean finalStateUnknown) {}

    /** A handler that calls {@code action} with the newest object on every add, update and delete. */
    static <T> ResourceEventHandler<T> onAnyChange(Consumer<? super T> action) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                action.accept(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                action.accept(newObj);
            }

            @Override
            public void onDelete(T obj, boolean finalStateUnknown) {
                action.accept(obj);
            }
        };
    }
}
