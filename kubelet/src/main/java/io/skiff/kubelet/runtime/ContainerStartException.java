package io.skiff.kubelet.runtime;

/**
 * A container was created but did not start (e.g. its command does not exist): Kubernetes'
 * {@code RunContainerError}. The container stays, with its labels and the engine's error, so
 * that status and housekeeping see it like any other dead container.
 */
public class ContainerStartException extends ContainerRuntimeException {
    private final String containerId;

    public ContainerStartException(String containerId, String message, Throwable cause) {
        super("failed to start container " + containerId + ": " + message, cause);
        this.containerId = containerId;
    }

    public String containerId() {
        return containerId;
    }
}
