package io.skiff.client;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a read-modify-write until it does not meet a 409 Conflict, as client-go's
 * {@code retry.RetryOnConflict}: jittered exponential back-off from 5 ms up to 100 ms between
 * attempts, for at most a time budget (not a number of attempts: under heavy contention on
 * one object, each round lets only one writer through, so the number of attempts a writer
 * needs grows with the number of writers).
 */
public final class RetryOnConflict {
    private static final Logger log = LoggerFactory.getLogger(RetryOnConflict.class);

    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);
    private static final long FIRST_DELAY_NANOS = Duration.ofMillis(5).toNanos();
    private static final long MAX_DELAY_NANOS = Duration.ofMillis(100).toNanos();

    private RetryOnConflict() {}

    /**
     * Calls {@code attempt} until it returns without an {@link ApiException#isConflict()}
     * conflict, and returns its result; past {@code maxWait} the last conflict is thrown.
     * Other errors are thrown at once.
     */
    public static <R> R run(Duration maxWait, Supplier<R> attempt) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long delay = FIRST_DELAY_NANOS;
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (ApiException e) {
                if (!e.isConflict()) {
                    throw e;
                }
                long sleep = ThreadLocalRandom.current().nextLong(delay / 2, delay + 1);
                if (System.nanoTime() + sleep > deadline) {
                    log.debug("giving up after {} conflicting attempts in {}", attempts, maxWait);
                    throw e;
                }
                sleepNanos(sleep);
                delay = Math.min(delay * 2, MAX_DELAY_NANOS);
            }
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while retrying on conflict");
        }
    }
}
