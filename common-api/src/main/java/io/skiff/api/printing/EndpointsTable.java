package io.skiff.api.printing;

import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.Endpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** kubectl's endpoints row: NAME ENDPOINTS AGE; ENDPOINTS shows three {@code ip:port} and how many more. */
final class EndpointsTable implements TableGenerator<Endpoints> {
    private static final int SHOWN = 3;
    private static final List<Table.Column> COLUMNS = List.of(
            Cells.NAME,
            Table.Column.of("Endpoints", "string", "The set of all endpoints is the union of all subsets."),
            Cells.AGE);

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Endpoints ep, Instant now) {
        return List.of(Cells.name(ep.metadata()), format(Cells.list(ep.subsets())), Cells.age(ep.metadata(), now));
    }

    static String format(List<EndpointSubset> subsets) {
        if (subsets.isEmpty()) {
            return Cells.NONE;
        }
        List<String> shown = new ArrayList<>();
        int count = 0;
        for (EndpointSubset ss : subsets) {
            List<EndpointSubset.EndpointAddress> addresses = Cells.list(ss.addresses());
            if (Cells.list(ss.ports()).isEmpty()) {
                // a headless service without ports: bare addresses
                for (EndpointSubset.EndpointAddress a : addresses) {
                    if (shown.size() < SHOWN) {
                        shown.add(Cells.orEmpty(a.ip()));
                    }
                    count++;
                }
                continue;
            }
            for (EndpointSubset.EndpointPort port : ss.ports()) {
                for (EndpointSubset.EndpointAddress a : addresses) {
                    if (shown.size() < SHOWN) {
                        shown.add(hostPort(Cells.orEmpty(a.ip()), Cells.count(port.port())));
                    }
                    count++;
                }
            }
        }
        String joined = String.join(",", shown);
        return count > SHOWN ? joined + " + " + (count - SHOWN) + " more..." : joined;
    }

    /** Go's net.JoinHostPort: IPv6 addresses in brackets. */
    private static String hostPort(String ip, long port) {
        return ip.contains(":") ? "[" + ip + "]:" + port : ip + ":" + port;
    }
}
