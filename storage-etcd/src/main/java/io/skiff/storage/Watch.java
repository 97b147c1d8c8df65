package io.skiff.storage;

/** A running watch. Closing it stops delivery; no listener call starts after close returns. */
public interface Watch extends AutoCloseable {
    @Override
    void close();
}
