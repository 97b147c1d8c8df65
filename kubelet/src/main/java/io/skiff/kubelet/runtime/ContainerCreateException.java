package io.skiff.kubelet.runtime;

/**
 * The engine refused to create a container (image missing, name in use, invalid config):
 * Kubernetes' {@code CreateContainerError}. Nothing was created.
 */
public class ContainerCreateException extends ContainerRuntimeException {
    private final String containerName;

    public ContainerCreateException(String containerName, String message, Throwable cause) {
        super("failed to create container " + containerName + ": " + message, cause);
        this.containerName = containerName;
    }

    public String containerName() {
        return containerName;
    }
}
