package io.skiff.client.informer;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.KubeObject;
import io.skiff.client.ListOptions;
import io.skiff.client.ResourceClient;
import io.skiff.client.SkiffClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One informer per (kind, namespace, selectors), shared by every component of a process: the
 * controller-manager's controllers share the pods informer, the kubelet watches its own pods
 * with {@code spec.nodeName=<node>}. As client-go: ask for informers, add handlers, then
 * {@link #start()} and {@link #waitForCacheSync}; informers asked for later start on the next
 * {@code start()}.
 *
 * <pre>{@code
 * SharedInformerFactory factory = new SharedInformerFactory(client, Duration.ofMinutes(10));
 * SharedInformer<Pod> pods = factory.informerFor(Pod.class, null, ListOptions.fieldSelector("spec.nodeName=node-1"));
 * pods.addEventHandler(ResourceEventHandler.onAnyChange(p -> queue.add(Indexer.keyOf(p))));
 * factory.start();
 * factory.waitForCacheSync(Duration.ofSeconds(30));
 * }</pre>
 */
public final class SharedInformerFactory implements AutoCloseable {
    private final SkiffClient client;
    private final InformerOptions options;
    private final Map<Key, SharedInformer<?>> informers = new LinkedHashMap<>();
    private boolean stopped;

    private record Key(Class<?> type, String namespace, String labelSelector, String fieldSelector) {}

    /** @param defaultResync resync period of every informer made here; zero for none */
    public SharedInformerFactory(SkiffClient client, Duration defaultResync) {
        this(client, InformerOptions.withResync(defaultResync));
    }

    public SharedInformerFactory(SkiffClient client, InformerOptions options) {
        this.client = client;
        this.options = options;
    }

    /** All objects of a kind in all namespaces. */
    public <T extends KubeObject> SharedInformer<T> informerFor(Class<T> type) {
        return informerFor(type, null, ListOptions.NONE);
    }

    /**
     * The informer of a kind in a namespace (null: all) with the label and field selectors of
     * {@code selectors}: made on first request, the same one afterwards. Pod informers are also
     * indexed by {@code spec.nodeName} ({@link Indexers#NODE_NAME}); every informer by namespace
     * and owner uid.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T extends KubeObject> SharedInformer<T> informerFor(Class<T> type, String namespace,
            ListOptions selectors) {
        if (stopped) {
            throw new IllegalStateException("informer factory is stopped");
        }
        Key key = new Key(type, namespace, selectors.labelSelector(), selectors.fieldSelector());
        SharedInformer<?> existing = informers.get(key);
        if (existing != null) {
            return (SharedInformer<T>) existing;
        }
        ResourceClient<T> rc = client.resource(type, namespace);
        SharedInformer<T> informer = new SharedInformer<>(name(rc, key), ListerWatcher.of(rc, selectors),
                options);
        if (type == Pod.class) {
            ((SharedInformer<Pod>) informer).addIndex(Indexers.NODE_NAME, Indexers.byNodeName());
        }
        informers.put(key, informer);
        return informer;
    }

    public SharedInformer<Pod> pods() {
        return informerFor(Pod.class);
    }

    public SharedInformer<ReplicationController> replicationControllers() {
        return informerFor(ReplicationController.class);
    }

    public SharedInformer<Service> services() {
        return informerFor(Service.class);
    }

    public SharedInformer<Endpoints> endpoints() {
        return informerFor(Endpoints.class);
    }

    public SharedInformer<Node> nodes() {
        return informerFor(Node.class);
    }

    public SharedInformer<Namespace> namespaces() {
        return informerFor(Namespace.class);
    }

    public SharedInformer<Lease> leases() {
        return informerFor(Lease.class);
    }

    /** Starts every informer not started yet. */
    public synchronized void start() {
        informers.values().forEach(SharedInformer::start);
    }

    /** Waits until every started informer has synced; false on timeout. */
    public boolean waitForCacheSync(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (SharedInformer<?> i : snapshot()) {
            if (!i.isStarted()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (!i.waitForSync(Duration.ofNanos(Math.max(left, 0)))) {
                return false;
            }
        }
        return true;
    }

    /** Stops every informer. */
    public void stop() {
        List<SharedInformer<?>> all;
        synchronized (this) {
            stopped = true;
            all = new ArrayList<>(informers.values());
        }
        all.forEach(SharedInformer::stop);
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized List<SharedInformer<?>> snapshot() {
        return new ArrayList<>(informers.values());
    }

    private static String name(ResourceClient<?> rc, Key key) {
        StringBuilder sb = new StringBuilder(rc.resource().plural());
        if (key.namespace() != null) {
            sb.append('/').append(key.namespace());
        }
        if (key.labelSelector() != null || key.fieldSelector() != null) {
            sb.append('[');
            if (key.labelSelector() != null) {
                sb.append(key.labelSelector());
            }
            if (key.fieldSelector() != null) {
                sb.append(key.labelSelector() != null ? ";" : "").append(key.fieldSelector());
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
