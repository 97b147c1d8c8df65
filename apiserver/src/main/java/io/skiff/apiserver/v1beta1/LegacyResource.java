package io.skiff.apiserver.v1beta1;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.v1beta1.V1beta1;
import io.skiff.apiserver.registry.Registry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One resource of the 2014 API over the registry that stores it: {@code pods}, {@code
 * replicationControllers}, {@code services}, {@code minions} (the hub's nodes) and {@code events}
 * are the same objects as {@code /api/v1} serves, read and written through the same registry.
 *
 * @param path      the 2014 path segment ({@code replicationControllers})
 * @param singular  the word 2014 errors used for the kind ({@code replicationController})
 */
record LegacyResource<T extends KubeObject>(String path, String singular, Registry<T> registry) {

    /** The kind a v1beta1 body of this resource names ({@code Minion} for nodes). */
    String wireKind() {
        return V1beta1.kindOf(registry.resource().kind());
    }

    Class<T> type() {
        return registry.strategy().type();
    }

    boolean namespaced() {
        return registry.resource().namespaced();
    }

    boolean isPods() {
        return path.equals("pods");
    }

    /** {@code /api/v1beta1/pods/web?namespace=default}, as v0.5 wrote it; minions have no namespace. */
    String selfLink(String namespace, String name) {
        return V1beta1Api.PREFIX + "/" + path + "/" + encode(name) + namespaceQuery(namespace);
    }

    String listSelfLink(String namespace) {
        return V1beta1Api.PREFIX + "/" + path + namespaceQuery(namespace);
    }

    private String namespaceQuery(String namespace) {
        return namespaced() && namespace != null && !namespace.isEmpty() ? "?namespace=" + encode(namespace) : "";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
