package io.skiff.kubelet.runtime;

/**
 * The outcome of a command run in a container.
 *
 * @param exitCode null when it timed out (the command's fate is then unknown)
 * @param output   stdout and stderr interleaved, truncated to {@link #MAX_OUTPUT_BYTES}
 * @param timedOut the command outlived its timeout: a probe failure, not an error
 */
public record ExecResult(Integer exitCode, String output, boolean timedOut) {

    /** Probe output beyond this is dropped, as the Kubernetes prober does (10 KiB). */
    public static final int MAX_OUTPUT_BYTES = 10 * 1024;

    public static ExecResult exited(int exitCode, String output) {
        return new ExecResult(exitCode, output, false);
    }

    public static ExecResult timedOut(String output) {
        return new ExecResult(null, output, true);
    }

    /** Exited with 0 in time. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
