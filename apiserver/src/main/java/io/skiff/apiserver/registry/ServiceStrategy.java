package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.core.ServiceStatus;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.api.validation.FieldValidation;
import io.skiff.api.validation.NameValidator;
import io.skiff.api.validation.Validation;
import io.skiff.apiserver.ApiErrors;
import io.skiff.storage.StorageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Services: a cluster IP allocated on create (or the requested one, if free and in range),
 * immutable afterwards and released when the service is deleted; status cleared on create.
 */
public final class ServiceStrategy extends KindStrategy<Service> {
    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final List<String> TYPES = List.of(ServiceSpec.TYPE_CLUSTER_IP, ServiceSpec.TYPE_NODE_PORT,
            ServiceSpec.TYPE_LOAD_BALANCER, ServiceSpec.TYPE_EXTERNAL_NAME);
    private static final List<String> AFFINITIES = List.of(ServiceSpec.AFFINITY_CLIENT_IP, ServiceSpec.AFFINITY_NONE);
    private static final List<String> PROTOCOLS = List.of(ContainerPort.PROTOCOL_TCP, "UDP", "SCTP");

    private final ServiceIpAllocator ips;

    public ServiceStrategy(ResourceInfo resource, ServiceIpAllocator ips) {
        super(resource, Service.class, NameValidator.DNS_1035_LABEL);
        this.ips = ips;
    }

    @Override
    public Service prepareForCreate(Service svc) {
        return svc.withStatus(new ServiceStatus(new ServiceStatus.LoadBalancerStatus(null)));
    }

    @Override
    public Service prepareForUpdate(Service updated, Service old) {
        Service s = updated.withStatus(old.status());
        ServiceSpec spec = s.spec();
        ServiceSpec oldSpec = old.spec();
        if (spec != null && oldSpec != null && isEmpty(spec.clusterIP()) && !isEmpty(oldSpec.clusterIP())) {
            // An update that leaves the cluster IP out keeps it (kubectl apply of a manifest without one).
            s = s.withSpec(withClusterIP(spec, oldSpec.clusterIP()));
        }
        return s;
    }

    @Override
    public Service prepareForStatusUpdate(Service updated, Service old) {
        return old.withMetadata(statusMeta(updated.metadataOrEmpty(), old.metadataOrEmpty())).withStatus(updated.status());
    }

    @Override
    public Service allocate(Service svc) {
        ServiceSpec spec = svc.spec();
        if (spec == null || ServiceSpec.TYPE_EXTERNAL_NAME.equals(spec.type())
                || ServiceSpec.CLUSTER_IP_NONE.equals(spec.clusterIP())) {
            return svc;
        }
        String owner = svc.namespace() + "/" + svc.name();
        FieldPath path = SPEC.child("clusterIP");
        try {
            if (isEmpty(spec.clusterIP())) {
                return svc.withSpec(withClusterIP(spec, ips.allocateNext(owner)));
            }
            if (!ips.contains(spec.clusterIP())) {
                throw ApiErrors.invalid(resource, svc.name(), List.of(FieldError.invalid(path, spec.clusterIP(),
                        "provided IP is not in the valid range. The range of valid IPs is " + ips.range())));
            }
            if (!ips.allocate(spec.clusterIP(), owner)) {
                throw ApiErrors.invalid(resource, svc.name(), List.of(FieldError.invalid(path, spec.clusterIP(),
                        "provided IP is already allocated")));
            }
            return svc.withSpec(withClusterIP(spec, spec.clusterIP()));
        } catch (ServiceIpAllocator.RangeFullException e) {
            throw ApiErrors.internal(new IllegalStateException("failed to allocate a serviceIP: " + e.getMessage()));
        } catch (StorageException e) {
            throw StorageErrors.map(e);
        }
    }

    @Override
    public void release(Service svc) {
        String ip = svc.spec() == null ? null : svc.spec().clusterIP();
        if (!isEmpty(ip) && ips.contains(ip)) {
            ips.release(ip);
        }
    }

    @Override
    protected List<FieldError> validateKind(Service svc) {
        List<FieldError> errs = new ArrayList<>();
        ServiceSpec spec = svc.spec();
        if (spec == null) {
            errs.add(FieldError.required(SPEC, ""));
            return errs;
        }
        boolean externalName = ServiceSpec.TYPE_EXTERNAL_NAME.equals(spec.type());
        if (spec.type() != null) {
            errs.addAll(FieldValidation.validateEnum(spec.type(), TYPES, SPEC.child("type")));
        }
        if (spec.sessionAffinity() != null) {
            errs.addAll(FieldValidation.validateEnum(spec.sessionAffinity(), AFFINITIES, SPEC.child("sessionAffinity")));
        }
        String ip = spec.clusterIP();
        if (!isEmpty(ip) && !ServiceSpec.CLUSTER_IP_NONE.equals(ip)) {
            errs.addAll(FieldValidation.invalidEach(SPEC.child("clusterIP"), ip, Validation.isValidIP(ip)));
        }
        List<ServicePort> ports = spec.ports();
        FieldPath portsPath = SPEC.child("ports");
        boolean headless = ServiceSpec.CLUSTER_IP_NONE.equals(ip);
        if ((ports == null || ports.isEmpty()) && !headless && !externalName) {
            errs.add(FieldError.required(portsPath, ""));
        }
        if (ports != null) {
            for (int i = 0; i < ports.size(); i++) {
                ServicePort p = ports.get(i);
                FieldPath at = portsPath.index(i);
                if (ports.size() > 1 && isEmpty(p.name())) {
                    errs.add(FieldError.required(at.child("name"), ""));
                } else if (!isEmpty(p.name())) {
                    errs.addAll(FieldValidation.invalidEach(at.child("name"), p.name(), Validation.isDNS1123Label(p.name())));
                }
                if (p.port() == null) {
                    errs.add(FieldError.required(at.child("port"), ""));
                } else {
                    errs.addAll(FieldValidation.validatePortNumber(p.port(), at.child("port")));
                }
                if (p.protocol() != null) {
                    errs.addAll(FieldValidation.validateEnum(p.protocol(), PROTOCOLS, at.child("protocol")));
                }
            }
            errs.addAll(FieldValidation.validateUnique(ports, ServicePort::name, portsPath, "name"));
        }
        return errs;
    }

    @Override
    protected List<FieldError> validateKindUpdate(Service updated, Service old) {
        List<FieldError> errs = new ArrayList<>(validateKind(updated));
        String oldIp = old.spec() == null ? "" : orEmpty(old.spec().clusterIP());
        String newIp = updated.spec() == null ? "" : orEmpty(updated.spec().clusterIP());
        if (!oldIp.isEmpty()) {
            errs.addAll(FieldValidation.validateImmutable(newIp, oldIp, SPEC.child("clusterIP")));
        }
        return errs;
    }

    @Override
    public Object spec(Service svc) {
        return svc.spec();
    }

    private static ServiceSpec withClusterIP(ServiceSpec s, String ip) {
        return new ServiceSpec(s.ports(), s.selector(), ip, List.of(ip), s.type(), s.externalIPs(), s.sessionAffinity(),
                s.loadBalancerIP(), s.externalName());
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
