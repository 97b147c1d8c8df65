package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.storage.etcd.EtcdStorage;
import io.skiff.storage.sqlite.SqliteStorage;
import io.skiff.testing.TestEnvironment;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The flags-to-storage mapping: what is accepted, what is refused with which message, what opens. */
class StorageOptionsTest {

    static Stream<Arguments> goodServers() {
        return Stream.of(
                Arguments.of("http://127.0.0.1:2379", List.of("http://127.0.0.1:2379")),
                Arguments.of("http://a:2379, http://b:22379,https://c", List.of("http://a:2379", "http://b:22379",
                        "https://c:2379")),
                Arguments.of("http://[::1]:2379/", List.of("http://[::1]:2379")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodServers")
    void etcdServersParse(String flag, List<String> expected) {
        assertThat(StorageOptions.parseEtcdServers(flag)).extracting(URI::toString).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> badServers() {
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of("127.0.0.1:2379", "http://host:port"),
                Arguments.of("ftp://a:2379", "http://host:port"),
                Arguments.of("http://a:2379,,http://b:2379", "http://host:port"),
                Arguments.of("http://a:2379/v3", "scheme://host:port only"),
                Arguments.of("http://user@a:2379", "scheme://host:port only"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("badServers")
    void badEtcdServersAreRefusedClearly(String flag, String message) {
        assertThatThrownBy(() -> StorageOptions.etcd(flag)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> badCombinations() {
        Path f = Path.of("/tmp/x.pem");
        return Stream.of(
                Arguments.of("neither", (Runnable) () -> new StorageOptions(List.of(), null, null, null, null, null, null,
                        null, null), "exactly one"),
                Arguments.of("both", (Runnable) () -> new StorageOptions(List.of(URI.create("http://a:2379")),
                        Path.of("/tmp/d"), null, null, null, null, null, null, null), "exactly one"),
                Arguments.of("cert without key", (Runnable) () -> StorageOptions.etcd("https://a:2379").withTls(f, f, null),
                        "needs its key"),
                Arguments.of("TLS over http", (Runnable) () -> StorageOptions.etcd("http://a:2379").withTls(f, null, null),
                        "https://"),
                Arguments.of("user without password", (Runnable) () -> StorageOptions.etcd("http://a:2379")
                        .withCredentials("root", null), "needs a password"),
                Arguments.of("credentials for sqlite", (Runnable) () -> StorageOptions.sqlite(Path.of("/tmp/d"))
                        .withCredentials("root", "pw"), "do not apply"),
                Arguments.of("zero timeout", (Runnable) () -> StorageOptions.sqlite(Path.of("/tmp/d"))
                        .withRequestTimeout(Duration.ZERO), "positive"),
                Arguments.of("negative retention", (Runnable) () -> StorageOptions.sqlite(Path.of("/tmp/d"))
                        .withCompactionRetention(Duration.ofSeconds(-1)), ">= 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCombinations")
    void badCombinationsAreRefusedClearly(String what, Runnable build, String message) {
        assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(StorageOptions.etcd("http://a:2379").withCredentials("root", "s3cret").toString())
                .contains("root").doesNotContain("s3cret");
    }

    @Test
    void theFactoryOpensTheStoreTheFlagsName(@TempDir Path dir) throws Exception {
        try (Storage sqlite = StorageFactory.open(StorageOptions.sqlite(dir).withCompactionRetention(Duration.ZERO))) {
            assertThat(sqlite).isInstanceOf(SqliteStorage.class);
            assertThat(sqlite.currentRevision()).isPositive();
        }
        try (Storage etcd = StorageFactory.open(StorageOptions.etcd(TestEnvironment.etcd())
                .withCompactionRetention(Duration.ZERO))) {
            assertThat(etcd).isInstanceOf(EtcdStorage.class);
            assertThat(etcd.currentRevision()).isPositive();
        }
    }

    @Test
    void anUnreachableEtcdFailsWithinTheTimeout() {
        long start = System.nanoTime();
        // a free loopback port nobody listens on
        assertThatThrownBy(() -> StorageFactory.open(StorageOptions.etcd("http://127.0.0.1:1")
                .withRequestTimeout(Duration.ofSeconds(2)).withCompactionRetention(Duration.ZERO)))
                .isInstanceOfAny(StorageTimeoutException.class, StorageUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }
}
