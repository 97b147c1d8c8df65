package io.skiff.cli.command;

import io.skiff.api.codec.ResourceInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * REST paths of a resource, for the requests the typed client has no verb for (tables, raw
 * watches): {@code /api/v1/namespaces/ns/pods[/name]}, {@code /api/v1/pods} across namespaces.
 */
public final class ResourcePaths {
    private ResourcePaths() {}

    /** The collection in {@code namespace}, or across namespaces when it is null. */
    public static String collection(ResourceInfo type, String namespace) {
        String group = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.group() + "/" + type.version();
        if (type.namespaced() && namespace != null) {
            group += "/namespaces/" + encode(namespace);
        }
        return group + "/" + type.plural();
    }

    public static String object(ResourceInfo type, String namespace, String name) {
        return collection(type, namespace) + "/" + encode(name);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
