package io.skiff.kubelet.runtime;

/** The container does not exist (any more). */
public class ContainerNotFoundException extends ContainerRuntimeException {
    private final String containerId;

    public ContainerNotFoundException(String containerId) {
        super("no such container: " + containerId);
        this.containerId = containerId;
    }

    public String containerId() {
        return containerId;
    }
}
