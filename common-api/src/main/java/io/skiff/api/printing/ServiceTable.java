package io.skiff.api.printing;

import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.core.ServiceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** kubectl's service row: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR. */
final class ServiceTable implements TableGenerator<Service> {
    private static final List<Table.Column> COLUMNS = List.of(
            Cells.NAME,
            Table.Column.of("Type", "string", "type determines how the Service is exposed. Defaults to ClusterIP."),
            Table.Column.of("Cluster-IP", "string", "clusterIP is the IP address of the service and is usually"
                    + " assigned randomly by the master."),
            Table.Column.of("External-IP", "string", "externalIPs is a list of IP addresses for which nodes in the"
                    + " cluster will also accept traffic for this service."),
            Table.Column.of("Port(s)", "string", "The list of ports that are exposed by this service."),
            Cells.AGE,
            Table.Column.of("Selector", "string", "Route service traffic to pods with label keys and values matching"
                    + " this selector.").wide());

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Service svc, Instant now) {
        ServiceSpec spec = svc.spec();
        String type = spec == null ? "" : Cells.orEmpty(spec.type());
        String clusterIp = spec == null ? null : spec.clusterIP();
        if (spec != null && spec.clusterIPs() != null && !spec.clusterIPs().isEmpty()) {
            clusterIp = spec.clusterIPs().get(0);
        }
        String ports = spec == null ? "" : Cells.list(spec.ports()).stream().map(ServiceTable::port)
                .collect(Collectors.joining(","));
        return List.of(Cells.name(svc.metadata()), type, Cells.orNone(clusterIp), externalIp(svc), Cells.orNone(ports),
                Cells.age(svc.metadata(), now), Cells.labels(spec == null ? null : spec.selector()));
    }

    /** {@code 80/TCP}, or {@code 80:30080/TCP} with a node port. */
    private static String port(ServicePort p) {
        String node = p.nodePort() != null && p.nodePort() > 0 ? ":" + p.nodePort() : "";
        return Cells.count(p.port()) + node + "/" + Cells.orEmpty(p.protocol());
    }

    private static String externalIp(Service svc) {
        ServiceSpec spec = svc.spec();
        List<String> external = spec == null ? List.of() : Cells.list(spec.externalIPs());
        String type = spec == null || spec.type() == null ? "" : spec.type();
        switch (type) {
            case ServiceSpec.TYPE_CLUSTER_IP, ServiceSpec.TYPE_NODE_PORT -> {
                return external.isEmpty() ? Cells.NONE : String.join(",", external);
            }
            case ServiceSpec.TYPE_LOAD_BALANCER -> {
                List<String> all = new ArrayList<>(loadBalancerIngress(svc.status()));
                all.addAll(external);
                return all.isEmpty() ? "<pending>" : String.join(",", all);
            }
            case ServiceSpec.TYPE_EXTERNAL_NAME -> {
                return Cells.orEmpty(spec.externalName());
            }
            default -> {
                return Cells.UNKNOWN;
            }
        }
    }

    private static List<String> loadBalancerIngress(ServiceStatus status) {
        if (status == null || status.loadBalancer() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ServiceStatus.LoadBalancerIngress i : Cells.list(status.loadBalancer().ingress())) {
            if (i.ip() != null && !i.ip().isEmpty()) {
                out.add(i.ip());
            } else if (i.hostname() != null && !i.hostname().isEmpty()) {
                out.add(i.hostname());
            }
        }
        return out;
    }
}
