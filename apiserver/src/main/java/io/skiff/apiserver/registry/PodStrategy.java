package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.defaults.Defaults;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pods: created Pending with their QoS class; status only through {@code /status}; the node only
 * at create or through {@code /binding}; deleted gracefully once bound to a node.
 */
public final class PodStrategy extends KindStrategy<Pod> {
    public static final String QOS_GUARANTEED = "Guaranteed";
    public static final String QOS_BURSTABLE = "Burstable";
    public static final String QOS_BEST_EFFORT = "BestEffort";

    public PodStrategy(ResourceInfo resource) {
        super(resource, Pod.class, "spec.nodeName", "spec.restartPolicy",
                "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP");
    }

    @Override
    public Pod prepareForCreate(Pod pod) {
        return pod.withStatus(new PodStatus(PodStatus.PHASE_PENDING, null, null, null, null, null, null, null, null,
                qosClass(pod.spec())));
    }

    @Override
    public Pod prepareForUpdate(Pod updated, Pod old) {
        return updated.withStatus(old.status());
    }

    /**
     * The stored spec and metadata with the new status. The QoS class is the server's (set at
     * create): a status writer that leaves it out keeps it; one that changes it gets a 422.
     */
    @Override
    public Pod prepareForStatusUpdate(Pod updated, Pod old) {
        PodStatus status = updated.status();
        String qos = old.status() == null ? null : old.status().qosClass();
        if (status != null && (status.qosClass() == null || status.qosClass().isEmpty()) && qos != null) {
            status = new PodStatus(status.phase(), status.conditions(), status.message(), status.reason(),
                    status.hostIP(), status.podIP(), status.podIPs(), status.startTime(), status.containerStatuses(), qos);
        }
        return old.withMetadata(statusMeta(updated.metadataOrEmpty(), old.metadataOrEmpty())).withStatus(status);
    }

    @Override
    public Object spec(Pod pod) {
        return pod.spec();
    }

    @Override
    protected void addSelectableFields(Pod pod, Map<String, String> fields) {
        PodSpec spec = pod.spec();
        PodStatus status = pod.status();
        fields.put("spec.nodeName", spec == null ? "" : orEmpty(spec.nodeName()));
        fields.put("spec.restartPolicy", spec == null ? "" : orEmpty(spec.restartPolicy()));
        fields.put("spec.schedulerName", spec == null ? "" : orEmpty(spec.schedulerName()));
        fields.put("spec.serviceAccountName", spec == null ? "" : orEmpty(spec.serviceAccountName()));
        fields.put("status.phase", status == null ? "" : orEmpty(status.phase()));
        fields.put("status.podIP", status == null ? "" : orEmpty(status.podIP()));
    }

    /**
     * Kubernetes' pod grace period: the request's, else the pod's
     * terminationGracePeriodSeconds, else 30; 0 (at once) for a pod not bound to a node or
     * already finished, since no kubelet has anything to stop.
     */
    @Override
    public long gracePeriodSeconds(Pod pod, Long requested) {
        String phase = pod.status() == null ? null : pod.status().phase();
        if (nodeName(pod).isEmpty() || PodStatus.PHASE_SUCCEEDED.equals(phase) || PodStatus.PHASE_FAILED.equals(phase)) {
            return 0;
        }
        long period = requested != null ? requested
                : pod.spec() != null && pod.spec().terminationGracePeriodSeconds() != null
                        ? pod.spec().terminationGracePeriodSeconds() : Defaults.DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
        return period < 0 ? 1 : period;
    }

    static String nodeName(Pod pod) {
        return pod.spec() == null ? "" : orEmpty(pod.spec().nodeName());
    }

    /** Guaranteed: every container limits cpu and memory, requests equal to limits; BestEffort: none asks anything. */
    static String qosClass(PodSpec spec) {
        if (spec == null || spec.containers() == null || spec.containers().isEmpty()) {
            return QOS_BEST_EFFORT;
        }
        boolean any = false;
        boolean guaranteed = true;
        for (Container c : spec.containers()) {
            ResourceRequirements r = c.resources();
            Map<String, ?> limits = r == null || r.limits() == null ? Map.of() : r.limits();
            Map<String, ?> requests = r == null || r.requests() == null ? Map.of() : r.requests();
            any |= !limits.isEmpty() || !requests.isEmpty();
            for (String resource : List.of("cpu", "memory")) {
                Object limit = limits.get(resource);
                Object request = requests.get(resource);
                if (limit == null || (request != null && !Objects.equals(limit, request))) {
                    guaranteed = false;
                }
            }
        }
        return !any ? QOS_BEST_EFFORT : guaranteed ? QOS_GUARANTEED : QOS_BURSTABLE;
    }
}
