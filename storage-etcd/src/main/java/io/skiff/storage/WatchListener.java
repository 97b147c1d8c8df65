package io.skiff.storage;

import java.util.List;

/**
 * Receives a watch's events. Calls come from one thread per watch, never concurrently, in
 * revision order. A listener should return quickly: events queue behind it, and a watch whose
 * queue grows past its bound is ended with an error.
 */
public interface WatchListener {
    /** A non-empty batch of events, revisions strictly increasing across all batches. */
    void onEvents(List<WatchEvent> events);

    /**
     * The watch ended and delivers nothing more: {@link TooOldRevisionException} when the start
     * revision was compacted, otherwise another {@link StorageException}. Re-watch from the last
     * revision seen + 1 (or relist on TooOldRevision).
     */
    void onError(StorageException error);
}
