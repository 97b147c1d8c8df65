package io.skiff.kubelet.runtime;

/**
 * A container runtime call failed. Unchecked: a pod worker handles it where it can act (record a
 * status reason, back off) and otherwise lets the next sync try again. The message is the
 * engine's own, prefixed with what was being done.
 */
public class ContainerRuntimeException extends RuntimeException {

    public ContainerRuntimeException(String message) {
        super(message);
    }

    public ContainerRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
