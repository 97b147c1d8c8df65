package io.skiff.kubelet.probe;

/**
 * The result of running a probe once, with what went wrong in Kubernetes' words. An error is
 * neither: the probe could not be run at all (the engine refused the exec, the container is not
 * running). Kubernetes' prober throws such a result away instead of counting it as a failure, so
 * a container is never restarted because the kubelet could not ask it.
 */
public record ProbeOutcome(Result result, String message) {
    public enum Result { SUCCESS, FAILURE, ERROR }

    public static ProbeOutcome ok() {
        return new ProbeOutcome(Result.SUCCESS, null);
    }

    public static ProbeOutcome failed(String message) {
        return new ProbeOutcome(Result.FAILURE, message);
    }

    public static ProbeOutcome errored(String message) {
        return new ProbeOutcome(Result.ERROR, message);
    }

    public boolean success() {
        return result == Result.SUCCESS;
    }
}
