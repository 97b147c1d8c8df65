package io.skiff.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.api.meta.Status;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How answers become {@link ApiException}s and failures {@link ServerConnectionException}s. */
class ErrorsTest {

    static Stream<Arguments> classification() {
        // code, reason, notFound, conflict, alreadyExists, gone, invalid
        return Stream.of(
                Arguments.of(404, "NotFound", true, false, false, false, false),
                Arguments.of(409, "Conflict", false, true, false, false, false),
                Arguments.of(409, "AlreadyExists", false, false, true, false, false),
                Arguments.of(410, "Expired", false, false, false, true, false),
                Arguments.of(410, "Gone", false, false, false, true, false),
                Arguments.of(422, "Invalid", false, false, false, false, true),
                Arguments.of(500, "InternalError", false, false, false, false, false));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void classification(int code, String reason, boolean notFound, boolean conflict, boolean alreadyExists,
            boolean gone, boolean invalid) {
        ApiException e = new ApiException(Status.failure(code, reason, "m", null));
        assertThat(e.isNotFound()).isEqualTo(notFound);
        assertThat(e.isConflict()).isEqualTo(conflict);
        assertThat(e.isAlreadyExists()).isEqualTo(alreadyExists);
        assertThat(e.isGone()).isEqualTo(gone);
        assertThat(e.isInvalid()).isEqualTo(invalid);
        assertThat(e.getMessage()).isEqualTo(code + " " + reason + ": m");
    }

    @Test
    void aStatusAnswerIsKeptWholeWithItsCauses() {
        String body = """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"Pod \\"x\\" is invalid: spec.containers: Required value","reason":"Invalid",
                 "details":{"name":"x","kind":"Pod","causes":[{"reason":"FieldValueRequired",
                 "message":"Required value","field":"spec.containers"}]},"code":422}""";
        ApiException e = RestClient.errorOf(422, body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.reason()).isEqualTo("Invalid");
        assertThat(e.status().details().name()).isEqualTo("x");
        assertThat(e.causes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("spec.containers");
            assertThat(c.reason()).isEqualTo("FieldValueRequired");
        });
    }

    @Test
    void anAnswerThatIsNotAStatusBecomesOneFromItsCode() {
        ApiException e = RestClient.errorOf(503, "<html>\nupstream down\n</html>".getBytes(StandardCharsets.UTF_8),
                "text/html");
        assertThat(e.code()).isEqualTo(503);
        assertThat(e.reason()).isEqualTo("ServiceUnavailable");
        assertThat(e.getMessage()).isEqualTo("503 ServiceUnavailable: <html>");
        assertThat(e.causes()).singleElement().satisfies(c -> assertThat(c.message()).contains("upstream down"));
        assertThat(e.isRetryable()).isTrue();

        ApiException empty = RestClient.errorOf(404, new byte[0], "");
        assertThat(empty.isNotFound()).isTrue();
        assertThat(empty.getMessage()).contains("no body");
    }

    @Test
    void aRefusedConnectionIsOneLineNamingTheServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String server = "http://127.0.0.1:" + port;
        try (SkiffClient client = new SkiffClient(ClientConfig.forServer(server)
                .withConnectTimeout(Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> client.pods("default").get("x"))
                    .isInstanceOf(ServerConnectionException.class)
                    .hasMessage("cannot reach the apiserver at " + server + ": Connection refused")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThatThrownBy(() -> client.pods(null).watch(ListOptions.NONE))
                    .isInstanceOf(ServerConnectionException.class);
        }
    }

    @Test
    void singleObjectVerbsNeedANamespaceAndClusterScopedKindsRefuseOne() {
        try (SkiffClient client = new SkiffClient(ClientConfig.forServer("http://127.0.0.1:1"))) {
            assertThatThrownBy(() -> client.pods(null).get("x")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("name a namespace");
            assertThatThrownBy(() -> client.resource(io.skiff.api.core.Node.class, "ns"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster-scoped");
        }
    }
}
