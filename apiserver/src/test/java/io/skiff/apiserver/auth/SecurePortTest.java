package io.skiff.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.testing.SelfSignedCertificate;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The secure port over real TLS (a certificate made by keytool) with bearer tokens from a token
 * file: who gets 401, who gets 403 with Kubernetes' wording, and what a kubelet may do. The
 * insecure port beside it keeps serving without authentication.
 */
class SecurePortTest {
    static final String ADMIN = "admin-token";
    static final String NODE = "node1-token";
    static final String NOBODY = "nobody-token";

    @TempDir
    static Path dir;

    static TestApiServer api;
    static SelfSignedCertificate cert;
    static HttpClient https;
    static URI secure;

    @BeforeAll
    static void start() throws Exception {
        cert = SelfSignedCertificate.create(dir);
        Path tokens = dir.resolve("tokens.csv");
        Files.writeString(tokens, """
                admin-token,admin,uid-1,"system:masters"
                node1-token,system:node:n1,uid-2,"system:nodes,extra"

                nobody-token,nobody,uid-3
                """);
        AtomicReference<SecureServing> serving = new AtomicReference<>();
        api = TestApiServer.sqlite().builder(b -> {
            try {
                serving.set(SecureServing.install(b, new SecureServing.Options("127.0.0.1", 0, cert.certFile(),
                        cert.keyFile(), tokens)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).start();
        secure = serving.get().url();
        https = HttpClient.newBuilder().sslContext(cert.trustingIt()).connectTimeout(Duration.ofSeconds(30)).build();
        // the objects the matrix is about, made through the insecure port
        HttpTestClient insecure = api.http();
        for (String node : new String[] {"n1", "n2"}) {
            expect(insecure.post("/api/v1/nodes", "{\"metadata\":{\"name\":\"" + node + "\"}}"), 201);
            expect(insecure.post("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases",
                    "{\"metadata\":{\"name\":\"" + node + "\"},\"spec\":{\"holderIdentity\":\"" + node + "\"}}"), 201);
        }
        for (String[] pod : new String[][] {{"bound", "n1"}, {"other", "n2"}, {"bound-2", "n1"}}) {
            expect(insecure.post("/api/v1/namespaces/default/pods", """
                    {"metadata":{"name":"%s"},"spec":{"nodeName":"%s","containers":[{"name":"c","image":"busybox"}]}}
                    """.formatted(pod[0], pod[1])), 201);
        }
        expect(insecure.post("/api/v1/namespaces/default/services",
                "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"ports\":[{\"port\":80}]}}"), 201);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    static void expect(HttpTestClient.Response r, int code) {
        assertThat(r.code()).as(r.body()).isEqualTo(code);
    }

    static HttpTestClient.Response call(String token, String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(secure.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = https.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpTestClient.Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final String MERGE = "application/merge-patch+json";
    static final String LABEL = "{\"metadata\":{\"labels\":{\"seen\":\"yes\"}}}";

    static Stream<Arguments> matrix() {
        return Stream.of(
                // who: nobody authenticated
                Arguments.of(null, "GET", "/api/v1/pods", null, 401, "Unauthorized"),
                Arguments.of("wrong-token", "GET", "/api/v1/pods", null, 401, "Unauthorized"),
                Arguments.of(null, "GET", "/version", null, 401, "Unauthorized"),
                // system:masters: everything
                Arguments.of(ADMIN, "GET", "/api/v1/pods", null, 200, ""),
                Arguments.of(ADMIN, "GET", "/api/v1/namespaces", null, 200, ""),
                Arguments.of(ADMIN, "POST", "/api/v1/namespaces", "{\"metadata\":{\"name\":\"team-a\"}}", 201, ""),
                Arguments.of(ADMIN, "PATCH", "/api/v1/nodes/n2", LABEL, 200, ""),
                // an authenticated user without a role: discovery only
                Arguments.of(NOBODY, "GET", "/version", null, 200, ""),
                Arguments.of(NOBODY, "GET", "/api/v1", null, 200, ""),
                Arguments.of(NOBODY, "GET", "/api/v1/pods", null, 403,
                        "pods is forbidden: User \"nobody\" cannot list resource \"pods\" in API group \"\" at the"
                                + " cluster scope"),
                Arguments.of(NOBODY, "GET", "/metrics", null, 403,
                        "forbidden: User \"nobody\" cannot get path \"/metrics\""),
                // a kubelet: reads
                Arguments.of(NODE, "GET", "/api/v1/pods?fieldSelector=spec.nodeName%3Dn1", null, 200, ""),
                Arguments.of(NODE, "GET", "/api/v1/namespaces/default/pods/other", null, 200, ""),
                Arguments.of(NODE, "GET", "/api/v1/namespaces/default/services", null, 200, ""),
                Arguments.of(NODE, "GET", "/api/v1/namespaces/default/endpoints", null, 200, ""),
                Arguments.of(NODE, "GET", "/api/v1/nodes", null, 200, ""),
                Arguments.of(NODE, "GET", "/openapi/v2", null, 200, ""),
                Arguments.of(NODE, "GET", "/api/v1/namespaces", null, 403,
                        "namespaces is forbidden: User \"system:node:n1\" cannot list resource \"namespaces\" in API"
                                + " group \"\" at the cluster scope"),
                Arguments.of(NODE, "GET", "/api/v1/namespaces/default/events", null, 403,
                        "events is forbidden: User \"system:node:n1\" cannot list resource \"events\" in API group"
                                + " \"\" in the namespace \"default\""),
                // a kubelet: its own node and lease, nobody else's
                Arguments.of(NODE, "PATCH", "/api/v1/nodes/n1/status", LABEL, 200, ""),
                Arguments.of(NODE, "PATCH", "/api/v1/nodes/n1", LABEL, 200, ""),
                Arguments.of(NODE, "PATCH", "/api/v1/nodes/n2", LABEL, 403,
                        "nodes \"n2\" is forbidden: User \"system:node:n1\" cannot patch resource \"nodes\" in API group"
                                + " \"\" at the cluster scope"),
                Arguments.of(NODE, "DELETE", "/api/v1/nodes/n1", null, 403,
                        "nodes \"n1\" is forbidden: User \"system:node:n1\" cannot delete resource \"nodes\" in API"
                                + " group \"\" at the cluster scope"),
                Arguments.of(NODE, "PATCH", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n1",
                        "{\"spec\":{\"leaseDurationSeconds\":40}}", 200, ""),
                Arguments.of(NODE, "PATCH", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n2",
                        "{\"spec\":{\"leaseDurationSeconds\":40}}", 403,
                        "leases.coordination.k8s.io \"n2\" is forbidden: User \"system:node:n1\" cannot patch resource"
                                + " \"leases\" in API group \"coordination.k8s.io\" in the namespace \"kube-node-lease\""),
                // a kubelet: status and deletion of the pods bound to it only
                Arguments.of(NODE, "PATCH", "/api/v1/namespaces/default/pods/bound/status",
                        "{\"status\":{\"phase\":\"Running\"}}", 200, ""),
                Arguments.of(NODE, "PATCH", "/api/v1/namespaces/default/pods/other/status",
                        "{\"status\":{\"phase\":\"Running\"}}", 403,
                        "pods \"other\" is forbidden: User \"system:node:n1\" cannot patch resource \"pods/status\" in"
                                + " API group \"\" in the namespace \"default\""),
                Arguments.of(NODE, "PATCH", "/api/v1/namespaces/default/pods/bound", LABEL, 403,
                        "pods \"bound\" is forbidden: User \"system:node:n1\" cannot patch resource \"pods\" in API"
                                + " group \"\" in the namespace \"default\""),
                Arguments.of(NODE, "DELETE", "/api/v1/namespaces/default/pods/other", null, 403,
                        "pods \"other\" is forbidden: User \"system:node:n1\" cannot delete resource \"pods\" in API"
                                + " group \"\" in the namespace \"default\""),
                Arguments.of(NODE, "DELETE", "/api/v1/namespaces/default/pods/bound-2", null, 200, ""),
                Arguments.of(NODE, "DELETE", "/api/v1/namespaces/default/pods/missing", null, 403,
                        "pods \"missing\" is forbidden: User \"system:node:n1\" cannot delete resource \"pods\" in API"
                                + " group \"\" in the namespace \"default\""),
                Arguments.of(NODE, "POST", "/api/v1/namespaces/default/pods",
                        "{\"metadata\":{\"name\":\"sneaky\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"b\"}]}}",
                        403, "pods is forbidden: User \"system:node:n1\" cannot create resource \"pods\" in API group"
                                + " \"\" in the namespace \"default\""),
                // a kubelet: events
                Arguments.of(NODE, "POST", "/api/v1/namespaces/default/events", """
                        {"metadata":{"name":"bound.1"},"involvedObject":{"kind":"Pod","namespace":"default",
                         "name":"bound"},"reason":"Started","message":"started","type":"Normal",
                         "source":{"component":"kubelet","host":"n1"}}""", 201, ""));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @MethodSource("matrix")
    void authenticatesAndAuthorizes(String token, String method, String path, String body, int code, String message) {
        String contentType = body == null ? null : method.equals("PATCH") ? MERGE : "application/json";
        HttpTestClient.Response r = call(token, method, path, body, contentType);
        assertThat(r.code()).as(method + " " + path + ": " + r.body()).isEqualTo(code);
        if (code == 401) {
            assertThat(r.text("kind")).isEqualTo("Status");
            assertThat(r.text("reason")).isEqualTo("Unauthorized");
            assertThat(r.text("message")).isEqualTo("Unauthorized");
        }
        if (code == 403) {
            assertThat(r.text("kind")).isEqualTo("Status");
            assertThat(r.text("reason")).isEqualTo("Forbidden");
            assertThat(r.text("message")).isEqualTo(message);
        }
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(call(null, "GET", "/healthz", null, null).code()).isEqualTo(200);
        assertThat(call(null, "GET", "/readyz", null, null).code()).isEqualTo(200);
    }

    @Test
    void theInsecurePortServesWithoutAuthenticationAndCannotBeTrickedIntoNeedingNone() {
        assertThat(api.http().get("/api/v1/namespaces").code()).isEqualTo(200);
        // the marker only ever makes a request need a token: sent to the insecure port it does just that
        HttpTestClient.Response marked = api.http().send(HttpRequest.newBuilder(api.url().resolve("/api/v1/pods"))
                .header(SecureServing.SECURE_PORT_HEADER, "false").GET());
        assertThat(marked.code()).isEqualTo(401);
    }
}
