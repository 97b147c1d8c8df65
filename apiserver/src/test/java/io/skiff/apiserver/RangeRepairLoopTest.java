package io.skiff.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.apiserver.testing.ForwardingStorage;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.storage.ListResult;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The apiserver's range repair loop: its first pass must succeed before the server serves; later
 * passes run on the interval, outlive storage failures, and end with the server.
 */
class RangeRepairLoopTest {
    private static final Duration INTERVAL = Duration.ofMillis(100);

    /** The first pass reads the reservation keys (a storage error), then the Services (an API error). */
    @ParameterizedTest
    @ValueSource(strings = {"/ranges/", "/services/"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFirstPassThatFailsStopsTheStart(String failingPrefix) {
        AtomicInteger refused = new AtomicInteger();
        assertThatThrownBy(() -> TestApiServer.sqlite()
                .config(c -> c.withStorage(new FailingLists(c.storage(), failingPrefix, new AtomicBoolean(true), refused)))
                .builder(b -> b.rangeRepairInterval(INTERVAL)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the first repair of the service IP and node port ranges failed, so the"
                        + " apiserver does not serve")
                .hasMessageContaining("injected: storage unavailable");
        // the watch cache's first list of Services may have been refused too (it retries on its own)
        assertThat(refused.get()).as("lists of %s refused", failingPrefix).isPositive();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theLoopFreesALeakOnceStorageAnswersAndStopsWithTheServer() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(false);
        AtomicInteger refused = new AtomicInteger();
        try (TestApiServer api = TestApiServer.sqlite()
                .config(c -> c.withStorage(new FailingLists(c.storage(), "/ranges/", failing, refused)))
                .builder(b -> b.rangeRepairInterval(INTERVAL)).start()) {
            failing.set(true);
            String leaked = leak(api, "10.0.0.77");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() >= 3);
            assertThat(api.storage().get(leaked)).as("nothing freed while the ranges cannot be read").isPresent();

            failing.set(false);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.storage().get(leaked).isEmpty());

            api.server().close();
            String afterClose = leak(api, "10.0.0.78");
            Thread.sleep(INTERVAL.multipliedBy(10)); // ten intervals: two passes would free it if the loop still ran
            assertThat(api.storage().get(afterClose)).as("no pass after close").isPresent();
        }
    }

    @Test
    void theIntervalMustBePositive() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> TestApiServer.sqlite().builder(b -> b.rangeRepairInterval(bad)).start())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the range repair interval must be positive, got " + bad);
        }
    }

    /** A reservation with no Service, as a create that died before storing leaves it. */
    private static String leak(TestApiServer api, String ip) throws StorageException {
        String key = api.server().config().registryRoot() + "/ranges/serviceips/" + ip;
        api.storage().create(key, "default/ghost".getBytes(StandardCharsets.UTF_8));
        return key;
    }

    /** A storage whose lists of keys under {@code failingPrefix} fail while {@code failing} is set: a seam for an unavailable store. */
    record FailingLists(Storage delegate, String failingPrefix, AtomicBoolean failing, AtomicInteger refused)
            implements ForwardingStorage {
        @Override
        public ListResult list(String prefix, int limit, String continueToken) throws StorageException {
            if (failing.get() && prefix.contains(failingPrefix)) {
                refused.incrementAndGet();
                throw new StorageUnavailableException("injected: storage unavailable");
            }
            return delegate.list(prefix, limit, continueToken);
        }
    }
}
