package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.METADATA;
import static io.skiff.api.validation.ObjectMetaValidation.orZero;
import static io.skiff.api.validation.ObjectMetaValidation.str;

import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.core.ServiceStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Services, as Kubernetes' {@code ValidateService}, {@code ValidateServiceUpdate} and
 * {@code ValidateServiceStatusUpdate} check the fields Skiff serves. The node port range is the
 * apiserver's port allocator's to check, as in Kubernetes (the range is its flag). Kubernetes validates {@code clusterIPs} after its strategy filled them
 * from {@code clusterIP}; Skiff validates the same normalized list, so errors name
 * {@code spec.clusterIPs[0]} as Kubernetes' do.
 */
public final class ServiceValidation {

    static final FieldPath SPEC = FieldPath.root("spec");
    static final List<String> TYPES = List.of(ServiceSpec.TYPE_CLUSTER_IP, ServiceSpec.TYPE_EXTERNAL_NAME,
            ServiceSpec.TYPE_LOAD_BALANCER, ServiceSpec.TYPE_NODE_PORT);
    static final List<String> SESSION_AFFINITIES = List.of(ServiceSpec.AFFINITY_CLIENT_IP, ServiceSpec.AFFINITY_NONE);

    private ServiceValidation() {
    }

    public static List<FieldError> validate(Service svc) {
        ErrorList errs = new ErrorList();
        service(svc, errs);
        return errs.toList();
    }

    /** The new service is valid, and its cluster IPs did not change once allocated. */
    public static List<FieldError> validateUpdate(Service newSvc, Service oldSvc) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newSvc.metadata(), oldSvc.metadata(), METADATA));
        clusterIPsUpdate(spec(newSvc), spec(oldSvc), errs);
        service(newSvc, errs);
        return errs.toList();
    }

    /** Load balancer ingress points: valid IPs and DNS names, and only on LoadBalancer services. */
    public static List<FieldError> validateStatusUpdate(Service newSvc, Service oldSvc) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newSvc.metadata(), oldSvc.metadata(), METADATA));
        ServiceStatus status = newSvc.status();
        List<ServiceStatus.LoadBalancerIngress> ingress = status == null || status.loadBalancer() == null
                || status.loadBalancer().ingress() == null ? List.of() : status.loadBalancer().ingress();
        FieldPath path = FieldPath.root("status", "loadBalancer", "ingress");
        if (!ingress.isEmpty() && !ServiceSpec.TYPE_LOAD_BALANCER.equals(spec(newSvc).type())) {
            errs.add(FieldError.forbidden(path, "may only be used when `spec.type` is 'LoadBalancer'"));
            return errs.toList();
        }
        for (int i = 0; i < ingress.size(); i++) {
            String ip = str(ingress.get(i).ip());
            String hostname = str(ingress.get(i).hostname());
            if (!ip.isEmpty()) {
                errs.addAll(FieldValidation.invalidEach(path.index(i).child("ip"), ip, Validation.isValidIP(ip)));
            }
            if (!hostname.isEmpty()) {
                FieldPath p = path.index(i).child("hostname");
                errs.addAll(FieldValidation.invalidEach(p, hostname, Validation.isDNS1123Subdomain(hostname)));
                if (IpLiteral.isValid(hostname)) {
                    errs.add(FieldError.invalid(p, hostname, "must be a DNS name, not an IP address"));
                }
            }
        }
        return errs.toList();
    }

    private static void service(Service svc, ErrorList errs) {
        errs.addAll(ObjectMetaValidation.validate(svc.metadata(), true, NameValidator.DNS_1035_LABEL, METADATA));
        ServiceSpec s = spec(svc);
        String type = str(s.type());
        List<String> clusterIPs = clusterIPs(s);
        boolean headless = clusterIPs.size() == 1 && clusterIPs.get(0).equals(ServiceSpec.CLUSTER_IP_NONE);
        List<ServicePort> ports = s.ports() == null ? List.of() : s.ports();
        if (ports.isEmpty() && !headless && !type.equals(ServiceSpec.TYPE_EXTERNAL_NAME)) {
            errs.add(FieldError.required(SPEC.child("ports"), ""));
        }
        switch (type) {
            case ServiceSpec.TYPE_LOAD_BALANCER, ServiceSpec.TYPE_NODE_PORT -> {
                if (headless) {
                    errs.add(FieldError.invalid(SPEC.child("clusterIPs").index(0), clusterIPs.get(0),
                            "may not be set to 'None' for " + type + " services"));
                }
            }
            case ServiceSpec.TYPE_EXTERNAL_NAME -> {
                if (!clusterIPs.isEmpty()) {
                    errs.add(FieldError.forbidden(SPEC.child("clusterIPs"), "may not be set for ExternalName services"));
                }
                String cname = str(s.externalName());
                cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
                if (cname.isEmpty()) {
                    errs.add(FieldError.required(SPEC.child("externalName"), ""));
                } else {
                    errs.addAll(FieldValidation.invalidEach(SPEC.child("externalName"), cname,
                            Validation.isDNS1123Subdomain(cname)));
                }
            }
            default -> { }
        }
        Set<String> portNames = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            port(ports.get(i), ports.size() > 1, portNames, SPEC.child("ports").index(i), errs);
        }
        if (s.selector() != null) {
            errs.addAll(FieldValidation.validateLabels(s.selector(), SPEC.child("selector")));
        }
        errs.addAll(FieldValidation.validateEnum(s.sessionAffinity(), SESSION_AFFINITIES, SPEC.child("sessionAffinity")));
        clusterIPsFields(s, clusterIPs, errs);
        List<String> externalIPs = s.externalIPs() == null ? List.of() : s.externalIPs();
        for (int i = 0; i < externalIPs.size(); i++) {
            String ip = str(externalIPs.get(i));
            FieldPath p = SPEC.child("externalIPs").index(i);
            List<String> msgs = Validation.isValidIP(ip);
            if (!msgs.isEmpty()) {
                errs.addAll(FieldValidation.invalidEach(p, ip, msgs));
            } else {
                IpRules.nonSpecialIP(ip, p, errs);
            }
        }
        errs.addAll(FieldValidation.validateEnum(s.type(), TYPES, SPEC.child("type")));
        nodePorts(ports, type, errs);
        duplicatePorts(ports, errs);
    }

    /** validateServicePort: names DNS labels, required and unique when there are several. */
    private static void port(ServicePort sp, boolean requireName, Set<String> names, FieldPath path, ErrorList errs) {
        String name = str(sp.name());
        if (requireName && name.isEmpty()) {
            errs.add(FieldError.required(path.child("name"), ""));
        } else if (!name.isEmpty()) {
            errs.addAll(FieldValidation.invalidEach(path.child("name"), name, Validation.isDNS1123Label(name)));
            if (!names.add(name)) {
                errs.add(FieldError.duplicate(path.child("name"), name));
            }
        }
        errs.addAll(FieldValidation.validatePortNumber(orZero(sp.port()), path.child("port")));
        errs.addAll(FieldValidation.validateEnum(sp.protocol(), ContainerValidation.PROTOCOLS, path.child("protocol")));
        ProbeValidation.validatePortNumOrName(sp.targetPort(), path.child("targetPort"), errs);
    }

    /** ValidateServiceClusterIPsRelatedFields, for the single-stack fields Skiff serves. */
    private static void clusterIPsFields(ServiceSpec s, List<String> clusterIPs, ErrorList errs) {
        if (ServiceSpec.TYPE_EXTERNAL_NAME.equals(s.type())) {
            return;
        }
        FieldPath path = SPEC.child("clusterIPs");
        String clusterIP = str(s.clusterIP());
        if (!clusterIP.isEmpty() && !clusterIPs.get(0).equals(clusterIP)) {
            errs.add(FieldError.invalid(path, clusterIPs, "first value must match `clusterIP`"));
        } else if (clusterIP.isEmpty() && !clusterIPs.isEmpty()) {
            errs.add(FieldError.invalid(path, clusterIPs, "must be empty when `clusterIP` is not specified"));
        }
        for (int i = 0; i < clusterIPs.size(); i++) {
            String ip = clusterIPs.get(i);
            if (i == 0 && ip.equals(ServiceSpec.CLUSTER_IP_NONE)) {
                if (clusterIPs.size() > 1) {
                    errs.add(FieldError.invalid(path, clusterIPs, "'None' must be the first and only value"));
                }
                continue;
            }
            errs.addAll(FieldValidation.invalidEach(path.index(i), ip, Validation.isValidIP(ip)));
        }
        if (clusterIPs.size() > 2) {
            errs.add(FieldError.invalid(path, clusterIPs, "may only hold up to 2 values"));
        }
    }

    /** Node ports: none on a ClusterIP service, unique per protocol. */
    private static void nodePorts(List<ServicePort> ports, String type, ErrorList errs) {
        FieldPath path = SPEC.child("ports");
        if (type.equals(ServiceSpec.TYPE_CLUSTER_IP)) {
            for (int i = 0; i < ports.size(); i++) {
                if (orZero(ports.get(i).nodePort()) != 0) {
                    errs.add(FieldError.forbidden(path.index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'"));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            long nodePort = orZero(ports.get(i).nodePort());
            if (nodePort != 0 && !seen.add(str(ports.get(i).protocol()) + "/" + nodePort)) {
                errs.add(FieldError.duplicate(path.index(i).child("nodePort"), nodePort));
            }
        }
    }

    /** One service port per protocol and port number. */
    private static void duplicatePorts(List<ServicePort> ports, ErrorList errs) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            String protocol = str(ports.get(i).protocol());
            long port = orZero(ports.get(i).port());
            if (!seen.add(protocol + "/" + port)) {
                // The value is the Go key struct Kubernetes compares, printed with %#v.
                errs.add(FieldError.duplicate(SPEC.child("ports").index(i), GoFormat.literal(
                        "core.ServicePort{Name:\"\", Protocol:" + GoFormat.quote(protocol)
                                + ", AppProtocol:(*string)(nil), Port:" + port
                                + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}")));
            }
        }
    }

    /** validateUpgradeDowngradeClusterIPs: an allocated cluster IP never changes. */
    private static void clusterIPsUpdate(ServiceSpec n, ServiceSpec o, ErrorList errs) {
        if (ServiceSpec.TYPE_EXTERNAL_NAME.equals(n.type()) || ServiceSpec.TYPE_EXTERNAL_NAME.equals(o.type())) {
            return;
        }
        List<String> newIPs = clusterIPs(n);
        List<String> oldIPs = clusterIPs(o);
        if (isHeadless(newIPs) && isHeadless(oldIPs)) {
            return;
        }
        FieldPath path = SPEC.child("clusterIPs");
        if (oldIPs.size() == newIPs.size()) {
            for (int i = 0; i < oldIPs.size(); i++) {
                if (!oldIPs.get(i).equals(newIPs.get(i))) {
                    errs.add(FieldError.invalid(path.index(i), newIPs, "may not change once set"));
                }
            }
        } else if (oldIPs.size() > newIPs.size()) {
            if (newIPs.isEmpty()) {
                errs.add(FieldError.invalid(path.index(0), GoFormat.literal("[]string(nil)"), "primary clusterIP can not be unset"));
            } else if (!newIPs.get(0).equals(oldIPs.get(0))) {
                errs.add(FieldError.invalid(path.index(0), newIPs, "may not change once set"));
            }
        } else if (!oldIPs.isEmpty() && !newIPs.get(0).equals(oldIPs.get(0))) {
            errs.add(FieldError.invalid(path.index(0), newIPs, "may not change once set"));
        }
    }

    /** The strategy's normalization: clusterIPs, or [clusterIP] when only that is set. */
    static List<String> clusterIPs(ServiceSpec s) {
        if (s.clusterIPs() != null && !s.clusterIPs().isEmpty()) {
            return s.clusterIPs().stream().map(ObjectMetaValidation::str).toList();
        }
        return str(s.clusterIP()).isEmpty() ? List.of() : List.of(s.clusterIP());
    }

    private static boolean isHeadless(List<String> clusterIPs) {
        return clusterIPs.size() == 1 && clusterIPs.get(0).equals(ServiceSpec.CLUSTER_IP_NONE);
    }

    private static ServiceSpec spec(Service svc) {
        return svc.spec() == null ? ServiceSpec.of(null, null) : svc.spec();
    }
}
