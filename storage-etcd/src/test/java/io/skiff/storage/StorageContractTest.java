package io.skiff.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Storage} keeps, run against the real backends by subclasses. Each test
 * works under a prefix of its own, so it can share an etcd with other tests and helpers.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class StorageContractTest {
    protected static final Duration WAIT = Duration.ofSeconds(20);

    protected Storage storage;
    protected String prefix;

    /** A storage on the backend under test; closed after each test. */
    protected abstract Storage openStorage() throws Exception;

    /**
     * A storage that this test class alone uses, so compacting it breaks nobody (for etcd, an etcd
     * process of the test's own). Owned and closed by the subclass.
     */
    protected abstract Storage compactableStorage() throws Exception;

    /** A storage (its own backend, like {@link #compactableStorage()}) that compacts periodically. */
    protected abstract Storage openCompacting(Duration retention) throws Exception;

    @BeforeEach
    void openAndPickPrefix() throws Exception {
        storage = openStorage();
        prefix = "/skiff-test/" + getClass().getSimpleName() + "/" + UUID.randomUUID() + "/";
    }

    @AfterEach
    void cleanUpAndClose() throws Exception {
        if (storage != null) {
            try {
                for (KeyValue kv : storage.list(prefix).items()) {
                    storage.delete(kv.key(), 0);
                }
            } finally {
                storage.close();
            }
        }
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    protected static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, UTF_8);
    }

    // ------------------------------------------------------------ create, get, CAS, delete

    @Test
    void createIsCreateIfAbsent() throws Exception {
        String key = prefix + "pods/a";
        KeyValue created = storage.create(key, bytes("one"));
        assertThat(created.createRevision()).isEqualTo(created.modRevision()).isPositive();
        assertThat(storage.currentRevision()).isGreaterThanOrEqualTo(created.modRevision());
        assertThat(storage.get(key)).contains(created);

        KeyExistsException exists = catchThrowableOfType(KeyExistsException.class,
                () -> storage.create(key, bytes("two")));
        assertThat(exists.existing()).isEqualTo(created);
        assertThat(storage.get(key)).contains(created);
        assertThat(storage.get(prefix + "pods/absent")).isEmpty();
    }

    @Test
    void updateIsCompareAndSwapOnModRevision() throws Exception {
        String key = prefix + "pods/a";
        KeyValue v1 = storage.create(key, bytes("v1"));
        KeyValue v2 = storage.update(key, bytes("v2"), v1.modRevision());
        assertThat(v2.modRevision()).isGreaterThan(v1.modRevision());
        assertThat(v2.createRevision()).isEqualTo(v1.createRevision());
        assertThat(text(v2.value())).isEqualTo("v2");

        ConflictException conflict = catchThrowableOfType(ConflictException.class,
                () -> storage.update(key, bytes("stale"), v1.modRevision()));
        assertThat(conflict.current()).isEqualTo(v2);
        assertThat(conflict.expectedModRevision()).isEqualTo(v1.modRevision());
        assertThat(storage.get(key)).contains(v2);

        assertThatThrownBy(() -> storage.update(prefix + "pods/absent", bytes("x"), v2.modRevision()))
                .isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void deleteChecksTheRevisionAndReturnsTheDeletedValue() throws Exception {
        String key = prefix + "pods/a";
        KeyValue v1 = storage.create(key, bytes("v1"));
        KeyValue v2 = storage.update(key, bytes("v2"), v1.modRevision());

        ConflictException conflict = catchThrowableOfType(ConflictException.class,
                () -> storage.delete(key, v1.modRevision()));
        assertThat(conflict.current()).isEqualTo(v2);
        assertThat(storage.get(key)).contains(v2);

        assertThat(storage.delete(key, v2.modRevision())).isEqualTo(v2);
        assertThat(storage.get(key)).isEmpty();
        assertThatThrownBy(() -> storage.delete(key, 0)).isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> storage.delete(key, v2.modRevision())).isInstanceOf(KeyNotFoundException.class);

        // a re-created key is a new incarnation; an unconditional delete takes it
        KeyValue again = storage.create(key, bytes("again"));
        assertThat(again.createRevision()).isGreaterThan(v2.modRevision());
        assertThat(storage.delete(key, 0)).isEqualTo(again);
    }

    /** Sixteen threads race read-modify-write increments of one counter; none may be lost. */
    @Test
    void concurrentCompareAndSwapIncrementsLoseNothing() throws Exception {
        String key = prefix + "counter";
        storage.create(key, bytes("0"));
        int threads = 16;
        int increments = 200;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        KeyValue current = storage.get(key).orElseThrow();
                        while (true) {
                            int next = Integer.parseInt(text(current.value())) + 1;
                            try {
                                storage.update(key, bytes(Integer.toString(next)), current.modRevision());
                                break;
                            } catch (ConflictException e) {
                                conflicts.incrementAndGet();
                                current = e.current();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(150, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(text(storage.get(key).orElseThrow().value())).isEqualTo(Integer.toString(threads * increments));
        // the race was real: writers did collide
        assertThat(conflicts.get()).isPositive();
    }

    // ------------------------------------------------------------ list

    @Test
    void listPaginatesAtOneRevision() throws Exception {
        Map<String, KeyValue> original = new TreeMap<>();
        for (int i = 0; i < 25; i++) {
            KeyValue kv = storage.create(prefix + String.format("items/%02d", i), bytes("v" + i));
            original.put(kv.key(), kv);
        }
        ListResult first = storage.list(prefix + "items/", 10, null);
        assertThat(first.items()).hasSize(10);
        assertThat(first.remaining()).isEqualTo(15);
        assertThat(first.continueToken()).isNotNull();

        // writes between pages must not show in the later pages
        storage.delete(prefix + "items/15", 0);
        storage.update(prefix + "items/20", bytes("changed"), original.get(prefix + "items/20").modRevision());
        storage.create(prefix + "items/12a", bytes("new"));

        ListResult second = storage.list(prefix + "items/", 10, first.continueToken());
        ListResult third = storage.list(prefix + "items/", 10, second.continueToken());
        assertThat(second.revision()).isEqualTo(first.revision());
        assertThat(third.revision()).isEqualTo(first.revision());
        assertThat(second.remaining()).isEqualTo(5);
        assertThat(third.continueToken()).isNull();
        assertThat(third.remaining()).isZero();

        List<KeyValue> all = new ArrayList<>();
        Stream.of(first, second, third).forEach(page -> all.addAll(page.items()));
        assertThat(all).containsExactlyElementsOf(original.values());

        ListResult now = storage.list(prefix + "items/");
        assertThat(now.revision()).isGreaterThan(first.revision());
        assertThat(now.items()).hasSize(25);
        assertThat(now.continueToken()).isNull();
    }

    @Test
    void listIsConsistentUnderConcurrentWrites() throws Exception {
        // Writers churn ten keys while lists run; every list (all its pages) must equal the state at
        // its revision exactly, which the watch (every event since before the writes) rebuilds.
        String dir = prefix + "churn/";
        long start = storage.currentRevision() + 1;
        EventCollector history = new EventCollector();
        List<List<ListResult>> lists = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Watch ignored = storage.watch(dir, start, history)) {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int seed = w;
                writers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int writes = 0;
                    while (!stop.get() && writes < 400) {
                        String key = dir + "k" + random.nextInt(10);
                        try {
                            var current = storage.get(key);
                            if (current.isEmpty()) {
                                storage.create(key, bytes("w" + seed + "-" + writes));
                            } else if (random.nextInt(4) == 0) {
                                storage.delete(key, current.get().modRevision());
                            } else {
                                storage.update(key, bytes("w" + seed + "-" + writes), current.get().modRevision());
                            }
                            writes++;
                        } catch (ConflictException | KeyExistsException | KeyNotFoundException e) {
                            // lost a race with another writer: expected, go on
                        }
                    }
                    return writes;
                }));
            }
            for (int i = 0; i < 30; i++) {
                List<ListResult> pages = new ArrayList<>();
                int limit = i % 2 == 0 ? 0 : 3; // whole lists and paginated ones
                pages.add(storage.list(dir, limit, null));
                while (pages.getLast().continueToken() != null) {
                    pages.add(storage.list(dir, limit, pages.getLast().continueToken()));
                }
                lists.add(pages);
            }
            stop.set(true);
            int total = 0;
            for (Future<Integer> f : writers) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isPositive();
            // events arrive in order: once the marker's is in, every earlier one is
            KeyValue marker = storage.create(dir + "zz-marker", bytes("end"));
            await().atMost(WAIT).until(() -> history.events().stream()
                    .anyMatch(e -> e.revision() == marker.modRevision()));
        } finally {
            pool.shutdownNow();
        }
        List<WatchEvent> events = history.events();
        assertThat(events).extracting(WatchEvent::revision).isSorted().doesNotHaveDuplicates();
        for (List<ListResult> pages : lists) {
            long revision = pages.getFirst().revision();
            List<KeyValue> items = new ArrayList<>();
            for (ListResult page : pages) {
                assertThat(page.revision()).isEqualTo(revision);
                items.addAll(page.items());
            }
            assertThat(items).as("list at revision %d", revision)
                    .containsExactlyElementsOf(stateAt(events, revision).values());
        }
    }

    /** The keys under a prefix as of {@code revision}, rebuilt from a complete event history. */
    private static Map<String, KeyValue> stateAt(List<WatchEvent> events, long revision) {
        Map<String, KeyValue> state = new TreeMap<>((a, b) -> Arrays.compareUnsigned(bytes(a), bytes(b)));
        for (WatchEvent e : events) {
            if (e.revision() > revision) {
                break;
            }
            if (e.type() == WatchEvent.Type.PUT) {
                state.put(e.key(), new KeyValue(e.key(), e.value(), e.createRevision(), e.revision()));
            } else {
                state.remove(e.key());
            }
        }
        return state;
    }

    // ------------------------------------------------------------ watch

    @Test
    void watchFromAPastRevisionDeliversEveryEventInOrder() throws Exception {
        String dir = prefix + "pods/";
        KeyValue a1 = storage.create(dir + "a", bytes("a1"));
        KeyValue b1 = storage.create(dir + "b", bytes("b1"));
        KeyValue a2 = storage.update(dir + "a", bytes("a2"), a1.modRevision());
        KeyValue deletedB = storage.delete(dir + "b", b1.modRevision());
        long deleteRevision = storage.currentRevision();
        KeyValue b2 = storage.create(dir + "b", bytes("b2"));

        EventCollector collector = new EventCollector();
        try (Watch ignored = storage.watch(dir, a1.modRevision(), collector)) {
            List<WatchEvent> events = collector.awaitEvents(5, WAIT);
            assertThat(events).containsExactly(
                    new WatchEvent(WatchEvent.Type.PUT, dir + "a", bytes("a1"), null, a1.modRevision(), a1.modRevision()),
                    new WatchEvent(WatchEvent.Type.PUT, dir + "b", bytes("b1"), null, b1.modRevision(), b1.modRevision()),
                    new WatchEvent(WatchEvent.Type.PUT, dir + "a", bytes("a2"), bytes("a1"), a2.modRevision(),
                            a1.createRevision()),
                    new WatchEvent(WatchEvent.Type.DELETE, dir + "b", null, bytes("b1"), deleteRevision,
                            deletedB.createRevision()),
                    new WatchEvent(WatchEvent.Type.PUT, dir + "b", bytes("b2"), null, b2.modRevision(), b2.modRevision()));
            assertThat(events.get(0).isCreate()).isTrue();
            assertThat(events.get(2).isCreate()).isFalse();

            // live events follow the history without a gap or a repeat
            KeyValue a3 = storage.update(dir + "a", bytes("a3"), a2.modRevision());
            assertThat(collector.awaitEvents(6, WAIT).get(5))
                    .isEqualTo(new WatchEvent(WatchEvent.Type.PUT, dir + "a", bytes("a3"), bytes("a2"),
                            a3.modRevision(), a1.createRevision()));
        }

        // watching from the middle starts exactly there
        EventCollector fromMiddle = new EventCollector();
        try (Watch ignored = storage.watch(dir, a2.modRevision(), fromMiddle)) {
            assertThat(fromMiddle.awaitEvents(4, WAIT)).extracting(WatchEvent::revision)
                    .first().isEqualTo(a2.modRevision());
        }
    }

    @Test
    void listThenWatchFromTheNextRevisionMissesNothing() throws Exception {
        String dir = prefix + "svc/";
        storage.create(dir + "a", bytes("a"));
        ListResult list = storage.list(dir);
        KeyValue b = storage.create(dir + "b", bytes("b")); // after the list, before the watch
        EventCollector collector = new EventCollector();
        try (Watch ignored = storage.watch(dir, list.revision() + 1, collector)) {
            KeyValue c = storage.create(dir + "c", bytes("c"));
            assertThat(collector.awaitEvents(2, WAIT)).extracting(WatchEvent::revision)
                    .containsExactly(b.modRevision(), c.modRevision());
        }
    }

    @Test
    void watchFromNowSeesOnlyLaterEvents() throws Exception {
        String dir = prefix + "now/";
        storage.create(dir + "old", bytes("old"));
        EventCollector collector = new EventCollector();
        try (Watch ignored = storage.watch(dir, 0, collector)) {
            KeyValue fresh = storage.create(dir + "new", bytes("new"));
            List<WatchEvent> events = collector.awaitEvents(1, WAIT);
            assertThat(events).extracting(WatchEvent::key).containsExactly(dir + "new");
            assertThat(events.getFirst().revision()).isEqualTo(fresh.modRevision());
        }
    }

    @Test
    void watchOfAPrefixDoesNotSeeItsSiblings() throws Exception {
        EventCollector collector = new EventCollector();
        try (Watch ignored = storage.watch(prefix + "pods/", 0, collector)) {
            storage.create(prefix + "pods", bytes("the prefix without its slash"));
            storage.create(prefix + "pods2/x", bytes("a sibling with a longer name"));
            storage.create(prefix + "pod/x", bytes("a shorter sibling"));
            storage.create(prefix + "services/x", bytes("another resource"));
            KeyValue mine = storage.create(prefix + "pods/default/x", bytes("mine"));
            storage.create(prefix + "pods0", bytes("after the prefix in byte order"));
            KeyValue last = storage.create(prefix + "pods/z", bytes("mine too"));
            assertThat(collector.awaitEvents(2, WAIT)).extracting(WatchEvent::key)
                    .containsExactly(mine.key(), last.key());
            // a later event to a sibling, then one of ours: still only ours
            storage.create(prefix + "pods3", bytes("sibling"));
            KeyValue third = storage.create(prefix + "pods/y", bytes("mine"));
            assertThat(collector.awaitEvents(3, WAIT)).extracting(WatchEvent::key)
                    .containsExactly(mine.key(), last.key(), third.key());
        }
    }

    @Test
    void closedWatchDeliversNothingMore() throws Exception {
        EventCollector collector = new EventCollector();
        Watch watch = storage.watch(prefix, 0, collector);
        storage.create(prefix + "a", bytes("a"));
        collector.awaitEvents(1, WAIT);
        watch.close();
        storage.create(prefix + "b", bytes("b"));
        KeyValue marker = storage.create(prefix + "c", bytes("c"));
        // a second watch proves the writes went out; the closed one must have stayed silent
        EventCollector other = new EventCollector();
        try (Watch ignored = storage.watch(prefix, marker.modRevision(), other)) {
            other.awaitEvents(1, WAIT);
        }
        assertThat(collector.events()).hasSize(1);
    }

    @Test
    void compactionMakesOlderRevisionsTooOld() throws Exception {
        Storage own = compactableStorage();
        String dir = prefix + "compact/";
        KeyValue a1 = own.create(dir + "a", bytes("a1"));
        KeyValue a2 = own.update(dir + "a", bytes("a2"), a1.modRevision());
        own.create(dir + "b", bytes("b1"));
        ListResult page = own.list(dir, 1, null);
        KeyValue a3 = own.update(dir + "a", bytes("a3"), a2.modRevision());
        KeyValue c = own.create(dir + "c", bytes("c1"));

        own.compact(a3.modRevision());

        EventCollector tooOld = new EventCollector();
        try (Watch ignored = own.watch(dir, a2.modRevision(), tooOld)) {
            StorageException error = tooOld.awaitError(WAIT);
            assertThat(error).isInstanceOf(TooOldRevisionException.class);
            assertThat(((TooOldRevisionException) error).compactRevision()).isGreaterThanOrEqualTo(a3.modRevision());
            assertThat(tooOld.events()).isEmpty();
        }
        assertThatThrownBy(() -> own.list(dir, 1, page.continueToken())).isInstanceOf(TooOldRevisionException.class);

        // from the compacted revision on, history is intact; previous values too, except that the
        // event at exactly the compacted revision may lack one (its predecessor is gone in etcd)
        KeyValue a4 = own.update(dir + "a", bytes("a4"), a3.modRevision());
        EventCollector fromCompacted = new EventCollector();
        try (Watch ignored = own.watch(dir, a3.modRevision(), fromCompacted)) {
            List<WatchEvent> events = fromCompacted.awaitEvents(3, WAIT);
            assertThat(events.getFirst()).extracting(WatchEvent::key, WatchEvent::revision, e -> text(e.value()))
                    .containsExactly(dir + "a", a3.modRevision(), "a3");
            assertThat(events.subList(1, 3)).containsExactly(
                    new WatchEvent(WatchEvent.Type.PUT, dir + "c", bytes("c1"), null, c.modRevision(), c.modRevision()),
                    new WatchEvent(WatchEvent.Type.PUT, dir + "a", bytes("a4"), bytes("a3"), a4.modRevision(),
                            a1.createRevision()));
        }
        // the current state is untouched, and compacting again to the same point is a no-op
        assertThat(own.list(dir).items()).extracting(KeyValue::key).containsExactly(dir + "a", dir + "b", dir + "c");
        own.compact(a3.modRevision());
        own.compact(a1.modRevision());
        assertThatThrownBy(() -> own.compact(own.currentRevision() + 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodicCompactionKeepsTheLastRetentionPeriod() throws Exception {
        try (Storage compacting = openCompacting(Duration.ofSeconds(1))) {
            String dir = prefix + "periodic/";
            KeyValue v1 = compacting.create(dir + "a", bytes("1"));
            KeyValue v2 = compacting.update(dir + "a", bytes("2"), v1.modRevision());
            // one period later the compactor notes the revision, one more and it compacts to it
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                EventCollector probe = new EventCollector();
                try (Watch ignored = compacting.watch(dir, v1.modRevision(), probe)) {
                    await().atMost(WAIT).until(() -> probe.error() != null || !probe.events().isEmpty());
                    return probe.error() instanceof TooOldRevisionException;
                }
            });
            // what is newer than a period is still there
            KeyValue v3 = compacting.update(dir + "a", bytes("3"), v2.modRevision());
            EventCollector recent = new EventCollector();
            try (Watch ignored = compacting.watch(dir, v3.modRevision(), recent)) {
                assertThat(recent.awaitEvents(1, WAIT).getFirst().revision()).isEqualTo(v3.modRevision());
            }
            assertThat(compacting.get(dir + "a").map(kv -> text(kv.value()))).contains("3");
        }
    }

    // ------------------------------------------------------------ TTL, sizes, odd keys, bad input

    @Test
    void keysWithATtlExpireAsADeleteEvent() throws Exception {
        String dir = prefix + "events/";
        EventCollector collector = new EventCollector();
        try (Watch ignored = storage.watch(dir, 0, collector)) {
            KeyValue shortLived = storage.create(dir + "short", bytes("gone soon"), Duration.ofSeconds(2));
            storage.create(dir + "long", bytes("stays"), Duration.ofHours(1));
            storage.create(dir + "forever", bytes("stays"));
            List<WatchEvent> events = collector.awaitEvents(4, Duration.ofSeconds(30));
            WatchEvent expiry = events.get(3);
            assertThat(expiry.type()).isEqualTo(WatchEvent.Type.DELETE);
            assertThat(expiry.key()).isEqualTo(shortLived.key());
            assertThat(text(expiry.prevValue())).isEqualTo("gone soon");
            assertThat(storage.get(shortLived.key())).isEmpty();
            assertThat(storage.list(dir).items()).extracting(KeyValue::key)
                    .containsExactly(dir + "forever", dir + "long");
        }
    }

    @Test
    void largeValuesRoundTrip() throws Exception {
        byte[] big = new byte[1024 * 1024];
        new Random(42).nextBytes(big);
        String key = prefix + "configmaps/big";
        EventCollector collector = new EventCollector();
        try (Watch ignored = storage.watch(prefix + "configmaps/", 0, collector)) {
            KeyValue created = storage.create(key, big);
            assertThat(storage.get(key).orElseThrow().value()).isEqualTo(big);
            byte[] bigger = Arrays.copyOf(big, big.length);
            bigger[0] ^= 1;
            storage.update(key, bigger, created.modRevision());
            assertThat(storage.list(prefix + "configmaps/").items().getFirst().value()).isEqualTo(bigger);
            List<WatchEvent> events = collector.awaitEvents(2, WAIT);
            assertThat(events.get(1).value()).isEqualTo(bigger);
            assertThat(events.get(1).prevValue()).isEqualTo(big);
        }
    }

    @Test
    void keysWithOddCharactersAreStoredListedAndWatchedExactly() throws Exception {
        List<String> names = List.of("with space", "per%cent", "new\nline", "tab\there", "quote'\"", "back\\slash",
                "ümlaut", "日本語", "emoji😀", "nul\u0000inside", "~tilde", "..", "a/b/c", "#hash?q=1&x");
        EventCollector collector = new EventCollector();
        try (Watch ignored = storage.watch(prefix + "odd/", 0, collector)) {
            for (String name : names) {
                KeyValue kv = storage.create(prefix + "odd/" + name, bytes("value of " + name));
                assertThat(storage.get(kv.key())).contains(kv);
            }
            List<String> sortedByBytes = names.stream().map(n -> prefix + "odd/" + n)
                    .sorted((a, b) -> Arrays.compareUnsigned(bytes(a), bytes(b))).toList();
            assertThat(storage.list(prefix + "odd/").items()).extracting(KeyValue::key)
                    .containsExactlyElementsOf(sortedByBytes);
            // paginating over them keeps every one exactly once
            List<String> paged = new ArrayList<>();
            String token = null;
            do {
                ListResult page = storage.list(prefix + "odd/", 4, token);
                page.items().forEach(kv -> paged.add(kv.key()));
                token = page.continueToken();
            } while (token != null);
            assertThat(paged).containsExactlyElementsOf(sortedByBytes);
            assertThat(collector.awaitEvents(names.size(), WAIT)).extracting(WatchEvent::key)
                    .containsExactlyElementsOf(names.stream().map(n -> prefix + "odd/" + n).toList());
        }
    }

    static Stream<Arguments> badCalls() {
        return Stream.of(
                Arguments.of("empty key", (StorageCall) s -> s.create("", bytes("x"))),
                Arguments.of("null key", (StorageCall) s -> s.get(null)),
                Arguments.of("null value", (StorageCall) s -> s.create("/skiff-test/x", null)),
                Arguments.of("unpaired surrogate", (StorageCall) s -> s.create("/skiff-test/\uD800x", bytes("x"))),
                Arguments.of("zero expected revision", (StorageCall) s -> s.update("/skiff-test/x", bytes("x"), 0)),
                Arguments.of("negative expected revision", (StorageCall) s -> s.delete("/skiff-test/x", -1)),
                Arguments.of("negative limit", (StorageCall) s -> s.list("/skiff-test/", -1, null)),
                Arguments.of("garbage token", (StorageCall) s -> s.list("/skiff-test/", 1, "!!not-base64!!")),
                Arguments.of("token of another prefix", (StorageCall) s -> s.list("/skiff-test/b/", 1,
                        new io.skiff.storage.support.ContinueToken(5, "/skiff-test/a/x").encode())),
                Arguments.of("zero ttl", (StorageCall) s -> s.create("/skiff-test/x", bytes("x"), Duration.ZERO)),
                Arguments.of("negative watch revision", (StorageCall) s -> s.watch("/skiff-test/", -1, new EventCollector())),
                Arguments.of("compact to zero", (StorageCall) s -> s.compact(0)));
    }

    interface StorageCall {
        void call(Storage storage) throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badArgumentsAreRejectedAndChangeNothing(String what, StorageCall call) throws Exception {
        long before = storage.currentRevision();
        assertThatThrownBy(() -> call.call(storage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null pointer");
        assertThat(storage.currentRevision()).isEqualTo(before);
    }

    @Test
    void revisionsIncreaseWithEveryWrite() throws Exception {
        long before = storage.currentRevision();
        KeyValue a = storage.create(prefix + "a", bytes("a"));
        assertThat(a.modRevision()).isGreaterThan(before);
        KeyValue b = storage.update(prefix + "a", bytes("b"), a.modRevision());
        storage.delete(prefix + "a", b.modRevision());
        long after = storage.currentRevision();
        assertThat(after).isGreaterThan(b.modRevision());
    }

}
