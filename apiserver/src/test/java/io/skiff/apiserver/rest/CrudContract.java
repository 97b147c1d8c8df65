package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Create, read, update and delete over HTTP, for every kind; errors as Kubernetes words them. */
abstract class CrudContract extends RestTestSupport {

    @Test
    void podLifecycle() {
        String ns = namespace();
        Response created = http.post("/api/v1/namespaces/" + ns + "/pods", pod("web"));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("kind")).isEqualTo("Pod");
        assertThat(created.text("apiVersion")).isEqualTo("v1");
        assertThat(created.text("metadata.namespace")).isEqualTo(ns);
        assertThat(created.text("metadata.uid")).isNotEmpty();
        assertThat(created.text("metadata.creationTimestamp")).isNotEmpty();
        assertThat(created.text("metadata.generation")).isEqualTo("1");
        assertThat(created.text("status.phase")).isEqualTo("Pending");
        String rv = created.text("metadata.resourceVersion");
        assertThat(Long.parseLong(rv)).isPositive();

        Response got = http.get("/api/v1/namespaces/" + ns + "/pods/web");
        assertThat(got.code()).isEqualTo(200);
        assertThat(got.text("metadata.resourceVersion")).isEqualTo(rv);
        assertThat(got.text("spec.restartPolicy")).isEqualTo("Always");

        Response list = http.get("/api/v1/namespaces/" + ns + "/pods");
        assertThat(list.code()).isEqualTo(200);
        assertThat(list.text("kind")).isEqualTo("PodList");
        assertThat(list.text("apiVersion")).isEqualTo("v1");
        assertThat(Long.parseLong(list.text("metadata.resourceVersion"))).isGreaterThanOrEqualTo(Long.parseLong(rv));
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.json().path("items").get(0).path("kind").asText()).isEqualTo("Pod");
        assertThat(list.json().path("items").get(0).path("apiVersion").asText()).isEqualTo("v1");
        assertThat(list.json().path("items").get(0).path("metadata").path("resourceVersion").asText()).isEqualTo(rv);

        Response deleted = http.delete("/api/v1/namespaces/" + ns + "/pods/web");
        assertThat(deleted.code()).isEqualTo(200);
        assertThat(deleted.text("metadata.name")).isEqualTo("web");
        Response gone = http.get("/api/v1/namespaces/" + ns + "/pods/web");
        assertThat(gone.code()).isEqualTo(404);
        assertThat(gone.text("kind")).isEqualTo("Status");
        assertThat(gone.text("reason")).isEqualTo("NotFound");
        assertThat(gone.text("code")).isEqualTo("404");
        assertThat(gone.text("message")).isEqualTo("pods \"web\" not found");
        assertThat(gone.text("details.kind")).isEqualTo("pods");
    }

    /** Every served kind: its collection path ({@code NS} for a namespace), a valid object, its list kind. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("/api/v1/namespaces/NS/pods", pod("x"), "PodList", "v1"),
                Arguments.of("/api/v1/namespaces/NS/replicationcontrollers", """
                        {"kind":"ReplicationController","metadata":{"name":"x"},"spec":{"replicas":2,
                         "template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}""",
                        "ReplicationControllerList", "v1"),
                Arguments.of("/api/v1/namespaces/NS/services", """
                        {"metadata":{"name":"x"},"spec":{"selector":{"app":"x"},"ports":[{"port":80}]}}""",
                        "ServiceList", "v1"),
                Arguments.of("/api/v1/namespaces/NS/endpoints", """
                        {"metadata":{"name":"x"},"subsets":[{"addresses":[{"ip":"10.1.0.1"}],"ports":[{"port":80}]}]}""",
                        "EndpointsList", "v1"),
                Arguments.of("/api/v1/namespaces/NS/events", """
                        {"metadata":{"name":"x"},"involvedObject":{"kind":"Pod","namespace":"NS","name":"p"},"reason":"Started",
                         "message":"started","type":"Normal","count":1}""", "EventList", "v1"),
                Arguments.of("/apis/coordination.k8s.io/v1/namespaces/NS/leases", """
                        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"x"},
                         "spec":{"holderIdentity":"me","leaseDurationSeconds":40}}""",
                        "LeaseList", "coordination.k8s.io/v1"),
                Arguments.of("/api/v1/nodes", """
                        {"metadata":{"name":"NS-node"},"status":{"capacity":{"cpu":"2","pods":"110"}}}""",
                        "NodeList", "v1"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void crudOfEveryKind(String collectionTemplate, String body, String listKind, String apiVersion) {
        String ns = namespace();
        String collection = collectionTemplate.replace("NS", ns);
        String object = body.replace("NS", ns);
        Response created = http.post(collection, object);
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        String name = created.text("metadata.name");
        assertThat(created.text("apiVersion")).isEqualTo(apiVersion);
        assertThat(created.text("kind")).isEqualTo(listKind.substring(0, listKind.length() - 4));
        String path = collection + "/" + name;

        JsonNode stored = http.get(path).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) stored.path("metadata")).putObject("labels").put("changed", "yes");
        Response updated = http.put(path, stored.toString());
        assertThat(updated.code()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("metadata.labels.changed")).isEqualTo("yes");
        assertThat(Long.parseLong(updated.text("metadata.resourceVersion")))
                .isGreaterThan(Long.parseLong(created.text("metadata.resourceVersion")));
        assertThat(updated.text("metadata.uid")).isEqualTo(created.text("metadata.uid"));
        assertThat(updated.text("metadata.creationTimestamp")).isEqualTo(created.text("metadata.creationTimestamp"));

        Response list = http.get(collection + "?labelSelector=changed%3Dyes");
        assertThat(list.text("kind")).isEqualTo(listKind);
        assertThat(list.text("apiVersion")).isEqualTo(apiVersion);
        assertThat(names(list)).contains(name);

        assertThat(http.delete(path).code()).isEqualTo(200);
        assertThat(http.get(path).code()).isEqualTo(404);
    }

    @Test
    void systemNamespacesExistAndCannotBeDeleted() {
        for (String ns : List.of("default", "kube-system", "kube-node-lease")) {
            Response r = http.get("/api/v1/namespaces/" + ns);
            assertThat(r.code()).as(ns).isEqualTo(200);
            assertThat(r.text("status.phase")).isEqualTo("Active");
        }
        Response refused = http.delete("/api/v1/namespaces/default");
        assertThat(refused.code()).isEqualTo(403);
        assertThat(refused.text("reason")).isEqualTo("Forbidden");
        assertThat(http.get("/api/v1/namespaces/default").text("status.phase")).isEqualTo("Active");
    }

    @Test
    void generateNameAppendsFiveRandomCharacters() {
        String ns = namespace();
        String body = "{\"metadata\":{\"generateName\":\"web-\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}";
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Response r = http.post("/api/v1/namespaces/" + ns + "/pods", body);
            assertThat(r.code()).as(r.toString()).isEqualTo(201);
            assertThat(r.text("metadata.name")).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
            assertThat(r.text("metadata.generateName")).isEqualTo("web-");
            names.add(r.text("metadata.name"));
        }
        assertThat(names).hasSize(5);
    }

    @Test
    void createOfAnExistingNameIsAlreadyExists() {
        String ns = namespace();
        assertThat(http.post("/api/v1/namespaces/" + ns + "/pods", pod("dup")).code()).isEqualTo(201);
        Response again = http.post("/api/v1/namespaces/" + ns + "/pods", pod("dup"));
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.text("reason")).isEqualTo("AlreadyExists");
        assertThat(again.text("message")).isEqualTo("pods \"dup\" already exists");
    }

    @Test
    void staleResourceVersionIsConflictAndChangesNothing() {
        String ns = namespace();
        Response created = http.post("/api/v1/namespaces/" + ns + "/pods", pod("cas", "{\"v\":\"1\"}"));
        JsonNode first = created.json();
        JsonNode second = first.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.path("metadata").path("labels")).put("v", "2");
        assertThat(http.put("/api/v1/namespaces/" + ns + "/pods/cas", first.toString()).code()).isEqualTo(200);
        ((com.fasterxml.jackson.databind.node.ObjectNode) second.path("metadata").path("labels")).put("v", "3");
        Response stale = http.put("/api/v1/namespaces/" + ns + "/pods/cas", second.toString());
        assertThat(stale.code()).isEqualTo(409);
        assertThat(stale.text("reason")).isEqualTo("Conflict");
        assertThat(stale.text("message")).isEqualTo("Operation cannot be fulfilled on pods \"cas\": the object has been "
                + "modified; please apply your changes to the latest version and try again");
        assertThat(http.get("/api/v1/namespaces/" + ns + "/pods/cas").text("metadata.labels.v")).isEqualTo("2");
    }

    @Test
    void putWithoutResourceVersionIsAnUnconditionalUpdate() {
        String ns = namespace();
        Response created = http.post("/api/v1/namespaces/" + ns + "/pods", pod("u", "{\"v\":\"1\"}"));
        http.put("/api/v1/namespaces/" + ns + "/pods/u", pod("u", "{\"v\":\"2\"}")); // moves the resourceVersion on
        Response r = http.put("/api/v1/namespaces/" + ns + "/pods/u", pod("u", "{\"v\":\"3\"}"));
        assertThat(r.code()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("metadata.labels.v")).isEqualTo("3");
        assertThat(r.text("metadata.uid")).isEqualTo(created.text("metadata.uid"));
        assertThat(r.text("status.phase")).as("the main resource keeps the status").isEqualTo("Pending");
    }

    @Test
    void invalidObjectIs422WithEveryCause() {
        String ns = namespace();
        Response r = http.post("/api/v1/namespaces/" + ns + "/pods", """
                {"metadata":{"name":"Bad_Name","labels":{"ok":"not ok!"}},
                 "spec":{"containers":[{"name":"c"},{"name":"c","image":"i"}],"restartPolicy":"Sometimes"}}""");
        assertThat(r.code()).isEqualTo(422);
        assertThat(r.text("reason")).isEqualTo("Invalid");
        assertThat(r.text("details.kind")).isEqualTo("Pod");
        assertThat(r.text("details.name")).isEqualTo("Bad_Name");
        assertThat(r.text("message")).startsWith("Pod \"Bad_Name\" is invalid: [metadata.name: Invalid value: \"Bad_Name\"");
        List<String> fields = new ArrayList<>();
        r.json().path("details").path("causes").forEach(c -> fields.add(c.path("field").asText()));
        assertThat(fields).contains("metadata.name", "metadata.labels", "spec.containers[0].image",
                "spec.containers[1].name", "spec.restartPolicy");
        JsonNode imageCause = null;
        for (JsonNode c : r.json().path("details").path("causes")) {
            if (c.path("field").asText().equals("spec.containers[0].image")) {
                imageCause = c;
            }
        }
        assertThat(imageCause.path("reason").asText()).isEqualTo("FieldValueRequired");
        assertThat(imageCause.path("message").asText()).isEqualTo("Required value");
        assertThat(r.text("message")).contains("spec.containers[0].image: Required value");
        assertThat(http.get("/api/v1/namespaces/" + ns + "/pods/Bad_Name").code()).isEqualTo(404);
    }

    /** Bad requests: the status code, the reason and a part of the message. */
    static Stream<Arguments> badRequests() {
        String big = "{\"metadata\":{\"name\":\"big\",\"annotations\":{\"a\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}}";
        return Stream.of(
                Arguments.of("POST", "/api/v1/namespaces/NS/pods", "{\"metadata\": {\"name\": ", "application/json",
                        400, "BadRequest", "line 1, column"),
                Arguments.of("POST", "/api/v1/namespaces/NS/pods", "metadata:\n  name: [unclosed\n", "application/yaml",
                        400, "BadRequest", "malformed YAML"),
                Arguments.of("POST", "/api/v1/namespaces/NS/pods", "{\"metadata\":{\"name\":5}}", "application/json",
                        400, "BadRequest", "metadata.name"),
                Arguments.of("POST", "/api/v1/namespaces/NS/pods", pod("p"), "application/vnd.kubernetes.protobuf",
                        415, "UnsupportedMediaType", "application/vnd.kubernetes.protobuf"),
                Arguments.of("POST", "/api/v1/namespaces/NS/pods", big, "application/json",
                        413, "RequestEntityTooLarge", "3145728"),
                Arguments.of("POST", "/api/v1/namespaces/NS/widgets", pod("p"), "application/json",
                        404, "NotFound", "the server could not find the requested resource"),
                Arguments.of("GET", "/api/v1/namespaces/NS/pods/p/exec", "", null,
                        404, "NotFound", "the server could not find the requested resource"),
                Arguments.of("GET", "/no/such/path", "", null,
                        404, "NotFound", "the server could not find the requested resource"),
                Arguments.of("POST", "/api/v1/namespaces/NS/pods", "{\"kind\":\"Service\",\"metadata\":{\"name\":\"s\"}}",
                        "application/json", 400, "BadRequest", "does not match the kind"),
                Arguments.of("POST", "/api/v1/namespaces/NS/pods", "[1,2]", "application/json",
                        400, "BadRequest", "JSON object"),
                Arguments.of("POST", "/api/v1/namespaces/NS/pods",
                        pod("p").replace("\"name\":\"p\"", "\"name\":\"p\",\"namespace\":\"other\""), "application/json",
                        400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request"),
                Arguments.of("PUT", "/api/v1/namespaces/NS/pods/p", pod("q"), "application/json",
                        400, "BadRequest", "the name of the object (q) does not match the name on the URL (p)"),
                Arguments.of("POST", "/api/v1/namespaces/no-such-ns/pods", pod("p"), "application/json",
                        404, "NotFound", "namespaces \"no-such-ns\" not found"),
                Arguments.of("GET", "/api/v1/namespaces/NS/pods?labelSelector=a%20in%20(", "", null,
                        400, "BadRequest", "unable to parse requirement"),
                Arguments.of("GET", "/api/v1/namespaces/NS/pods?fieldSelector=spec.foo%3Dbar", "", null,
                        400, "BadRequest", "field label not supported: spec.foo"),
                Arguments.of("GET", "/api/v1/namespaces/NS/pods?limit=-1", "", null,
                        400, "BadRequest", "limit"),
                Arguments.of("GET", "/api/v1/namespaces/NS/pods?continue=garbage!", "", null,
                        400, "BadRequest", "continue"),
                Arguments.of("PATCH", "/api/v1/namespaces/NS/pods/p", "{}", "application/apply-patch+yaml",
                        415, "UnsupportedMediaType", "application/merge-patch+json"),
                Arguments.of("DELETE", "/api/v1/namespaces/NS/pods/p?dryRun=Some", "", null,
                        422, "Invalid", "DeleteOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value"),
                Arguments.of("POST", "/api/v1/namespaces/NS/pods?dryRun=all", pod("q"), "application/json",
                        422, "Invalid", "CreateOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badRequestsAreRefusedAndStoreNothing(String method, String pathTemplate, String body, String contentType,
            int code, String reason, String message) {
        String ns = namespace();
        assertThat(http.post("/api/v1/namespaces/" + ns + "/pods", pod("p")).code()).isEqualTo(201);
        String before = http.get("/api/v1/namespaces/" + ns + "/pods").json().path("items").toString();
        Response r = http.send(method, pathTemplate.replace("NS", ns), body, contentType);
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.text("kind")).isEqualTo("Status");
        assertThat(r.text("status")).isEqualTo("Failure");
        assertThat(r.text("reason")).isEqualTo(reason);
        assertThat(r.text("message")).contains(message);
        assertThat(http.get("/api/v1/namespaces/" + ns + "/pods").json().path("items").toString()).isEqualTo(before);
    }

    @Test
    void noContentTypeIsJsonAndYamlIsAccepted() {
        String ns = namespace();
        Response json = http.send("POST", "/api/v1/namespaces/" + ns + "/pods", pod("nocontenttype"), null);
        assertThat(json.code()).as(json.toString()).isEqualTo(201);
        Response yaml = http.send("POST", "/api/v1/namespaces/" + ns + "/pods", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: from-yaml
                spec:
                  containers:
                  - name: c
                    image: busybox
                """, "application/yaml");
        assertThat(yaml.code()).as(yaml.toString()).isEqualTo(201);
        assertThat(yaml.contentType()).startsWith("application/json");
        assertThat(yaml.text("spec.containers.0.image")).isEmpty(); // dotted paths do not index arrays
        assertThat(yaml.json().path("spec").path("containers").get(0).path("image").asText()).isEqualTo("busybox");
    }

    @Test
    void labelAndFieldSelectors() {
        String ns = namespace();
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("web-1", "{\"app\":\"web\",\"tier\":\"front\"}"));
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("web-2", "{\"app\":\"web\"}"));
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("db-1", "{\"app\":\"db\"}"));
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("plain"));
        http.post("/api/v1/namespaces/" + ns + "/pods", """
                {"metadata":{"name":"bound"},"spec":{"nodeName":"n1","containers":[{"name":"c","image":"i"}]}}""");
        String base = "/api/v1/namespaces/" + ns + "/pods?";
        assertThat(names(http.get(base + "labelSelector=app%3Dweb"))).containsExactly("web-1", "web-2");
        assertThat(names(http.get(base + "labelSelector=app%20in%20(web,db)"))).containsExactly("db-1", "web-1", "web-2");
        assertThat(names(http.get(base + "labelSelector=!app"))).containsExactly("bound", "plain");
        assertThat(names(http.get(base + "labelSelector=app%3Dweb,tier"))).containsExactly("web-1");
        assertThat(names(http.get(base + "labelSelector=app!%3Dweb"))).containsExactly("bound", "db-1", "plain");
        assertThat(names(http.get(base + "fieldSelector=metadata.name%3Ddb-1"))).containsExactly("db-1");
        assertThat(names(http.get(base + "fieldSelector=spec.nodeName%3Dn1"))).containsExactly("bound");
        assertThat(names(http.get(base + "fieldSelector=spec.nodeName%3D"))).hasSize(4);
        assertThat(names(http.get(base + "fieldSelector=status.phase%3DPending,metadata.name!%3Dplain"))).hasSize(4);
        assertThat(names(http.get(base + "fieldSelector=metadata.namespace%3D" + ns))).hasSize(5);
        assertThat(names(http.get(base + "fieldSelector=spec.nodeName%3Dn1&labelSelector=app"))).isEmpty();
    }

    @Test
    void paginationAtOneRevision() {
        String ns = namespace();
        for (int i = 0; i < 7; i++) {
            http.post("/api/v1/namespaces/" + ns + "/pods", pod("p" + i, i % 2 == 0 ? "{\"even\":\"y\"}" : "{}"));
        }
        Response first = http.get("/api/v1/namespaces/" + ns + "/pods?limit=3");
        assertThat(names(first)).containsExactly("p0", "p1", "p2");
        assertThat(first.text("metadata.remainingItemCount")).isEqualTo("4");
        String token = first.text("metadata.continue");
        assertThat(token).isNotEmpty();
        http.post("/api/v1/namespaces/" + ns + "/pods", pod("p9")); // after the first page: not in this list
        Response second = http.get("/api/v1/namespaces/" + ns + "/pods?limit=3&continue=" + token);
        assertThat(second.code()).as(second.toString()).isEqualTo(200);
        assertThat(names(second)).containsExactly("p3", "p4", "p5");
        assertThat(second.text("metadata.resourceVersion")).isEqualTo(first.text("metadata.resourceVersion"));
        Response third = http.get("/api/v1/namespaces/" + ns + "/pods?limit=3&continue=" + second.text("metadata.continue"));
        assertThat(names(third)).containsExactly("p6");
        assertThat(third.text("metadata.continue")).isEmpty();

        List<String> even = new ArrayList<>();
        String next = "";
        do {
            Response page = http.get("/api/v1/namespaces/" + ns + "/pods?labelSelector=even&limit=2"
                    + (next.isEmpty() ? "" : "&continue=" + next));
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            even.addAll(names(page));
            next = page.text("metadata.continue");
        } while (!next.isEmpty());
        assertThat(even).containsExactly("p0", "p2", "p4", "p6");
    }

    @Test
    void listAcrossNamespacesAndFromTheWatchCache() {
        String a = namespace();
        String b = namespace();
        http.post("/api/v1/namespaces/" + a + "/pods", pod("one", "{\"suite\":\"" + a + "\"}"));
        http.post("/api/v1/namespaces/" + b + "/pods", pod("two", "{\"suite\":\"" + a + "\"}"));
        Response all = http.get("/api/v1/pods?labelSelector=suite%3D" + a);
        assertThat(all.code()).isEqualTo(200);
        assertThat(names(all)).containsExactlyInAnyOrder("one", "two");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(names(http.get("/api/v1/pods?resourceVersion=0&labelSelector=suite%3D" + a)))
                        .containsExactlyInAnyOrder("one", "two"));
        assertThat(http.get("/api/v1/namespaces/" + a + "/nodes").code()).isEqualTo(404);
        assertThat(http.get("/api/v1/pods/one").code()).isEqualTo(404);
    }

    @Test
    void serviceClusterIpsAreAllocatedUniqueImmutableAndReleased() {
        String ns = namespace();
        String svc = "{\"metadata\":{\"name\":\"NAME\"},\"spec\":{\"ports\":[{\"port\":80}]IP}}";
        Response a = http.post("/api/v1/namespaces/" + ns + "/services", svc.replace("NAME", "a").replace("IP", ""));
        Response b = http.post("/api/v1/namespaces/" + ns + "/services", svc.replace("NAME", "b").replace("IP", ""));
        assertThat(a.code()).as(a.toString()).isEqualTo(201);
        String ipA = a.text("spec.clusterIP");
        String ipB = b.text("spec.clusterIP");
        assertThat(ipA).startsWith("10.0.0.").isNotEqualTo(ipB);
        assertThat(b.text("spec.type")).isEqualTo("ClusterIP");

        Response taken = http.post("/api/v1/namespaces/" + ns + "/services",
                svc.replace("NAME", "c").replace("IP", ",\"clusterIP\":\"" + ipA + "\""));
        assertThat(taken.code()).isEqualTo(422);
        assertThat(taken.text("message")).contains("spec.clusterIP: Invalid value: \"" + ipA + "\": provided IP is already allocated");
        Response outside = http.post("/api/v1/namespaces/" + ns + "/services",
                svc.replace("NAME", "d").replace("IP", ",\"clusterIP\":\"192.168.7.7\""));
        assertThat(outside.code()).isEqualTo(422);
        assertThat(outside.text("message")).contains("provided IP is not in the valid range");

        JsonNode changed = a.json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.path("spec")).put("clusterIP", ipB);
        Response immutable = http.put("/api/v1/namespaces/" + ns + "/services/a", changed.toString());
        assertThat(immutable.code()).isEqualTo(422);
        assertThat(immutable.text("message")).contains("spec.clusterIPs[0]: Invalid value: []string{\"" + ipB
                + "\"}: may not change once set");
        Response keptOnUpdate = http.put("/api/v1/namespaces/" + ns + "/services/a", svc.replace("NAME", "a").replace("IP", ""));
        assertThat(keptOnUpdate.code()).as(keptOnUpdate.toString()).isEqualTo(200);
        assertThat(keptOnUpdate.text("spec.clusterIP")).isEqualTo(ipA);

        assertThat(http.delete("/api/v1/namespaces/" + ns + "/services/a").code()).isEqualTo(200);
        Response reused = http.post("/api/v1/namespaces/" + ns + "/services",
                svc.replace("NAME", "e").replace("IP", ",\"clusterIP\":\"" + ipA + "\""));
        assertThat(reused.code()).as(reused.toString()).isEqualTo(201);
        assertThat(reused.text("spec.clusterIP")).isEqualTo(ipA);
    }

    static List<String> names(Response list) {
        List<String> out = new ArrayList<>();
        list.json().path("items").forEach(i -> out.add(i.path("metadata").path("name").asText()));
        return out;
    }
}
