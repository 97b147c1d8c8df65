package io.skiff.kubelet.status;

import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodStatus;
import io.skiff.client.ApiException;
import io.skiff.client.ServerConnectionException;
import io.skiff.client.SkiffClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pod statuses to the apiserver's {@code /status}, only when they changed. The first
 * attempt is a compare-and-swap on the resourceVersion of the pod as the informer has it; on a
 * 409 it reads the pod again and re-applies, until it sticks (someone else, e.g. the scheduler's
 * binding or a label change, wrote in between: their change is kept, the status is ours).
 * Called by the pod's own worker, so two statuses of one pod are never written at once.
 */
public final class StatusManager {
    private static final Logger log = LoggerFactory.getLogger(StatusManager.class);

    private final SkiffClient client;
    /** The pod object in the apiserver that shows a pod: itself, or the mirror of a static pod. */
    private final Function<Pod, Optional<Pod>> apiPod;
    /** What was last written (or found there) per pod uid, and to which apiserver object (a mirror is replaced at times). */
    private final ConcurrentHashMap<String, Written> written = new ConcurrentHashMap<>();
    private final LongAdder writes = new LongAdder();

    private record Written(String apiUid, PodStatus status) {}

    public StatusManager(SkiffClient client, Function<Pod, Optional<Pod>> apiPod) {
        this.client = client;
        this.apiPod = apiPod;
    }

    /** The status last written (or found already there) for the pod, else the apiserver's, else null. */
    public PodStatus current(Pod pod) {
        Written mine = written.get(pod.metadata().uid());
        if (mine != null) {
            return mine.status();
        }
        return apiPod.apply(pod).map(Pod::status).orElse(pod.status());
    }

    /** The status last written for a pod uid, if any. */
    public Optional<PodStatus> lastWritten(String uid) {
        return Optional.ofNullable(written.get(uid)).map(Written::status);
    }

    /** How many status writes reached the apiserver. */
    public long writes() {
        return writes.sum();
    }

    /**
     * Makes the pod's status in the apiserver {@code status} if it is not already.
     *
     * @return whether a write was made
     */
    public boolean setStatus(Pod pod, PodStatus status) {
        String uid = pod.metadata().uid();
        Optional<Pod> target = apiPod.apply(pod);
        if (target.isEmpty()) {
            return false; // not (yet) in the apiserver, e.g. a static pod before its mirror appears
        }
        Pod api = target.get();
        Written last = written.get(uid);
        if (last != null && last.apiUid().equals(api.metadata().uid()) && last.status().equals(status)) {
            return false;
        }
        if (merge(status, api.status()).equals(api.status())) {
            written.put(uid, new Written(api.metadata().uid(), status));
            return false;
        }
        try {
            try {
                client.pods(api.namespace()).updateStatus(api.withStatus(merge(status, api.status())));
            } catch (ApiException e) {
                if (!e.isConflict()) {
                    throw e;
                }
                String apiUid = api.metadata().uid();
                client.pods(api.namespace()).updateStatusWithRetry(api.name(), cur ->
                        apiUid.equals(cur.metadata().uid()) ? cur.withStatus(merge(status, cur.status())) : null);
            }
            writes.increment();
            written.put(uid, new Written(api.metadata().uid(), status));
            log.debug("Wrote status of pod {}/{}: {}", pod.namespace(), pod.name(), status.phase());
            return true;
        } catch (ApiException e) {
            if (!e.isNotFound()) { // not found: deleted meanwhile, nothing to report to
                log.warn("Cannot write status of pod {}/{}, next sync tries again: {}", pod.namespace(), pod.name(),
                        e.getMessage());
            }
            return false;
        } catch (ServerConnectionException e) {
            // The apiserver is away: the pod still runs as it should, its status waits for the next sync.
            log.warn("Cannot write status of pod {}/{}, next sync tries again: {}", pod.namespace(), pod.name(),
                    e.getMessage());
            return false;
        }
    }

    /** Forgets a pod that is gone. */
    public void forget(String uid) {
        written.remove(uid);
    }

    /** Ours, but with the conditions others own (PodScheduled) and the QoS class as the apiserver has them. */
    static PodStatus merge(PodStatus ours, PodStatus theirs) {
        if (theirs == null) {
            return ours;
        }
        List<PodCondition> conditions = new ArrayList<>();
        for (PodCondition c : ours.conditions()) {
            PodCondition kept = c;
            if (PodCondition.TYPE_POD_SCHEDULED.equals(c.type()) && theirs.conditions() != null) {
                kept = theirs.conditions().stream().filter(t -> t.type().equals(c.type())).findFirst().orElse(c);
            }
            conditions.add(kept);
        }
        return new PodStatus(ours.phase(), conditions, ours.message(), ours.reason(), ours.hostIP(), ours.podIP(),
                ours.podIPs(), ours.startTime(), ours.containerStatuses(),
                ours.qosClass() != null ? ours.qosClass() : theirs.qosClass());
    }
}
