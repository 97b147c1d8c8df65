package io.skiff.api.meta;

/**
 * Marks kinds that live outside namespaces (Node, Namespace). Everything else is namespaced; the
 * scheme's resource table and defaulting both read this marker, so scope is said in one place.
 */
public interface ClusterScoped extends KubeObject {}
