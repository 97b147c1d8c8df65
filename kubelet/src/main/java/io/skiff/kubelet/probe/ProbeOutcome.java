package io.skiff.kubelet.probe;

/** The result of running a probe once, with what went wrong in Kubernetes' words. */
public record ProbeOutcome(boolean success, String message) {
    public static ProbeOutcome ok() {
        return new ProbeOutcome(true, null);
    }

    public static ProbeOutcome failed(String message) {
        return new ProbeOutcome(false, message);
    }
}
