package io.skiff.apiserver.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates requests that must all be refused with a 4xx: random JSON, wrong types, huge strings,
 * deep nesting, bad selectors and parameters, path traversal, unknown content types, random
 * methods and paths. Each kind is built so that it cannot be a valid request by accident (a
 * random JSON object has no name, a wrong-typed field cannot decode, a random resource does not
 * exist), and none addresses a collection with DELETE. Deterministic for a seed.
 *
 * @param ns       the namespace holding the seeded objects
 * @param otherNs  a second seeded namespace, the target of traversal attempts
 * @param podName  a seeded pod in {@code ns}
 */
record HostileRequests(Random random, String ns, String otherNs, String podName, long maxBodyBytes) {

    record Request(String kind, String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return kind + ": " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path)
                    + " [" + contentType + "] " + (body == null ? 0 : body.length) + " bytes " + text;
        }
    }

    private static final String[] WRONG_TYPES = {"1", "-7.5", "true", "null", "[]", "[1,2]", "\"s\"", "{}"};
    /** Fields of a valid pod and the JSON types they must have ("o" object, "a" array, "s" string, "n" integer). */
    private static final String[][] POD_FIELDS = {
            {"metadata", "o"}, {"metadata.name", "s"}, {"metadata.labels", "o"}, {"metadata.annotations", "o"},
            {"spec", "o"}, {"spec.containers", "a"}, {"spec.containers.0", "o"}, {"spec.containers.0.name", "s"},
            {"spec.containers.0.image", "s"}, {"spec.containers.0.ports", "a"}, {"spec.containers.0.ports.0.containerPort", "n"},
            {"spec.restartPolicy", "s"}, {"spec.terminationGracePeriodSeconds", "n"}, {"spec.nodeSelector", "o"}};
    private static final String[] COLLECTIONS = {"pods", "replicationcontrollers", "services", "endpoints", "events"};
    private static final String[] LEGACY = {"pods", "replicationControllers", "services", "minions", "events"};
    private static final String[] BAD_LABEL_SELECTORS = {"a=b=c", "!", "a in (b", "a notin b", "=x", "a!=b!=c",
            "a,,=b", "(a)", "a b", "a=b c", "a=b!", "-a=b", "a=-", "x in (a,b c)", "a=" + "v".repeat(64)};
    private static final String[] BAD_FIELD_SELECTORS = {"nosuchfield=1", "spec.containers=1", "metadata.uid=x",
            "=x", "metadata.name", "metadata.name=a\\", "a=b,c"};
    // Not here, though Kubernetes refuses them: timeoutSeconds=x on a LIST and watch=maybe (Skiff ignores both
    // and lists, 200). See the v1beta1-rest report.
    private static final String[] BAD_PARAMS = {"limit=-1", "limit=abc", "limit=1e3", "resourceVersion=abc",
            "resourceVersion=-5", "continue=garbage", "watch=1&timeoutSeconds=-1", "watch=1&timeoutSeconds=x",
            "watch=true&resourceVersion=x", "limit=99999999999999999999"};
    private static final String[] TRAVERSALS = {"..%2F..%2Fkube-system%2Fpods%2Fx", "..%2F%2E%2E%2F", "%2e%2e",
            "..%2f", "%2E%2E%2F%2E%2E%2Fnamespaces", "a%2Fb", "..%5C..%5C", "%00", "..;", "%252e%252e%252f"};
    private static final String[] CONTENT_TYPES = {"text/csv", "application/xml", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "image/png", "application/vnd.kubernetes.protobuf", "text/plain"};
    // Not HEAD: Javalin answers HEAD of any path with an empty 200 (a finding of this fuzz, reported).
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FOO", "PROPFIND"};

    /** The next hostile request; {@code huge}: one of the bodies near or over the size limit. */
    Request next(boolean huge) {
        int kind = huge ? 12 : random.nextInt(12);
        return switch (kind) {
            case 0 -> post("random-json", collection(), json(randomJson(0)));
            case 1 -> wrongType();
            case 2 -> put("wrong-type-put", v1(ns, "pods", podName), json(mutated(podJson(podName))));
            case 3 -> deepNesting();
            case 4 -> get("bad-label-selector", v1(ns, pick(COLLECTIONS), null) + "?labelSelector=" + enc(badLabels()));
            case 5 -> get("bad-field-selector", v1(ns, pick(COLLECTIONS), null) + "?fieldSelector=" + enc(pick(BAD_FIELD_SELECTORS)
                    + (random.nextBoolean() ? "" : random.nextInt(100))));
            case 6 -> get("bad-param", v1(ns, "pods", null) + "?" + pick(BAD_PARAMS));
            case 7 -> traversal();
            case 8 -> unknownContentType();
            case 9 -> randomMethodAndPath();
            case 10 -> malformedBody();
            case 11 -> legacy();
            default -> hugeBody();
        };
    }

    private Request wrongType() {
        String[] field = POD_FIELDS[random.nextInt(POD_FIELDS.length)];
        String name = "wt-" + random.nextInt(1_000_000);
        String body = setPath(podJson(name), field[0], wrongValueFor(field[1]));
        return post("wrong-type " + field[0], v1(ns, "pods", null), body);
    }

    /** A pod whose one typed field holds a value of another JSON type. */
    private String mutated(String pod) {
        String[] field = POD_FIELDS[random.nextInt(POD_FIELDS.length)];
        return setPath(pod, field[0], wrongValueFor(field[1]));
    }

    private String wrongValueFor(String type) {
        while (true) {
            String v = pick(WRONG_TYPES);
            boolean sameType = switch (type) {
                case "o" -> v.startsWith("{") || v.equals("null");
                case "a" -> v.startsWith("[") || v.equals("null");
                case "s" -> v.startsWith("\"") || v.equals("null");
                default -> v.equals("1") || v.equals("null");
            };
            if (!sameType) {
                return v;
            }
        }
    }

    private Request deepNesting() {
        int depth = 10_000;
        String open = random.nextBoolean() ? "{\"a\":" : "[";
        String close = open.equals("[") ? "]" : "}";
        String body = open.repeat(depth) + "1" + close.repeat(depth);
        String path = random.nextBoolean() ? v1(ns, "pods", null) : v1(ns, "pods", podName);
        String method = path.endsWith(podName) ? (random.nextBoolean() ? "PUT" : "PATCH") : "POST";
        String type = method.equals("PATCH") ? pick(new String[] {"application/merge-patch+json",
                "application/strategic-merge-patch+json", "application/json-patch+json"}) : "application/json";
        return new Request("deep-nesting", method, path, type, utf8(body));
    }

    private String badLabels() {
        if (random.nextBoolean()) {
            return pick(BAD_LABEL_SELECTORS);
        }
        // a random key with a value no label may hold
        return randomToken(1 + random.nextInt(10)) + "=" + randomToken(1 + random.nextInt(5)) + pick(new String[] {" x", "!", "@",
                "#", "$", "/", "%"});
    }

    private Request traversal() {
        String t = pick(TRAVERSALS);
        return switch (random.nextInt(5)) {
            case 0 -> get("traversal-name", v1(ns, "pods", null) + "/" + t);
            case 1 -> get("traversal-namespace", "/api/v1/namespaces/" + t + "/pods/" + podName);
            case 2 -> new Request("traversal-delete", "DELETE", v1(ns, "pods", null) + "/" + t + otherNs, "application/json", null);
            case 3 -> put("traversal-put", v1(ns, "pods", null) + "/" + t, json(podJson("x")));
            default -> get("traversal-v1beta1", "/api/v1beta1/pods/" + t + "?namespace=" + ns);
        };
    }

    private Request unknownContentType() {
        String type = random.nextBoolean() ? pick(CONTENT_TYPES) : "application/x-" + randomToken(8);
        String body = podJson("ct-" + random.nextInt(1_000_000));
        return switch (random.nextInt(4)) {
            case 0 -> new Request("content-type-post", "POST", v1(ns, "pods", null), type, utf8(body));
            case 1 -> new Request("content-type-put", "PUT", v1(ns, "pods", podName), type, utf8(podJson(podName)));
            case 2 -> new Request("content-type-patch", "PATCH", v1(ns, "pods", podName),
                    random.nextBoolean() ? "application/json" : type, utf8("{\"metadata\":{\"labels\":{\"x\":\"y\"}}}"));
            default -> new Request("content-type-v1beta1", "POST", "/api/v1beta1/pods?namespace=" + ns, type, utf8(body));
        };
    }

    private Request randomMethodAndPath() {
        String method = random.nextInt(4) == 0 ? randomToken(5).toUpperCase() : pick(METHODS);
        String missing = "zz" + randomToken(8);
        String path = switch (random.nextInt(6)) {
            case 0 -> "/api/v1/namespaces/" + ns + "/" + missing;
            case 1 -> "/api/v1/" + missing + "/" + randomToken(4);
            case 2 -> "/apis/" + missing + "/v1/" + randomToken(4);
            case 3 -> "/api/v1/namespaces/" + ns + "/pods/" + missing + "/" + randomToken(6);
            case 4 -> "/api/" + missing;
            default -> "/" + missing + "/" + randomToken(3);
        };
        byte[] body = method.equals("GET") || method.equals("HEAD") ? null : json(randomJson(0));
        return new Request("random-method-path", method, path, "application/json", body);
    }

    private Request malformedBody() {
        String pod = podJson("mb-" + random.nextInt(1_000_000));
        byte[] body = switch (random.nextInt(7)) {
            case 0 -> utf8(pod.substring(0, 1 + random.nextInt(pod.length() - 2))); // truncated
            case 1 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}; // invalid UTF-8
            case 2 -> utf8("");
            case 3 -> utf8(pick(new String[] {"null", "[]", "42", "\"pod\"", "true"}));
            case 4 -> utf8(pod + pod); // trailing tokens
            case 5 -> utf8("{\"kind\":\"Service\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"k\"}}"); // kind mismatch
            default -> utf8(pod.replace("\"name\":\"", "\"name\":\"" + pick(new String[] {"../", "a/b", "%2e", "UPPER", "-x", "x_y", " "})));
        };
        return new Request("malformed-body", "POST", v1(ns, "pods", null), "application/json", body);
    }

    private Request legacy() {
        String r = pick(LEGACY);
        return switch (random.nextInt(7)) {
            case 0 -> post("v1beta1-random-json", "/api/v1beta1/" + r + "?namespace=" + ns, json(randomJson(0)));
            case 1 -> get("v1beta1-bad-labels", "/api/v1beta1/" + r + "?namespace=" + ns + "&labels=" + enc(badLabels()));
            case 2 -> get("v1beta1-bad-namespace", "/api/v1beta1/" + (r.equals("minions") ? "pods" : r) + "?namespace=" + enc(pick(new String[] {"../kube-system",
                    "A", "a/b", "-x", "x".repeat(64)})));
            case 3 -> post("v1beta1-bad-timeout", "/api/v1beta1/pods?namespace=" + ns + "&sync=true&timeout="
                    + enc(pick(new String[] {"soon", "-1s", "1", "1y", "9999999999999999999h"})), json(legacyPod("to")));
            case 4 -> get("v1beta1-operation", "/api/v1beta1/operations/" + pick(new String[] {"-1", "abc", "0",
                    "99999999999999999999", "%2e%2e"}));
            case 5 -> new Request("v1beta1-verb", pick(new String[] {"PATCH", "POST", "PUT"}), "/api/v1beta1/watch/" + r,
                    "application/json", json("{}"));
            default -> put("v1beta1-stale-put", "/api/v1beta1/pods/" + podName + "?namespace=" + ns,
                    json(legacyPod(podName).replace("{\"kind\"", "{\"resourceVersion\":1,\"kind\"")));
        };
    }

    private Request hugeBody() {
        long limit = maxBodyBytes;
        return switch (random.nextInt(4)) {
            // Just over the limit: 413, nothing stored.
            case 0 -> post("huge-over-limit", v1(ns, "pods", null), filler(podJson("big"), "annotations", (int) limit + 1));
            // Just under it, in fields with limits of their own: 422.
            case 1 -> post("huge-name", v1(ns, "pods", null), json(podJson("n".repeat((int) limit - 2_000))));
            case 2 -> post("huge-annotation", v1(ns, "pods", null), filler(podJson("big-annotation"), "annotations",
                    (int) limit - 100));
            default -> post("huge-label", v1(ns, "pods", null), filler(podJson("big-label"), "labels", (int) limit - 100));
        };
    }

    /** {@code pod} with one more label or annotation whose value fills the body to {@code size} bytes. */
    private static byte[] filler(String pod, String field, int size) {
        String anchor = field.equals("labels") ? "\"labels\":{\"a\":\"b\"" : "\"annotations\":{\"n\":\"1\"";
        int at = pod.indexOf(anchor) + anchor.length();
        String head = pod.substring(0, at) + ",\"fill\":\"";
        String tail = "\"" + pod.substring(at);
        int pad = Math.max(0, size - head.length() - tail.length());
        return utf8(head + "x".repeat(pad) + tail);
    }

    // ---- building blocks ------------------------------------------------------------------

    static String podJson(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"a\":\"b\"},"
                + "\"annotations\":{\"n\":\"1\"}},\"spec\":{\"restartPolicy\":\"Always\",\"terminationGracePeriodSeconds\":5,"
                + "\"nodeSelector\":{\"d\":\"e\"},\"containers\":[{\"name\":\"c\",\"image\":\"busybox\",\"ports\":"
                + "[{\"containerPort\":80}]}]}}";
    }

    static String legacyPod(String id) {
        return "{\"kind\":\"Pod\",\"apiVersion\":\"v1beta1\",\"id\":\"" + id + "\",\"desiredState\":{\"manifest\":"
                + "{\"version\":\"v1beta1\",\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}";
    }

    /** Replaces the value at a dotted path (numbers index arrays) of a JSON text with raw JSON. */
    private static String setPath(String json, String path, String rawValue) {
        try {
            var mapper = io.skiff.api.codec.Json.mapper();
            com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(json);
            String[] parts = path.split("\\.");
            com.fasterxml.jackson.databind.JsonNode parent = root;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
            }
            com.fasterxml.jackson.databind.JsonNode value = mapper.readTree(rawValue);
            String last = parts[parts.length - 1];
            if (parent.isArray()) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
            } else {
                ((com.fasterxml.jackson.databind.node.ObjectNode) parent).set(last, value);
            }
            return mapper.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random JSON: objects with random keys (never a field the API knows), arrays, scalars. */
    private String randomJson(int depth) {
        int pick = depth == 0 ? 0 : random.nextInt(depth > 5 ? 4 : 6);
        return switch (pick) {
            case 0 -> {
                List<String> fields = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    fields.add("\"zz" + randomToken(1 + random.nextInt(10)) + "\":" + randomJson(depth + 1));
                }
                yield "{" + String.join(",", fields) + "}";
            }
            case 1 -> "\"" + randomToken(random.nextInt(40)) + "\"";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> pick(new String[] {"true", "false", "null", "1.5e308", "-0"});
            default -> {
                List<String> items = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    items.add(randomJson(depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
        };
    }

    private String randomToken(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private String collection() {
        return random.nextInt(4) == 0 ? "/api/v1/namespaces" : v1(ns, pick(COLLECTIONS), null);
    }

    private static String v1(String namespace, String resource, String name) {
        return "/api/v1/namespaces/" + namespace + "/" + resource + (name == null ? "" : "/" + name);
    }

    private Request get(String kind, String path) {
        return new Request(kind, "GET", path, null, null);
    }

    private Request post(String kind, String path, byte[] body) {
        return new Request(kind, "POST", path, "application/json", body);
    }

    private Request post(String kind, String path, String body) {
        return post(kind, path, utf8(body));
    }

    private Request put(String kind, String path, byte[] body) {
        return new Request(kind, "PUT", path, "application/json", body);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] json(String s) {
        return utf8(s);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
