package io.skiff.kubelet.volume;

/** A volume could not be prepared or removed: the pod's containers wait (event {@code FailedMount}). */
public class VolumeException extends RuntimeException {
    public VolumeException(String message) {
        super(message);
    }

    public VolumeException(String message, Throwable cause) {
        super(message, cause);
    }
}
