package io.skiff.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.meta.ApiObject;
import io.skiff.apiserver.auth.Authorizer;
import io.skiff.apiserver.auth.UserInfo;
import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.apiserver.testing.WatchStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seams other concerns plug into — routes, authentication, authorization, printing, request
 * observation — each exercised through a real server, so the next helpers build on working hooks.
 */
class SeamsTest {
    /** What a Table printer would answer (only its shape matters here). */
    record FakeTable(String apiVersion, String kind, List<String> rows) implements ApiObject {}

    static final List<String> observed = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final TestApiServer api = TestApiServer.sqlite().builder(b -> b
            .routes((routes, server) -> routes.get("/api/v1/namespaces/{namespace}/pods/{name}/log",
                    ctx -> ctx.contentType("text/plain").result("log of " + ctx.pathParam("name"))))
            .authenticator(headers -> "Bearer good".equals(headers.apply("Authorization"))
                    ? Optional.of(new UserInfo("alice", "1", List.of("devs"))) : Optional.empty())
            .authorizer(request -> request.info().verb().equals("delete") && request.info().resource().equals("pods")
                    ? Authorizer.Decision.deny("pods are forever") : Authorizer.Decision.allow())
            .printer((request, result) -> Optional.of(new FakeTable("meta.k8s.io/v1", "Table",
                    List.of(request.user().name(), result.kind()))))
            .observer(new RequestObserver() {
                @Override
                public void requestCompleted(RequestContext request, int code, long nanos) {
                    observed.add(request.info().verb() + " " + request.info().resource() + " " + code + " "
                            + request.user().name());
                }
            }));

    private static Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.url().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return api.http().send(b);
    }

    @Test
    void authenticationAndAuthorization() {
        Response anonymous = send("GET", "/api/v1/namespaces/default/pods", null);
        assertThat(anonymous.code()).isEqualTo(401);
        assertThat(anonymous.text("reason")).isEqualTo("Unauthorized");
        assertThat(send("GET", "/healthz", null).code()).as("health needs no credentials").isEqualTo(200);
        Response created = send("POST", "/api/v1/namespaces/default/pods", HttpTestClientPods.pod("forever"),
                "Authorization", "Bearer good", "Content-Type", "application/json");
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        Response denied = send("DELETE", "/api/v1/namespaces/default/pods/forever", null, "Authorization", "Bearer good");
        assertThat(denied.code()).isEqualTo(403);
        assertThat(denied.text("reason")).isEqualTo("Forbidden");
        assertThat(denied.text("message")).contains("User \"alice\" cannot delete resource \"pods\"")
                .contains("pods are forever");
        assertThat(send("GET", "/api/v1/namespaces/default/pods/forever", null, "Authorization", "Bearer good").code())
                .isEqualTo(200);
        assertThat(observed).contains("create pods 201 alice", "delete pods 403 alice");
    }

    @Test
    void registeredRoutesComeBeforeTheResourceWildcard() {
        Response log = send("GET", "/api/v1/namespaces/default/pods/p/log", null, "Authorization", "Bearer good");
        assertThat(log.code()).isEqualTo(200);
        assertThat(log.body()).isEqualTo("log of p");
        assertThat(send("GET", "/api/v1/namespaces/default/pods/p/log", null).code())
                .as("registered routes pass the same gate").isEqualTo(401);
    }

    @Test
    void thePrinterAnswersWhenTheClientAsksForATable() {
        String table = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        Response printed = send("GET", "/api/v1/namespaces/default/pods", null, "Authorization", "Bearer good",
                "Accept", table);
        assertThat(printed.text("kind")).isEqualTo("Table");
        assertThat(printed.json().path("rows").toString()).isEqualTo("[\"alice\",\"PodList\"]");
        Response plain = send("GET", "/api/v1/namespaces/default/pods", null, "Authorization", "Bearer good",
                "Accept", "application/json");
        assertThat(plain.text("kind")).isEqualTo("PodList");
        HttpTestClient http = api.http();
        try (WatchStream w = WatchStream.http(http.client(), http.base(), "/api/v1/namespaces/default/pods?watch=1")) {
            // the stream needs credentials too: it answers 401 without them
            assertThat(w.status()).isEqualTo(401);
        }
    }

    /** The minimal pod these tests create. */
    static final class HttpTestClientPods {
        static String pod(String name) {
            return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}";
        }
    }

}
