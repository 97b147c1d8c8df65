package io.skiff.api.v1beta1;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.meta.ObjectMeta;
import java.util.List;

/**
 * A v1beta1 service to and from the hub. Its single port is the hub's first port ({@code port},
 * {@code containerPort} as targetPort, {@code protocol}); {@code portalIP} is the clusterIP,
 * {@code publicIPs} the externalIPs, and {@code createExternalLoadBalancer: true} type LoadBalancer.
 */
final class ServiceConversion {
    private ServiceConversion() {}

    static Service toHub(ServiceTypes.Service w) throws DecodeException {
        List<ServicePort> ports = w.port() == null && w.containerPort() == null && w.protocol() == null ? null
                : List.of(new ServicePort(null, w.protocol(), w.port(), w.containerPort(), null));
        String type = Boolean.TRUE.equals(w.createExternalLoadBalancer()) ? ServiceSpec.TYPE_LOAD_BALANCER : null;
        ServiceSpec spec = new ServiceSpec(ports, w.selector(), w.portalIP(), null, type, w.publicIPs(),
                w.sessionAffinity(), null, null);
        return new Service(MetaConversion.toHub(w.meta(), w.labels()), spec, null);
    }

    static ServiceTypes.Service fromHub(Service s) {
        ObjectMeta meta = s.metadataOrEmpty();
        ServiceSpec spec = s.spec() == null ? ServiceSpec.of(null, null) : s.spec();
        ServicePort first = spec.ports() == null || spec.ports().isEmpty() ? null : spec.ports().get(0);
        return new ServiceTypes.Service(MetaConversion.fromHub(V1beta1.SERVICE, meta),
                first == null ? null : first.port(), first == null ? null : first.protocol(), meta.labels(),
                spec.selector(), ServiceSpec.TYPE_LOAD_BALANCER.equals(spec.type()) ? Boolean.TRUE : null,
                spec.externalIPs(), first == null ? null : first.targetPort(), spec.clusterIP(),
                spec.sessionAffinity());
    }
}
