package io.skiff.apiserver.registry;

import io.skiff.api.core.Namespace;
import io.skiff.api.meta.KubeObject;
import io.skiff.apiserver.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties Terminating namespaces, as Kubernetes' namespace controller: deletes every object in
 * them (pods gracefully, finalizers honoured), and once nothing is left removes the
 * {@code kubernetes} finalizer, whereupon the namespace itself goes. Woken when a namespace
 * turns Terminating, and rescans periodically (another apiserver may have marked it).
 */
public final class NamespaceCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(NamespaceCleaner.class);

    private final Registries registries;
    private final ScheduledExecutorService scheduler;
    private final Duration retryDelay;
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

    public NamespaceCleaner(Registries registries, ScheduledExecutorService scheduler, Duration retryDelay) {
        this.registries = registries;
        this.scheduler = scheduler;
        this.retryDelay = retryDelay;
    }

    public void start(Duration rescanPeriod) {
        registries.namespaceStrategy().onTerminating(name -> scanSoon());
        scheduler.scheduleWithFixedDelay(this::scan, 0, rescanPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scanSoon() {
        scheduler.execute(this::scan);
    }

    private void scan() {
        try {
            for (Namespace ns : registries.namespaces().list("", ListOptions.ALL).items()) {
                if (ns.metadataOrEmpty().deletionTimestamp() != null && scheduled.add(ns.name())) {
                    scheduler.execute(() -> clean(ns.name()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("namespace cleaner: scan failed: {}", e.toString());
        }
    }

    private void clean(String name) {
        boolean done = false;
        try {
            done = cleanOnce(name);
        } catch (RuntimeException e) {
            LOG.warn("namespace cleaner: {} not finished, retrying: {}", name, e.toString());
        } finally {
            if (done) {
                scheduled.remove(name);
            } else {
                scheduler.schedule(() -> clean(name), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One pass; true when nothing is left to do for the namespace. */
    boolean cleanOnce(String name) {
        var found = registries.namespaces().find("", name);
        if (found.isEmpty() || found.get().metadataOrEmpty().deletionTimestamp() == null) {
            return true;
        }
        int remaining = 0;
        for (Registry<?> registry : registries.namespaced()) {
            remaining += deleteAll(registry, name);
        }
        if (remaining > 0) {
            return false;
        }
        registries.namespaces().guaranteedUpdate("", name, null, ns -> {
            List<String> finalizers = new ArrayList<>(ns.spec() == null || ns.spec().finalizers() == null
                    ? List.of() : ns.spec().finalizers());
            finalizers.remove(NamespaceStrategy.FINALIZER_KUBERNETES);
            return ns.withSpec(new Namespace.Spec(finalizers));
        });
        LOG.info("namespace {}: emptied and finalized", name);
        return true; // it is gone now, or waits for its metadata.finalizers like any object
    }

    /** Deletes every object of one resource in the namespace; returns how many are still there. */
    private static <T extends KubeObject> int deleteAll(Registry<T> registry, String namespace) {
        int remaining = 0;
        for (T obj : registry.list(namespace, ListOptions.ALL).items()) {
            if (obj.metadataOrEmpty().deletionTimestamp() != null) {
                remaining++; // already pending (grace period, finalizers): wait for it
                continue;
            }
            try {
                if (!registry.delete(namespace, obj.name(), null).deleted()) {
                    remaining++;
                }
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        return remaining;
    }
}
