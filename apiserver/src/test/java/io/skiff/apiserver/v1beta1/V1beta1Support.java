package io.skiff.apiserver.v1beta1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.apiserver.testing.TestApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the v1beta1 suites: a real apiserver with the 2014 API registered, plain HTTP, a fresh
 * namespace per test, the 2014 golden objects of common-api, and a fake kubelet at the seam
 * (it writes pod status through {@code /api/v1/.../status} as the real kubelet does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class V1beta1Support {
    protected TestApiServer api;
    protected HttpTestClient http;

    protected abstract TestApiServer newServer();

    @BeforeAll
    void startServer() {
        api = newServer().start();
        http = api.http();
    }

    @AfterAll
    void stopServer() {
        if (api != null) {
            api.close();
        }
    }

    protected String namespace() {
        String ns = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + ns + "\"}}");
        if (r.code() != 201) {
            throw new AssertionError("cannot create namespace " + ns + ": " + r);
        }
        return ns;
    }

    /** A 2014 object from common-api's golden files, as a mutable tree. */
    static ObjectNode golden(String file) {
        try (InputStream in = V1beta1Support.class.getResourceAsStream("/golden/v1beta1/" + file)) {
            if (in == null) {
                throw new AssertionError("no golden file " + file);
            }
            return (ObjectNode) Json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    /** A minimal 2014 pod. */
    static ObjectNode legacyPod(String id, String labels) {
        return (ObjectNode) json("{\"kind\":\"Pod\",\"apiVersion\":\"v1beta1\",\"id\":\"" + id + "\",\"labels\":" + labels
                + ",\"desiredState\":{\"manifest\":{\"version\":\"v1beta1\",\"id\":\"" + id
                + "\",\"containers\":[{\"name\":\"c\",\"image\":\"busybox\",\"command\":[\"sleep\",\"1000\"]}]}}}");
    }

    /** A minimal v1 pod, optionally bound to {@code node} at create. */
    static String v1Pod(String name, String labels, String node) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":" + labels
                + "},\"spec\":{" + (node == null ? "" : "\"nodeName\":\"" + node + "\",")
                + "\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}";
    }

    static JsonNode json(String s) {
        try {
            return Json.readTree(s);
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    static String v1Path(String ns, String resource, String name) {
        return "/api/v1/namespaces/" + ns + "/" + resource + (name == null ? "" : "/" + name);
    }

    /** The fake kubelet: the pod's status phase, written through the v1 status subresource. */
    protected void kubeletSetsPhase(String ns, String name, String phase) {
        Response current = http.get(v1Path(ns, "pods", name));
        if (current.code() != 200) {
            throw new AssertionError("kubelet cannot read pod " + name + ": " + current);
        }
        ObjectNode pod = (ObjectNode) current.json();
        pod.with("status").put("phase", phase).put("podIP", "10.244.0.7");
        Response r = http.put(v1Path(ns, "pods", name) + "/status", Json.toString(pod));
        if (r.code() != 200) {
            throw new AssertionError("kubelet cannot write the status of " + name + ": " + r);
        }
    }

    /** The fake kubelet finishing a graceful deletion: the pod's containers are stopped, delete it now. */
    protected void kubeletFinishesDeletion(String ns, String name) {
        Response r = http.delete(v1Path(ns, "pods", name), "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0}");
        if (r.code() != 200) {
            throw new AssertionError("kubelet cannot delete " + name + ": " + r);
        }
    }
}
