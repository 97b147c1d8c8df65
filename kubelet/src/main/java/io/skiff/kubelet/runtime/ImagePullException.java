package io.skiff.kubelet.runtime;

/**
 * An image could not be pulled: the pod's container is {@code ErrImagePull} (then
 * {@code ImagePullBackOff}) with {@link #engineMessage()} as the status message.
 */
public class ImagePullException extends ContainerRuntimeException {
    private final String image;
    private final String engineMessage;

    public ImagePullException(String image, String engineMessage) {
        this(image, engineMessage, null);
    }

    public ImagePullException(String image, String engineMessage, Throwable cause) {
        super("failed to pull image \"" + image + "\": " + engineMessage, cause);
        this.image = image;
        this.engineMessage = engineMessage;
    }

    public String image() {
        return image;
    }

    /** What the engine (or registry behind it) said, verbatim. */
    public String engineMessage() {
        return engineMessage;
    }
}
