package io.skiff.apiserver.registry;

import io.skiff.api.core.Service;
import io.skiff.storage.KeyValue;
import io.skiff.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs the service cluster IP and node port ranges, as Kubernetes' ipallocator and
 * portallocator repair controllers: an apiserver that dies between reserving a value and storing
 * its Service (or between deleting a Service and releasing its values) leaves a reservation key
 * nobody holds, and a restored backup can hold Services whose keys are gone.
 *
 * <p>Each pass lists the reservation keys of both ranges, THEN the Services (a consistent read):
 * a create reserves its key before it stores its Service, so a Service stored before the key
 * listing is in the Service listing, and a key that no listed Service holds is either leaked or
 * a create still in flight. To tell them apart a key is freed only when the previous pass already
 * saw it unheld at the same modRevision (a key released and re-reserved in between is a new
 * write), and the free is a compare-and-swap delete on that modRevision, so a concurrent
 * re-reservation is never lost. Services holding a value without a key get it re-reserved.
 */
public final class RangeRepair {
    private static final Logger LOG = LoggerFactory.getLogger(RangeRepair.class);
    /** Kubernetes' repair interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(3);

    private final Registry<Service> services;
    private final List<Range> ranges;
    /** Keys seen unheld by the last pass, with the modRevision they had then. */
    private Map<String, Long> suspects = new HashMap<>();

    /** One range: its pool and the numbers of it a Service holds. */
    private record Range(RangeAllocator pool, Function<Service, Set<Long>> held) {}

    /** What one pass did: the keys it freed and re-reserved, and how many it suspects for the next. */
    public record Outcome(List<String> freed, List<String> reserved, int suspects) {}

    public RangeRepair(Registries registries) {
        ServiceStrategy strategy = registries.serviceStrategy();
        this.services = registries.services();
        this.ranges = List.of(
                new Range(strategy.ips().pool(), svc -> {
                    String ip = strategy.heldIp(svc);
                    return ip == null ? Set.of() : Set.of(ServiceIpAllocator.parse(ip));
                }),
                new Range(strategy.nodePorts().pool(),
                        svc -> strategy.heldPorts(svc).stream().map(Integer::longValue).collect(Collectors.toSet())));
    }

    /**
     * A pass now, then one every {@code interval} on {@code scheduler} until it is shut down. The
     * first pass must succeed, as Kubernetes' apiserver will not start without its initial
     * allocation check: until a pass has run, a restored Service's value could be handed out again.
     * Later passes that fail are retried on the next interval.
     */
    public void start(ScheduledExecutorService scheduler, Duration interval) throws StorageException {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the range repair interval must be positive, got " + interval);
        }
        runOnce();
        scheduler.scheduleWithFixedDelay(() -> runQuietly(interval), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A failed pass (storage down, timeout) changes nothing and the next one tries again. */
    private void runQuietly(Duration interval) {
        try {
            runOnce();
        } catch (StorageException | RuntimeException e) {
            LOG.warn("range repair failed, retrying in {}: {}", interval, e.toString());
        }
    }

    /** One pass over both ranges; throws (and keeps the previous suspects) when storage fails. */
    public synchronized Outcome runOnce() throws StorageException {
        List<Map<String, KeyValue>> reserved = new ArrayList<>();
        for (Range r : ranges) {
            reserved.add(r.pool().reservations()); // before the Services: see the class comment
        }
        List<Service> all = services.list("", ListOptions.ALL).items();
        Map<String, Long> next = new HashMap<>();
        List<String> freed = new ArrayList<>();
        List<String> reReserved = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            Map<String, Long> heldBy = new LinkedHashMap<>(); // item -> number
            Map<String, Service> holders = new HashMap<>();
            for (Service svc : all) {
                for (long v : range.held().apply(svc)) {
                    String item = range.pool().item(v);
                    Service other = holders.putIfAbsent(item, svc);
                    heldBy.put(item, v);
                    if (other != null) {
                        LOG.warn("range repair: {}{} is held by both {} and {}; recreate one of them", range.pool().prefix(),
                                item, owner(other), owner(svc));
                    }
                }
            }
            for (Map.Entry<String, KeyValue> e : reserved.get(i).entrySet()) {
                if (heldBy.containsKey(e.getKey())) {
                    continue;
                }
                KeyValue kv = e.getValue();
                Long seen = suspects.get(kv.key());
                if (seen == null || seen != kv.modRevision()) {
                    next.put(kv.key(), kv.modRevision()); // leaked, or a create in flight: look again next pass
                } else if (range.pool().releaseIfUnchanged(kv)) {
                    LOG.info("range repair: freed {}, reserved by {} and held by no service", kv.key(),
                            new String(kv.value(), StandardCharsets.UTF_8));
                    freed.add(kv.key());
                }
            }
            for (Map.Entry<String, Long> e : heldBy.entrySet()) {
                if (!reserved.get(i).containsKey(e.getKey())) {
                    String key = reReserve(range, e.getValue(), holders.get(e.getKey()));
                    if (key != null) {
                        reReserved.add(key);
                    }
                }
            }
        }
        suspects = next;
        return new Outcome(List.copyOf(freed), List.copyOf(reReserved), next.size());
    }

    /**
     * Re-creates the missing key of a value {@code svc} holds. The Service may have been deleted
     * (and its values released) since the listing: if it no longer holds the value once the key is
     * made, the key goes again, compare-and-swap, so the repair never leaks what it restores.
     */
    private String reReserve(Range range, long v, Service svc) throws StorageException {
        KeyValue made = range.pool().reserve(v, owner(svc));
        if (made == null) {
            return null; // reserved meanwhile: by this service's own create, or another's
        }
        boolean stillHeld = services.find(svc.namespace(), svc.name())
                .map(current -> range.held().apply(current).contains(v)).orElse(false);
        if (!stillHeld) {
            range.pool().releaseIfUnchanged(made);
            return null;
        }
        LOG.info("range repair: re-reserved {} for service {}, which held it without a reservation", made.key(), owner(svc));
        return made.key();
    }

    private static String owner(Service svc) {
        return svc.namespace() + "/" + svc.name();
    }
}
