package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.METADATA;
import static io.skiff.api.validation.ObjectMetaValidation.orZero;
import static io.skiff.api.validation.ObjectMetaValidation.str;

import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.Endpoints;
import java.util.List;

/**
 * Endpoints, as Kubernetes' {@code ValidateEndpoints}: every subset has addresses, each a valid
 * IP that is not loopback, link-local or unspecified; ports valid and named when several.
 */
public final class EndpointsValidation {

    private EndpointsValidation() {
    }

    public static List<FieldError> validate(Endpoints endpoints) {
        ErrorList errs = new ErrorList();
        endpoints(endpoints, errs);
        return errs.toList();
    }

    public static List<FieldError> validateUpdate(Endpoints newEndpoints, Endpoints oldEndpoints) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newEndpoints.metadata(), oldEndpoints.metadata(), METADATA));
        endpoints(newEndpoints, errs);
        return errs.toList();
    }

    private static void endpoints(Endpoints endpoints, ErrorList errs) {
        errs.addAll(ObjectMetaValidation.validate(endpoints.metadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        List<EndpointSubset> subsets = endpoints.subsets() == null ? List.of() : endpoints.subsets();
        FieldPath path = FieldPath.root("subsets");
        for (int i = 0; i < subsets.size(); i++) {
            EndpointSubset ss = subsets.get(i);
            FieldPath p = path.index(i);
            List<EndpointSubset.EndpointAddress> ready = ss.addresses() == null ? List.of() : ss.addresses();
            List<EndpointSubset.EndpointAddress> notReady = ss.notReadyAddresses() == null ? List.of() : ss.notReadyAddresses();
            if (ready.isEmpty() && notReady.isEmpty()) {
                errs.add(FieldError.required(p, "must specify `addresses` or `notReadyAddresses`"));
            }
            for (int a = 0; a < ready.size(); a++) {
                address(ready.get(a), p.child("addresses").index(a), errs);
            }
            for (int a = 0; a < notReady.size(); a++) {
                address(notReady.get(a), p.child("notReadyAddresses").index(a), errs);
            }
            List<EndpointSubset.EndpointPort> ports = ss.ports() == null ? List.of() : ss.ports();
            for (int j = 0; j < ports.size(); j++) {
                port(ports.get(j), ports.size() > 1, p.child("ports").index(j), errs);
            }
        }
    }

    /** validateEndpointAddress: an unparseable IP gets both Kubernetes' errors, as there. */
    private static void address(EndpointSubset.EndpointAddress address, FieldPath path, ErrorList errs) {
        String ip = str(address.ip());
        FieldPath ipPath = path.child("ip");
        errs.addAll(FieldValidation.invalidEach(ipPath, ip, Validation.isValidIP(ip)));
        String hostname = str(address.hostname());
        if (!hostname.isEmpty()) {
            errs.addAll(FieldValidation.invalidEach(path.child("hostname"), hostname, Validation.isDNS1123Label(hostname)));
        }
        if (address.nodeName() != null) {
            errs.addAll(FieldValidation.invalidEach(path.child("nodeName"), address.nodeName(),
                    Validation.isDNS1123Subdomain(address.nodeName())));
        }
        IpRules.nonSpecialIP(ip, ipPath, errs);
    }

    private static void port(EndpointSubset.EndpointPort port, boolean requireName, FieldPath path, ErrorList errs) {
        String name = str(port.name());
        if (requireName && name.isEmpty()) {
            errs.add(FieldError.required(path.child("name"), ""));
        } else if (!name.isEmpty()) {
            errs.addAll(FieldValidation.invalidEach(path.child("name"), name, Validation.isDNS1123Label(name)));
        }
        errs.addAll(FieldValidation.validatePortNumber(orZero(port.port()), path.child("port")));
        errs.addAll(FieldValidation.validateEnum(port.protocol(), ContainerValidation.PROTOCOLS, path.child("protocol")));
    }
}
