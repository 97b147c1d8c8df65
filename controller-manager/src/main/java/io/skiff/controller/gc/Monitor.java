package io.skiff.controller.gc;

import io.skiff.api.meta.KubeObject;
import io.skiff.client.ResourceClient;
import io.skiff.client.informer.SharedInformer;
import java.util.function.Function;

/**
 * One kind the garbage collector follows: its informer (the cache of owners and dependents,
 * indexed by owner uid) and its REST client per namespace (null for cluster-scoped kinds).
 */
public record Monitor<T extends KubeObject>(String kind, boolean namespaced, SharedInformer<T> informer,
        Function<String, ResourceClient<T>> client) {}
