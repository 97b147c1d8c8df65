package io.skiff.cli.command;

import io.skiff.api.meta.KubeObject;
import io.skiff.client.ResourceClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Waiting for an object to be gone: polled, bounded by a deadline, interruptible. */
public final class Waits {
    private static final Duration POLL = Duration.ofMillis(200);

    private Waits() {}

    /**
     * Waits until {@code name} no longer exists, or exists with another uid (deleted and made
     * again, as a replication controller's pod may be). Returns false at the deadline.
     */
    public static <T extends KubeObject> boolean untilGone(ResourceClient<T> client, String name, String uid,
            Instant deadline)
            throws InterruptedException {
        while (true) {
            Optional<T> now = client.find(name);
            if (now.isEmpty() || (uid != null && !uid.equals(now.get().metadataOrEmpty().uid()))) {
                return true;
            }
            if (!Instant.now().isBefore(deadline)) {
                return false;
            }
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
        }
    }

    /** kubectl's durations: {@code 30s}, {@code 2m}, {@code 1h}, {@code 500ms}, or a number of seconds. */
    public static Duration parse(String flag, String text) {
        try {
            return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException("invalid " + flag + " \"" + text
                    + "\": give a number of seconds or a duration like 30s, 500ms, 2m, 1h");
        }
    }
}
