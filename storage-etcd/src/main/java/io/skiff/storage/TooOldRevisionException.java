package io.skiff.storage;

/**
 * The revision asked for (a watch start, a list continuation) has been compacted away. The
 * apiserver answers 410 Expired; the client relists.
 */
public final class TooOldRevisionException extends StorageException {
    private final long requestedRevision;
    private final long compactRevision;

    /** @param compactRevision the oldest revision still available, or 0 when the backend did not say */
    public TooOldRevisionException(long requestedRevision, long compactRevision) {
        super("revision " + requestedRevision + " is older than the compacted revision"
                + (compactRevision > 0 ? " " + compactRevision : ""));
        this.requestedRevision = requestedRevision;
        this.compactRevision = compactRevision;
    }

    public long requestedRevision() {
        return requestedRevision;
    }

    /** The oldest revision still available, or 0 when unknown. */
    public long compactRevision() {
        return compactRevision;
    }
}
