package io.skiff.storage.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.skiff.storage.EtcdProcess;
import io.skiff.storage.KeyValue;
import io.skiff.storage.StorageException;
import io.skiff.storage.StorageOptions;
import io.skiff.testing.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The storage on an etcd of its own that serves clients over https only and asks each for a
 * certificate (etcd's {@code --client-cert-auth}): the CA and client-certificate options reach
 * jetcd, and every wrong combination is refused at open, not at the first request.
 */
class EtcdTlsTest {
    @TempDir
    static Path certs;
    static SelfSignedCertificate server;
    static SelfSignedCertificate client;
    static EtcdProcess etcd;

    @BeforeAll
    static void startEtcd() throws Exception {
        server = SelfSignedCertificate.create(certs, "etcd");
        client = SelfSignedCertificate.create(certs, "client");
        etcd = EtcdProcess.startTls(new EtcdProcess.ClientTls(server.certFile(), server.keyFile(), client.certFile()));
        // a good client first (which also waits for the fresh member to elect itself), so that a
        // refusal below is the handshake's and not a member still starting
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(StorageException.class)
                .until(() -> {
                    EtcdStorage.open(options(server.certFile(), client, Duration.ofSeconds(3))).close();
                    return true;
                });
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    private static StorageOptions options(Path ca, SelfSignedCertificate clientCert, Duration timeout) {
        return StorageOptions.etcd(etcd.clientUrls())
                .withTls(ca, clientCert == null ? null : clientCert.certFile(),
                        clientCert == null ? null : clientCert.keyFile())
                .withRequestTimeout(timeout)
                .withCompactionRetention(Duration.ZERO);
    }

    @Test
    void readsAndWritesWithTheRightCaAndClientCertificate() throws Exception {
        EtcdStorage storage = EtcdStorage.open(options(server.certFile(), client, Duration.ofSeconds(3)));
        try {
            String key = "/tls-" + UUID.randomUUID() + "/k";
            KeyValue created = storage.create(key, "v".getBytes(StandardCharsets.UTF_8));
            assertThat(storage.get(key)).hasValueSatisfying(kv -> {
                assertThat(new String(kv.value(), StandardCharsets.UTF_8)).isEqualTo("v");
                assertThat(kv.modRevision()).isEqualTo(created.modRevision());
            });
        } finally {
            storage.close();
        }
    }

    /** Each wrong combination, as (CA the client trusts, certificate it presents). */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("no client certificate", (OptionsSource) () -> options(server.certFile(), null)),
                // etcd trusts only client.crt as a CA: its own certificate is a stranger's
                Arguments.of("a client certificate etcd does not trust",
                        (OptionsSource) () -> options(server.certFile(), server)),
                Arguments.of("a CA that did not sign etcd's certificate",
                        (OptionsSource) () -> options(client.certFile(), client)));
    }

    interface OptionsSource {
        StorageOptions get();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesAtOpen(String name, OptionsSource source) {
        assertThatThrownBy(() -> EtcdStorage.open(source.get()).close()).isInstanceOf(StorageException.class);
    }

    private static StorageOptions options(Path ca, SelfSignedCertificate clientCert) {
        // a refused handshake shows as an unreachable etcd: only the deadline ends the retries
        return options(ca, clientCert, Duration.ofSeconds(1));
    }
}
