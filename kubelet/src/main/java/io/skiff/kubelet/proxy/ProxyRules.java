package io.skiff.kubelet.proxy;

import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.EndpointSubset.EndpointAddress;
import io.skiff.api.core.EndpointSubset.EndpointPort;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the proxy should be doing, computed from the services and endpoints it knows: which
 * addresses to listen on for which service port, and the ready backends of each service port.
 *
 * <p>A service port is served on {@code <bind address>:<nodePort>} when it has a node port, and
 * on {@code <clusterIP>:<port>} when the cluster IP is an address of this machine (it is not,
 * unless someone assigned it: reaching cluster IPs from anywhere needs iptables rules, which this
 * proxy does not write). TCP only. Two service ports claiming one address: the first by
 * namespace/name keeps it.
 *
 * @param listeners where to listen, and for which service port
 * @param backends  the ready pod addresses and target ports of each service port
 * @param conflicts service ports that could not get their address (for the log)
 */
record ProxyRules(Map<InetSocketAddress, ServicePortName> listeners,
        Map<ServicePortName, List<InetSocketAddress>> backends, List<String> conflicts) {

    static ProxyRules of(Collection<Service> services, Collection<Endpoints> endpoints, String bindAddress,
            Predicate<String> isLocalAddress) {
        Map<String, Endpoints> endpointsByKey = new LinkedHashMap<>();
        for (Endpoints e : endpoints) {
            endpointsByKey.put(e.namespace() + "/" + e.name(), e);
        }
        List<Service> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparing((Service s) -> s.namespace()).thenComparing(Service::name));
        Map<InetSocketAddress, ServicePortName> listeners = new LinkedHashMap<>();
        Map<ServicePortName, List<InetSocketAddress>> backends = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Service service : sorted) {
            ServiceSpec spec = service.spec();
            if (spec == null || spec.ports() == null || ServiceSpec.TYPE_EXTERNAL_NAME.equals(spec.type())) {
                continue;
            }
            boolean clusterIpLocal = spec.clusterIP() != null && !spec.clusterIP().isEmpty()
                    && !ServiceSpec.CLUSTER_IP_NONE.equals(spec.clusterIP()) && isLocalAddress.test(spec.clusterIP());
            for (ServicePort port : spec.ports()) {
                if (port.protocol() != null && !ContainerPort.PROTOCOL_TCP.equals(port.protocol())) {
                    continue; // UDP and SCTP are not proxied
                }
                ServicePortName name = new ServicePortName(service.namespace(), service.name(), port.name());
                List<InetSocketAddress> addresses = new ArrayList<>();
                if (port.nodePort() != null && port.nodePort() > 0) {
                    addresses.add(new InetSocketAddress(bindAddress, port.nodePort()));
                }
                if (clusterIpLocal && port.port() != null) {
                    addresses.add(new InetSocketAddress(spec.clusterIP(), port.port()));
                }
                if (addresses.isEmpty()) {
                    continue;
                }
                for (InetSocketAddress address : addresses) {
                    ServicePortName holder = listeners.putIfAbsent(address, name);
                    if (holder != null) {
                        conflicts.add(name + " wants " + address + ", which " + holder + " has");
                    }
                }
                backends.put(name, readyBackends(endpointsByKey.get(service.namespace() + "/" + service.name()),
                        name.port()));
            }
        }
        return new ProxyRules(Map.copyOf(listeners), Map.copyOf(backends), List.copyOf(conflicts));
    }

    /** The ready addresses (never {@code notReadyAddresses}) with the endpoint port of that name. */
    private static List<InetSocketAddress> readyBackends(Endpoints endpoints, String portName) {
        List<InetSocketAddress> out = new ArrayList<>();
        if (endpoints == null || endpoints.subsets() == null) {
            return out;
        }
        for (EndpointSubset subset : endpoints.subsets()) {
            if (subset.addresses() == null || subset.ports() == null) {
                continue;
            }
            for (EndpointPort port : subset.ports()) {
                String name = port.name() == null ? "" : port.name();
                if (!name.equals(portName) || port.port() == null) {
                    continue;
                }
                for (EndpointAddress address : subset.addresses()) {
                    if (address.ip() != null && !address.ip().isEmpty()) {
                        out.add(InetSocketAddress.createUnresolved(address.ip(), port.port()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(InetSocketAddress::getHostString).thenComparingInt(InetSocketAddress::getPort));
        return out;
    }
}
