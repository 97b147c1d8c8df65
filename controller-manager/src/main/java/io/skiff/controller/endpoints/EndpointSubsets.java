package io.skiff.controller.endpoints;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.EndpointSubset.EndpointAddress;
import io.skiff.api.core.EndpointSubset.EndpointPort;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.meta.IntOrString;
import io.skiff.controller.Pods;
import io.skiff.controller.replication.PodClaims;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Service's Endpoints should hold: for each selected pod with an IP, its address under
 * {@code addresses} when Ready and {@code notReadyAddresses} otherwise, with the service's ports
 * resolved against the pod (a named {@code targetPort} is looked up among the pod's container
 * ports, so pods may serve it on different numbers). Pods that share the same resolved ports
 * share a subset, as Kubernetes repacks them; everything is sorted so that equal contents
 * compare equal and an unchanged Endpoints is never rewritten.
 */
public final class EndpointSubsets {
    private EndpointSubsets() {}

    public static List<EndpointSubset> of(Service service, List<Pod> pods) {
        Map<List<EndpointPort>, List<EndpointAddress>> ready = new LinkedHashMap<>();
        Map<List<EndpointPort>, List<EndpointAddress>> notReady = new LinkedHashMap<>();
        for (Pod pod : pods) {
            if (!selected(service, pod)) {
                continue;
            }
            List<EndpointPort> ports = resolvePorts(service, pod);
            if (ports.isEmpty()) {
                continue;
            }
            EndpointAddress address = new EndpointAddress(pod.status().podIP(), null, pod.spec().nodeName(),
                    new ObjectReference(Pod.KIND, pod.namespace(), pod.name(), pod.metadata().uid(), null, null, null));
            (Pods.isReady(pod) ? ready : notReady).computeIfAbsent(ports, p -> new ArrayList<>()).add(address);
        }
        Map<List<EndpointPort>, EndpointSubset> subsets = new java.util.TreeMap<>(PORTS_ORDER);
        for (List<EndpointPort> ports : union(ready, notReady)) {
            List<EndpointAddress> r = sorted(ready.get(ports));
            List<EndpointAddress> n = sorted(notReady.get(ports));
            subsets.put(ports, new EndpointSubset(r.isEmpty() ? null : r, n.isEmpty() ? null : n, ports));
        }
        return List.copyOf(subsets.values());
    }

    /** Pods the service selects that can serve: an IP, not terminating, not finished. */
    static boolean selected(Service service, Pod pod) {
        return service.spec() != null && PodClaims.selects(service.spec().selector(), pod.metadata().labels())
                && pod.status() != null && pod.status().podIP() != null && !pod.status().podIP().isEmpty()
                && Pods.isActive(pod);
    }

    /** The service's ports as this pod serves them; a named port the pod lacks is left out. */
    static List<EndpointPort> resolvePorts(Service service, Pod pod) {
        List<EndpointPort> out = new ArrayList<>();
        if (service.spec().ports() == null) {
            return out;
        }
        for (ServicePort sp : service.spec().ports()) {
            String protocol = sp.protocol() == null ? ContainerPort.PROTOCOL_TCP : sp.protocol();
            Integer port = targetPort(sp, protocol, pod);
            if (port != null) {
                out.add(new EndpointPort(sp.name(), port, protocol));
            }
        }
        out.sort(Comparator.comparing((EndpointPort p) -> p.name() == null ? "" : p.name())
                .thenComparing(EndpointPort::port).thenComparing(EndpointPort::protocol));
        return out;
    }

    private static Integer targetPort(ServicePort sp, String protocol, Pod pod) {
        IntOrString target = sp.targetPort();
        if (target == null) {
            return sp.port();
        }
        if (target.holdsInt()) {
            return target.intValue();
        }
        if (pod.spec() == null || pod.spec().containers() == null) {
            return null;
        }
        for (Container c : pod.spec().containers()) {
            if (c.ports() == null) {
                continue;
            }
            for (ContainerPort cp : c.ports()) {
                String cpProtocol = cp.protocol() == null ? ContainerPort.PROTOCOL_TCP : cp.protocol();
                if (target.stringValue().equals(cp.name()) && protocol.equals(cpProtocol)) {
                    return cp.containerPort();
                }
            }
        }
        return null;
    }

    private static final Comparator<List<EndpointPort>> PORTS_ORDER = (a, b) -> a.toString().compareTo(b.toString());

    private static List<List<EndpointPort>> union(Map<List<EndpointPort>, ?> a, Map<List<EndpointPort>, ?> b) {
        List<List<EndpointPort>> out = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(out::add);
        return out;
    }

    private static List<EndpointAddress> sorted(List<EndpointAddress> list) {
        if (list == null) {
            return List.of();
        }
        List<EndpointAddress> out = new ArrayList<>(list);
        out.sort(Comparator.comparing(EndpointAddress::ip).thenComparing(a -> a.targetRef().name()));
        return out;
    }
}
