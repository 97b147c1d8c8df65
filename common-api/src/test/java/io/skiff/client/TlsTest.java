package io.skiff.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's TLS trust against a real TLS handshake: a certificate made by the JDK's keytool
 * for 127.0.0.1 only, served by the JDK's HTTPS server (which answers every request with a
 * NotFound Status, enough to see a request got through and was read).
 */
class TlsTest {
    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static Path serverCa;
    private static Path otherCa;

    @BeforeAll
    static void serve() throws Exception {
        serverCa = certificate("server");
        otherCa = certificate("other");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(dir.resolve("server.p12").toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", exchange -> {
            byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\","
                    + "\"code\":404,\"message\":\"token " + exchange.getRequestHeaders().getFirst("Authorization")
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** A self-signed certificate for IP 127.0.0.1 (not the name localhost); returns its PEM file. */
    private static Path certificate(String name) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path store = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        run(keytool, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + name, "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        return pem;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", List.of(command)) + ": " + out).isZero();
    }

    static Stream<Arguments> trust() {
        // host, CA file ("server", "other" or none), insecure, expected outcome
        return Stream.of(
                Arguments.of("127.0.0.1", "server", false, "answered"),
                Arguments.of("127.0.0.1", "none", false, "refused"),     // the JDK's CAs do not know it
                Arguments.of("127.0.0.1", "other", false, "refused"),
                Arguments.of("localhost", "server", false, "refused"),   // right CA, wrong name
                Arguments.of("127.0.0.1", "none", true, "answered"),
                Arguments.of("localhost", "other", true, "answered"));   // insecure skips both checks
    }

    @ParameterizedTest(name = "{0} ca={1} insecure={2}: {3}")
    @MethodSource
    void trust(String host, String ca, boolean insecure, String expected) {
        ClientConfig config = ClientConfig.forServer("https://" + host + ":" + server.getAddress().getPort())
                .withInsecureSkipTlsVerify(insecure)
                .withBearerToken("s3cret");
        if (!ca.equals("none")) {
            config = config.withCaFile(ca.equals("server") ? serverCa : otherCa);
        }
        try (SkiffClient client = new SkiffClient(config)) {
            if (expected.equals("answered")) {
                assertThatThrownBy(() -> client.pods("default").get("x"))
                        .isInstanceOfSatisfying(ApiException.class, e -> {
                            assertThat(e.isNotFound()).isTrue();
                            assertThat(e.status().message()).isEqualTo("token Bearer s3cret");
                        });
            } else {
                assertThatThrownBy(() -> client.pods("default").get("x"))
                        .isInstanceOf(ServerConnectionException.class)
                        .hasMessageContaining("https://" + host);
            }
        }
    }
}
