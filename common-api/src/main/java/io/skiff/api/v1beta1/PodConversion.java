package io.skiff.api.v1beta1;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.meta.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A v1beta1 pod to and from the hub. {@code desiredState} is the spec ({@code manifest} plus
 * {@code host} as nodeName), {@code currentState} the status ({@code status} as phase, {@code info}
 * as containerStatuses keyed by name). The manifest repeats the pod's id and uid.
 */
final class PodConversion {
    private PodConversion() {}

    static Pod toHub(PodTypes.Pod w) throws DecodeException {
        TypeMeta m = w.meta();
        PodTypes.PodState desired = w.desiredState();
        PodTypes.PodState current = w.currentState();
        PodTypes.ContainerManifest manifest = desired == null ? null : desired.manifest();
        ObjectMeta meta = MetaConversion.toHub(m, w.labels());
        // The top-level id and uid win; 2014 manifests often carried them only in the manifest.
        if (meta.name() == null && manifest != null) {
            meta = meta.withName(manifest.id());
        }
        if (meta.uid() == null && manifest != null) {
            meta = meta.withUid(manifest.uuid());
        }
        String host = desired != null && desired.host() != null ? desired.host()
                : current == null ? null : current.host();
        PodSpec spec = specToHub(desired).withNodeName(host).withNodeSelector(w.nodeSelector());
        return new Pod(meta, spec, statusToHub(current));
    }

    static PodTypes.Pod fromHub(Pod pod) {
        ObjectMeta meta = pod.metadataOrEmpty();
        PodSpec spec = pod.spec();
        String host = spec == null ? null : spec.nodeName();
        return new PodTypes.Pod(MetaConversion.fromHub(V1beta1.POD, meta), meta.labels(),
                desiredFromHub(spec, meta.name(), meta.uid()), currentFromHub(pod.status(), host),
                spec == null ? null : spec.nodeSelector());
    }

    /** The spec part of a desired state, for pods and pod templates: manifest and host. */
    static PodSpec specToHub(PodTypes.PodState desired) {
        if (desired == null) {
            return PodSpec.of(null);
        }
        return ManifestConversion.toHub(desired.manifest()).withNodeName(desired.host());
    }

    static PodTypes.PodState desiredFromHub(PodSpec spec, String id, String uuid) {
        return new PodTypes.PodState(ManifestConversion.fromHub(spec, id, uuid), null,
                spec == null ? null : spec.nodeName(), null, null, null);
    }

    // ---- status ---------------------------------------------------------------------------

    /** A currentState that reports nothing (no status, IPs or info) is no status at all. */
    private static PodStatus statusToHub(PodTypes.PodState current) throws DecodeException {
        if (current == null) {
            return null;
        }
        String podIP = current.podIP();
        List<ContainerStatus> statuses = null;
        if (current.info() != null) {
            statuses = new ArrayList<>(current.info().size());
            for (Map.Entry<String, PodTypes.ContainerStatus> e : current.info().entrySet()) {
                PodTypes.ContainerStatus c = e.getValue() == null
                        ? new PodTypes.ContainerStatus(null, null, null, null) : e.getValue();
                statuses.add(new ContainerStatus(e.getKey(), stateToHub(c.state()), null, null, c.restartCount(),
                        c.image(), null, null, null));
                if (podIP == null) {
                    podIP = c.podIP(); // the earliest kubelets reported the IP per container only
                }
            }
        }
        String phase = phaseToHub(current.status(), current.info());
        if (phase == null && current.hostIP() == null && podIP == null && statuses == null) {
            return null;
        }
        return new PodStatus(phase, null, null, null, current.hostIP(), podIP, null, null, statuses, null);
    }

    private static PodTypes.PodState currentFromHub(PodStatus status, String host) {
        if (status == null) {
            return null;
        }
        Map<String, PodTypes.ContainerStatus> info = null;
        if (status.containerStatuses() != null) {
            info = new LinkedHashMap<>();
            for (ContainerStatus c : status.containerStatuses()) {
                info.put(c.name() == null ? "" : c.name(), new PodTypes.ContainerStatus(stateFromHub(c.state()),
                        c.restartCount(), status.podIP(), c.image()));
            }
        }
        return new PodTypes.PodState(null, phaseFromHub(status.phase()), host, status.hostIP(), status.podIP(),
                info);
    }

    /**
     * v1beta1's three statuses to the hub's phases. Terminated is Succeeded when every container
     * is known to have exited 0, Failed otherwise (v0.5 could not tell; Kubernetes then chose
     * Failed). Earlier spellings: Pending (Waiting), Stopped (Terminated), any case.
     */
    static String phaseToHub(String status, Map<String, PodTypes.ContainerStatus> info) throws DecodeException {
        if (status == null || status.isEmpty()) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "waiting", "pending" -> PodStatus.PHASE_PENDING;
            case "running" -> PodStatus.PHASE_RUNNING;
            case "terminated", "stopped" -> allExitedZero(info) ? PodStatus.PHASE_SUCCEEDED : PodStatus.PHASE_FAILED;
            case "succeeded" -> PodStatus.PHASE_SUCCEEDED;
            case "failed" -> PodStatus.PHASE_FAILED;
            case "unknown" -> PodStatus.PHASE_UNKNOWN;
            default -> throw new DecodeException("currentState.status: unknown pod status \"" + status
                    + "\" (expected Waiting, Running or Terminated)");
        };
    }

    static String phaseFromHub(String phase) {
        if (phase == null) {
            return null;
        }
        return switch (phase) {
            case PodStatus.PHASE_PENDING -> "Waiting";
            case PodStatus.PHASE_RUNNING -> "Running";
            case PodStatus.PHASE_SUCCEEDED, PodStatus.PHASE_FAILED -> "Terminated";
            default -> phase; // Unknown, as later v1beta1 servers wrote it
        };
    }

    private static boolean allExitedZero(Map<String, PodTypes.ContainerStatus> info) {
        if (info == null || info.isEmpty()) {
            return false;
        }
        for (PodTypes.ContainerStatus c : info.values()) {
            PodTypes.Termination t = c == null || c.state() == null ? null : c.state().termination();
            if (t == null || t.exitCode() == null || t.exitCode() != 0) {
                return false;
            }
        }
        return true;
    }

    private static ContainerState stateToHub(PodTypes.ContainerState s) {
        if (s == null) {
            return null;
        }
        PodTypes.Termination t = s.termination();
        return new ContainerState(
                s.waiting() == null ? null : new ContainerState.Waiting(s.waiting().reason(), null),
                s.running() == null ? null : new ContainerState.Running(s.running().startedAt()),
                t == null ? null : new ContainerState.Terminated(t.exitCode(), t.signal(), t.reason(), t.message(),
                        t.startedAt(), t.finishedAt(), null));
    }

    private static PodTypes.ContainerState stateFromHub(ContainerState s) {
        if (s == null) {
            return null;
        }
        ContainerState.Terminated t = s.terminated();
        return new PodTypes.ContainerState(
                s.waiting() == null ? null : new PodTypes.Waiting(s.waiting().reason()),
                s.running() == null ? null : new PodTypes.Running(s.running().startedAt()),
                t == null ? null : new PodTypes.Termination(t.exitCode(), t.signal(), t.reason(), t.message(),
                        t.startedAt(), t.finishedAt()));
    }
}
