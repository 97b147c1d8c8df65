package io.skiff.kubelet.proxy;

import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Service;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import io.skiff.client.informer.SharedInformerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's service proxy, in the manner of the 2014 kube-proxy's userspace mode: it watches
 * Services and Endpoints, listens on {@code <bind address>:<nodePort>} for every service port
 * with a node port (and on the cluster IP when that is an address of this machine), and forwards
 * each connection to the next ready endpoint, round robin.
 *
 * <p>One loop reconciles: any change of a service or endpoints asks for a sync, which computes
 * the {@link ProxyRules} from the informers' caches, gives the balancer the new backends and
 * opens and closes listeners to match. A listener that cannot bind (the port is taken) is tried
 * again on every sync and at least every {@link #RETRY}.
 */
public final class ServiceProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceProxy.class);
    static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String bindAddress;
    private final Predicate<String> isLocalAddress;
    private final SharedInformerFactory informers;
    private final SharedInformer<Service> services;
    private final SharedInformer<Endpoints> endpoints;
    private final RoundRobinBalancer balancer = new RoundRobinBalancer();
    private final Map<InetSocketAddress, ProxyListener> listening = new HashMap<>();
    private final Set<String> reportedFailures = new HashSet<>();
    private final BlockingQueue<Boolean> syncRequests = new ArrayBlockingQueue<>(1);
    private volatile boolean closed;
    private Thread loop;

    /** A proxy whose node ports listen on {@code bindAddress} (the kubelet's address, 127.0.0.1 by default). */
    public ServiceProxy(SkiffClient client, String bindAddress) {
        this(client, bindAddress, ServiceProxy::isLocalAddress);
    }

    ServiceProxy(SkiffClient client, String bindAddress, Predicate<String> isLocalAddress) {
        this.bindAddress = bindAddress;
        this.isLocalAddress = isLocalAddress;
        this.informers = new SharedInformerFactory(client, Duration.ZERO);
        this.services = informers.services();
        this.endpoints = informers.endpoints();
    }

    public synchronized ServiceProxy start() {
        if (loop != null) {
            return this;
        }
        services.addEventHandler(ResourceEventHandler.onAnyChange(s -> requestSync()));
        endpoints.addEventHandler(ResourceEventHandler.onAnyChange(e -> requestSync()));
        informers.start();
        loop = Thread.ofVirtual().name("service-proxy").start(this::run);
        return this;
    }

    private void requestSync() {
        syncRequests.offer(Boolean.TRUE); // a full queue already holds a pending sync
    }

    private void run() {
        try {
            // Nothing is proxied before both caches hold the whole picture (no half-known backends).
            while (!closed && !(services.waitForSync(RETRY) && endpoints.waitForSync(RETRY))) {
                log.debug("Service proxy waits for the services and endpoints caches");
            }
        } catch (InterruptedException e) {
            return;
        }
        while (!closed) {
            try {
                sync();
            } catch (RuntimeException e) {
                log.warn("Service proxy sync failed: {}", e.toString());
            }
            try {
                syncRequests.poll(RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Brings balancer and listeners in line with the caches. */
    synchronized void sync() {
        if (closed) {
            return;
        }
        ProxyRules rules = ProxyRules.of(services.getIndexer().list(), endpoints.getIndexer().list(), bindAddress,
                isLocalAddress);
        balancer.update(rules.backends());
        listening.entrySet().removeIf(e -> {
            ServicePortName wanted = rules.listeners().get(e.getKey());
            if (wanted != null && wanted.equals(e.getValue().service())) {
                return false;
            }
            e.getValue().close();
            return true;
        });
        for (Map.Entry<InetSocketAddress, ServicePortName> want : rules.listeners().entrySet()) {
            if (listening.containsKey(want.getKey())) {
                continue;
            }
            String id = want.getValue() + "@" + want.getKey();
            try {
                listening.put(want.getKey(),
                        new ProxyListener(want.getKey(), want.getValue(), balancer, CONNECT_TIMEOUT).start());
                reportedFailures.remove(id);
            } catch (IOException e) {
                if (reportedFailures.add(id)) { // once, not every retry
                    log.warn("Cannot listen on {} for service {}: {} (retrying every {}s)", want.getKey(),
                            want.getValue(), e.getMessage(), RETRY.toSeconds());
                }
            }
        }
        for (String conflict : rules.conflicts()) {
            if (reportedFailures.add(conflict)) {
                log.warn("Service port conflict: {}", conflict);
            }
        }
    }

    /** The addresses listened on now, and for which service port. */
    public synchronized Map<InetSocketAddress, ServicePortName> listeners() {
        Map<InetSocketAddress, ServicePortName> out = new HashMap<>();
        listening.forEach((address, l) -> out.put(address, l.service()));
        return out;
    }

    /** Whether {@code ip} is an address of one of this machine's interfaces. */
    static boolean isLocalAddress(String ip) {
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getByName(ip)) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        informers.stop();
        Thread l = loop;
        if (l != null) {
            l.interrupt();
        }
        synchronized (this) {
            listening.values().forEach(ProxyListener::close);
            listening.clear();
        }
    }
}
