package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.core.ServiceStatus;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.api.validation.Validators;
import io.skiff.apiserver.ApiErrors;
import io.skiff.storage.StorageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Services: a cluster IP (and, for NodePort and LoadBalancer services, node ports) allocated on
 * create or on the update that first needs them — or the requested ones, if free and in range —
 * and given back when the service is deleted or no longer needs them; status cleared on create.
 * An update that leaves allocated values out keeps them, as Kubernetes' service strategy does.
 */
public final class ServiceStrategy extends KindStrategy<Service> {
    private static final FieldPath SPEC = FieldPath.root("spec");

    private final ServiceIpAllocator ips;
    private final NodePortAllocator nodePorts;

    public ServiceStrategy(ResourceInfo resource, ServiceIpAllocator ips, NodePortAllocator nodePorts) {
        super(resource, Service.class);
        this.ips = ips;
        this.nodePorts = nodePorts;
    }

    @Override
    public Service prepareForCreate(Service svc) {
        Service s = svc.withStatus(new ServiceStatus(new ServiceStatus.LoadBalancerStatus(null)));
        ServiceSpec spec = s.spec();
        if (spec != null && !isEmpty(spec.clusterIP()) && isEmpty(spec.clusterIPs())) {
            s = s.withSpec(withClusterIPs(spec, spec.clusterIP(), List.of(spec.clusterIP()))); // an old client's create
        }
        return s;
    }

    @Override
    public Service prepareForUpdate(Service updated, Service old) {
        Service s = updated.withStatus(old.status());
        if (s.spec() == null || old.spec() == null) {
            return s;
        }
        ServiceSpec n = s.spec();
        ServiceSpec o = old.spec();
        // patchAllocatedValues: what the update leaves out and the service still needs stays (kubectl apply).
        if (needsClusterIP(o) && needsClusterIP(n)) {
            n = withClusterIPs(n, isEmpty(n.clusterIP()) ? o.clusterIP() : n.clusterIP(),
                    isEmpty(n.clusterIPs()) ? o.clusterIPs() : n.clusterIPs());
        }
        if (needsNodePort(o) && needsNodePort(n)) {
            n = n.withPorts(keepNodePorts(n.ports(), o.ports()));
        }
        // dropTypeDependentFields: a type change that no longer needs them drops the values the client left as they were.
        if (needsClusterIP(o) && !needsClusterIP(n) && Objects.equals(n.clusterIP(), o.clusterIP())
                && (isEmpty(n.clusterIPs()) || Objects.equals(n.clusterIPs(), o.clusterIPs()))) {
            n = withClusterIPs(n, null, null);
        }
        if (needsNodePort(o) && !needsNodePort(n) && nodePortsOf(o).containsAll(nodePortsOf(n))) {
            n = n.withPorts(n.ports() == null ? null : n.ports().stream()
                    .map(p -> new ServicePort(p.name(), p.protocol(), p.port(), p.targetPort(), null)).toList());
        }
        return s.withSpec(normalizeClusterIPs(n, o));
    }

    @Override
    public Service prepareForStatusUpdate(Service updated, Service old) {
        return old.withMetadata(statusMeta(updated.metadataOrEmpty(), old.metadataOrEmpty())).withStatus(updated.status());
    }

    /** Kubernetes' rules, plus the ranges of this server's allocators: every error at once. */
    @Override
    public List<FieldError> validate(Service svc) {
        List<FieldError> errs = new ArrayList<>(Validators.validate(svc));
        errs.addAll(rangeErrors(svc, null));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(Service updated, Service old) {
        List<FieldError> errs = new ArrayList<>(Validators.validateUpdate(updated, old));
        errs.addAll(rangeErrors(updated, old));
        return errs;
    }

    /** Requested values outside the ranges; values the stored service already holds are never re-checked. */
    private List<FieldError> rangeErrors(Service svc, Service old) {
        List<FieldError> errs = new ArrayList<>();
        ServiceSpec spec = svc.spec();
        if (spec == null) {
            return errs;
        }
        String ip = spec.clusterIP();
        if (needsClusterIP(spec) && !isEmpty(ip) && !ServiceSpec.CLUSTER_IP_NONE.equals(ip) && ServiceIpAllocator.parse(ip) >= 0
                && !ips.contains(ip) && (old == null || old.spec() == null || !ip.equals(old.spec().clusterIP()))) {
            errs.add(FieldError.invalid(SPEC.child("clusterIP"), ip,
                    "provided IP is not in the valid range. The range of valid IPs is " + ips.range()));
        }
        Set<Integer> oldPorts = old == null || old.spec() == null || !needsNodePort(old.spec()) ? Set.of() : nodePortsOf(old.spec());
        if (needsNodePort(spec) && spec.ports() != null) {
            for (int i = 0; i < spec.ports().size(); i++) {
                Integer np = spec.ports().get(i).nodePort();
                if (np != null && np != 0 && !nodePorts.contains(np) && !oldPorts.contains(np)) {
                    errs.add(FieldError.invalid(SPEC.child("ports").index(i).child("nodePort"), np,
                            "provided port is not in the valid range. The range of valid ports is " + nodePorts.range()));
                }
            }
        }
        return errs;
    }

    /**
     * Reserves the cluster IP and node ports {@code svc} needs and {@code old} does not hold:
     * free ones for what is left empty, the requested ones when free (422 when another service
     * holds one). All or nothing: a failure gives back what this call reserved.
     */
    @Override
    public Service allocate(Service svc, Service old, boolean dryRun) {
        ServiceSpec spec = svc.spec();
        if (spec == null) {
            return svc;
        }
        String owner = svc.namespace() + "/" + svc.name();
        Reservations made = new Reservations();
        List<FieldError> errs = new ArrayList<>();
        try {
            String ip = spec.clusterIP();
            if (needsClusterIP(spec) && isEmpty(ip)) {
                ip = dryRun ? ips.peekFree() : ips.allocateNext(owner);
                made.ip = dryRun ? null : ip;
                spec = withClusterIPs(spec, ip, List.of(ip));
            } else if (needsClusterIP(spec) && !ServiceSpec.CLUSTER_IP_NONE.equals(ip) && ips.contains(ip)
                    && !ip.equals(heldIp(old))) {
                if (dryRun ? ips.isAllocated(ip) : !ips.allocate(ip, owner)) {
                    errs.add(FieldError.invalid(SPEC.child("clusterIP"), ip, "provided IP is already allocated"));
                } else {
                    made.ip = dryRun ? null : ip;
                }
            }
            if (needsNodePort(spec) && spec.ports() != null) {
                spec = spec.withPorts(allocateNodePorts(spec.ports(), heldPorts(old), owner, dryRun, made, errs));
            }
            if (!errs.isEmpty()) {
                throw ApiErrors.invalid(resource, svc.name(), errs);
            }
            return svc.withSpec(spec);
        } catch (RangeFullException e) {
            made.release();
            throw ApiErrors.internal(e);
        } catch (StorageException e) {
            made.release();
            throw StorageErrors.map(e);
        } catch (RuntimeException e) {
            made.release();
            throw e;
        }
    }

    /** Requested ports first (so a free pick never takes one the same service asks for), then the empty ones. */
    private List<ServicePort> allocateNodePorts(List<ServicePort> ports, Set<Integer> held, String owner, boolean dryRun,
            Reservations made, List<FieldError> errs) throws StorageException, RangeFullException {
        Set<Integer> mine = new HashSet<>(held); // a port shared by a TCP and a UDP port is reserved once
        List<ServicePort> out = new ArrayList<>(ports);
        for (int i = 0; i < out.size(); i++) {
            Integer np = out.get(i).nodePort();
            if (np == null || np == 0 || mine.contains(np) || !nodePorts.contains(np)) {
                continue;
            }
            if (dryRun ? nodePorts.isAllocated(np) : !nodePorts.allocate(np, owner)) {
                errs.add(FieldError.invalid(SPEC.child("ports").index(i).child("nodePort"), np,
                        "provided port is already allocated"));
            } else {
                mine.add(np);
                if (!dryRun) {
                    made.ports.add(np);
                }
            }
        }
        for (int i = 0; i < out.size(); i++) {
            ServicePort p = out.get(i);
            if (p.nodePort() == null || p.nodePort() == 0) {
                int np = dryRun ? nodePorts.peekFree(mine) : nodePorts.allocateNext(owner);
                mine.add(np);
                if (!dryRun) {
                    made.ports.add(np);
                }
                out.set(i, new ServicePort(p.name(), p.protocol(), p.port(), p.targetPort(), np));
            }
        }
        return out;
    }

    @Override
    public void release(Service holder, Service keep) {
        String ip = heldIp(holder);
        if (ip != null && !ip.equals(heldIp(keep))) {
            ips.release(ip);
        }
        Set<Integer> ports = heldPorts(holder);
        ports.removeAll(heldPorts(keep));
        ports.forEach(nodePorts::release);
    }

    /** What one {@link #allocate} call reserved, to give back if it fails. */
    private final class Reservations {
        String ip;
        final List<Integer> ports = new ArrayList<>();

        void release() {
            if (ip != null) {
                ips.release(ip);
            }
            ports.forEach(nodePorts::release);
        }
    }

    public ServiceIpAllocator ips() {
        return ips;
    }

    public NodePortAllocator nodePorts() {
        return nodePorts;
    }

    /** The cluster IP {@code svc} holds from the range, or null. */
    String heldIp(Service svc) {
        ServiceSpec spec = svc == null ? null : svc.spec();
        if (spec == null || !needsClusterIP(spec) || isEmpty(spec.clusterIP())
                || ServiceSpec.CLUSTER_IP_NONE.equals(spec.clusterIP()) || !ips.contains(spec.clusterIP())) {
            return null;
        }
        return spec.clusterIP();
    }

    /** The node ports {@code svc} holds from the range. */
    Set<Integer> heldPorts(Service svc) {
        ServiceSpec spec = svc == null ? null : svc.spec();
        Set<Integer> out = new LinkedHashSet<>();
        if (spec != null && needsNodePort(spec)) {
            nodePortsOf(spec).stream().filter(nodePorts::contains).forEach(out::add);
        }
        return out;
    }

    /** The old node port of each port the update left without one, matched by name, unless another port uses it. */
    private static List<ServicePort> keepNodePorts(List<ServicePort> ports, List<ServicePort> oldPorts) {
        if (ports == null || oldPorts == null) {
            return ports;
        }
        Set<Integer> used = new HashSet<>(nodePorts(oldPorts));
        used.retainAll(nodePorts(ports));
        Map<String, Integer> byName = new HashMap<>();
        oldPorts.forEach(p -> byName.put(orEmpty(p.name()), p.nodePort()));
        List<ServicePort> out = new ArrayList<>(ports.size());
        for (ServicePort p : ports) {
            Integer old = byName.get(orEmpty(p.name()));
            boolean unset = p.nodePort() == null || p.nodePort() == 0;
            out.add(unset && old != null && old != 0 && !used.contains(old)
                    ? new ServicePort(p.name(), p.protocol(), p.port(), p.targetPort(), old) : p);
        }
        return out;
    }

    /** Kubernetes' normalizeClusterIPs on update: clusterIPs follows a clusterIP changed or cleared alone. */
    private static ServiceSpec normalizeClusterIPs(ServiceSpec n, ServiceSpec o) {
        List<String> clusterIPs = n.clusterIPs();
        if (!isEmpty(o.clusterIPs()) && isEmpty(clusterIPs) && Objects.equals(orEmpty(o.clusterIP()), orEmpty(n.clusterIP()))) {
            clusterIPs = o.clusterIPs();
        }
        if (!Objects.equals(orEmpty(o.clusterIP()), orEmpty(n.clusterIP())) && Objects.equals(o.clusterIPs(), clusterIPs)) {
            clusterIPs = isEmpty(n.clusterIP()) ? null : List.of(n.clusterIP());
        }
        return withClusterIPs(n, n.clusterIP(), clusterIPs);
    }

    private static Set<Integer> nodePortsOf(ServiceSpec spec) {
        return nodePorts(spec.ports());
    }

    private static Set<Integer> nodePorts(List<ServicePort> ports) {
        Set<Integer> out = new LinkedHashSet<>();
        if (ports != null) {
            ports.stream().map(ServicePort::nodePort).filter(p -> p != null && p != 0).forEach(out::add);
        }
        return out;
    }

    private static boolean needsClusterIP(ServiceSpec spec) {
        return !ServiceSpec.TYPE_EXTERNAL_NAME.equals(spec.type());
    }

    private static boolean needsNodePort(ServiceSpec spec) {
        return ServiceSpec.TYPE_NODE_PORT.equals(spec.type()) || ServiceSpec.TYPE_LOAD_BALANCER.equals(spec.type());
    }

    @Override
    public Object spec(Service svc) {
        return svc.spec();
    }

    private static ServiceSpec withClusterIPs(ServiceSpec s, String ip, List<String> ipList) {
        return new ServiceSpec(s.ports(), s.selector(), ip, ipList, s.type(), s.externalIPs(), s.sessionAffinity(),
                s.loadBalancerIP(), s.externalName());
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static boolean isEmpty(List<?> l) {
        return l == null || l.isEmpty();
    }
}
