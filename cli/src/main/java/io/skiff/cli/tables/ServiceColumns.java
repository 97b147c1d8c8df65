package io.skiff.cli.tables;

import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.cli.output.TablePrinter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of services (TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S)) and endpoints (the first three addresses). */
final class ServiceColumns {
    private static final int MAX_ENDPOINTS = 3;

    private ServiceColumns() {}

    static List<Object> service(Service svc, Instant now) {
        ServiceSpec spec = svc.spec();
        String type = spec == null || spec.type() == null ? "ClusterIP" : spec.type();
        String clusterIp = spec == null || PodColumns.blank(spec.clusterIP()) ? "<none>" : spec.clusterIP();
        String selector = spec == null ? "<none>" : TablePrinter.formatLabels(spec.selector());
        return Arrays.asList(svc.name(), type, clusterIp, externalIp(spec, type), ports(spec),
                LocalTables.age(svc, now), selector);
    }

    private static String externalIp(ServiceSpec spec, String type) {
        List<String> external = spec == null || spec.externalIPs() == null ? List.of() : spec.externalIPs();
        return switch (type) {
            case "LoadBalancer" -> external.isEmpty() ? "<pending>" : String.join(",", external);
            case "ExternalName" -> spec.externalName();
            default -> external.isEmpty() ? "<none>" : String.join(",", external);
        };
    }

    private static String ports(ServiceSpec spec) {
        if (spec == null || spec.ports() == null || spec.ports().isEmpty()) {
            return "<none>";
        }
        List<String> out = new ArrayList<>();
        for (ServicePort p : spec.ports()) {
            String protocol = p.protocol() == null ? "TCP" : p.protocol();
            out.add(p.nodePort() != null && p.nodePort() > 0
                    ? p.port() + ":" + p.nodePort() + "/" + protocol : p.port() + "/" + protocol);
        }
        return String.join(",", out);
    }

    /** {@code formatEndpoints}: {@code ip:port,...} for every port and address, then {@code + N more...}. */
    static List<Object> endpoints(Endpoints ep, Instant now) {
        return Arrays.asList(ep.name(), formatEndpoints(ep), LocalTables.age(ep, now));
    }

    static String formatEndpoints(Endpoints ep) {
        if (ep.subsets() == null || ep.subsets().isEmpty()) {
            return "<none>";
        }
        List<String> list = new ArrayList<>();
        int count = 0;
        for (EndpointSubset ss : ep.subsets()) {
            List<EndpointSubset.EndpointAddress> addresses = ss.addresses() == null ? List.of() : ss.addresses();
            if (ss.ports() == null || ss.ports().isEmpty()) {
                for (EndpointSubset.EndpointAddress a : addresses) {
                    if (list.size() < MAX_ENDPOINTS) {
                        list.add(a.ip());
                    }
                    count++;
                }
            } else {
                for (EndpointSubset.EndpointPort port : ss.ports()) {
                    for (EndpointSubset.EndpointAddress a : addresses) {
                        if (list.size() < MAX_ENDPOINTS) {
                            list.add(hostPort(a.ip(), port.port()));
                        }
                        count++;
                    }
                }
            }
        }
        String joined = String.join(",", list);
        return count > MAX_ENDPOINTS ? joined + " + " + (count - MAX_ENDPOINTS) + " more..." : joined;
    }

    private static String hostPort(String ip, Integer port) {
        return (ip != null && ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }
}
