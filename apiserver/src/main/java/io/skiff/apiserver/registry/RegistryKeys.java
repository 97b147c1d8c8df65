package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;

/**
 * Where objects live in storage: {@code <root>/{resource}/{namespace}/{name}}, cluster-scoped
 * {@code <root>/{resource}/{name}}, with {@code <root>} = {@code /registry} in production. A
 * different root lets several test runs (or clusters) share one etcd without seeing each other.
 */
public final class RegistryKeys {
    public static final String DEFAULT_ROOT = "/registry";

    private final String root;

    public RegistryKeys(String root) {
        if (root == null || !root.startsWith("/") || root.endsWith("/") || root.contains("//")) {
            throw new IllegalArgumentException("a registry key root is like /registry (leading, no trailing slash), got "
                    + root);
        }
        this.root = root;
    }

    public static RegistryKeys defaults() {
        return new RegistryKeys(DEFAULT_ROOT);
    }

    public String root() {
        return root;
    }

    /** Every object of a resource, in all namespaces. */
    public String resourcePrefix(ResourceInfo resource) {
        return root + "/" + resource.plural() + "/";
    }

    /** The objects of a resource in one namespace ("" or a cluster-scoped resource: all of them). */
    public String collectionPrefix(ResourceInfo resource, String namespace) {
        if (!resource.namespaced() || namespace == null || namespace.isEmpty()) {
            return resourcePrefix(resource);
        }
        return resourcePrefix(resource) + namespace + "/";
    }

    public String key(ResourceInfo resource, String namespace, String name) {
        return resource.namespaced() ? resourcePrefix(resource) + namespace + "/" + name
                : resourcePrefix(resource) + name;
    }

    /** A key for an allocated item of a range (service cluster IPs, ...). */
    public String rangeKey(String range, String item) {
        return rangePrefix(range) + item;
    }

    public String rangePrefix(String range) {
        return root + "/ranges/" + range + "/";
    }
}
