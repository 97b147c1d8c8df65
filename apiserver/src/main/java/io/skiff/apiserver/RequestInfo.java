package io.skiff.apiserver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a request is about, read from its method and path as Kubernetes' {@code RequestInfoFactory}
 * reads it: {@code GET /api/v1/namespaces/ns/pods/x/status} is verb {@code get} on resource
 * {@code pods}, namespace {@code ns}, name {@code x}, subresource {@code status}. Authorization,
 * metrics and the REST handlers all work from this one parse.
 *
 * @param resourceRequest false for everything that is not an object path ({@code /api}, {@code /healthz}, ...)
 * @param verb            get, list, watch, create, update, patch, delete, deletecollection; for
 *                        non-resource requests the lower-case HTTP method
 * @param apiPrefix       {@code api} or {@code apis}
 * @param apiGroup        "" for the core group
 * @param parts           the path segments after the version (percent-decoded)
 */
public record RequestInfo(boolean resourceRequest, String path, String verb, String apiPrefix, String apiGroup,
        String apiVersion, String namespace, String resource, String name, String subresource, List<String> parts) {

    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /** The request's verb and object, from its HTTP method, raw (undecoded) path and {@code watch} parameter. */
    public static RequestInfo parse(String method, String rawPath, boolean watchParam) {
        String httpVerb = method.toLowerCase(Locale.ROOT);
        List<String> segments;
        try {
            segments = segments(rawPath);
        } catch (IllegalArgumentException e) {
            return nonResource(rawPath, httpVerb);
        }
        if (segments.size() < 3 || !(segments.get(0).equals("api") || segments.get(0).equals("apis"))) {
            return nonResource(rawPath, httpVerb);
        }
        String prefix = segments.get(0);
        List<String> rest = segments.subList(1, segments.size());
        String group = "";
        if (prefix.equals("apis")) {
            if (rest.size() < 3) {
                return nonResource(rawPath, httpVerb);
            }
            group = rest.get(0);
            rest = rest.subList(1, rest.size());
        }
        String version = rest.get(0);
        rest = rest.subList(1, rest.size());
        String verb = switch (httpVerb) {
            case "post" -> "create";
            case "get", "head" -> "get";
            case "put" -> "update";
            case "patch" -> "patch";
            case "delete" -> "delete";
            default -> "";
        };
        boolean watchPath = false;
        if (!rest.isEmpty() && rest.get(0).equals("watch")) {
            watchPath = true;
            rest = rest.subList(1, rest.size());
        }
        String namespace = "";
        if (!rest.isEmpty() && rest.get(0).equals("namespaces") && rest.size() > 1) {
            namespace = rest.get(1);
            if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
                rest = rest.subList(2, rest.size());
            }
        }
        String resource = rest.size() > 0 ? rest.get(0) : "";
        String name = rest.size() > 1 ? rest.get(1) : "";
        String subresource = rest.size() > 2 ? rest.get(2) : "";
        if (resource.equals("namespaces")) {
            // the namespace of a namespace is itself, as Kubernetes reports it; cluster-scoped otherwise
            namespace = name;
        }
        if (watchPath && verb.equals("get")) {
            verb = "watch";
        } else if (name.isEmpty() && verb.equals("get")) {
            verb = watchParam ? "watch" : "list";
        } else if (name.isEmpty() && verb.equals("delete")) {
            verb = "deletecollection";
        }
        return new RequestInfo(true, rawPath, verb, prefix, group, version, namespace, resource, name, subresource,
                List.copyOf(rest));
    }

    private static RequestInfo nonResource(String path, String httpVerb) {
        return new RequestInfo(false, path, httpVerb, "", "", "", "", "", "", "", List.of());
    }

    /** {@code v1} or {@code group/version}. */
    public String groupVersion() {
        return apiGroup.isEmpty() ? apiVersion : apiGroup + "/" + apiVersion;
    }

    public boolean isWatch() {
        return verb.equals("watch");
    }

    /** Percent-decoded path segments; empty segments (a trailing slash) are dropped. */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(percentDecode(s));
            }
        }
        return out;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("bad escape in " + s);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad escape in " + s);
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
