package io.skiff.kubelet.runtime;

/**
 * Image reference spelling shared by the runtimes. An untagged reference means {@code :latest}
 * (to Kubernetes and to {@code docker run}), but an untagged pull through the Docker API pulls
 * every tag of the repository, so references are made explicit before they reach an engine.
 */
public final class ImageReference {
    private ImageReference() {}

    /** {@code busybox} -> {@code busybox:latest}; tagged or digested references are kept. */
    public static String withDefaultTag(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image reference must not be empty");
        }
        if (image.contains("@")) {
            return image;
        }
        int lastSlash = image.lastIndexOf('/');
        // A colon before the last slash belongs to a registry host:port, not to a tag.
        return image.indexOf(':', lastSlash + 1) >= 0 ? image : image + ":latest";
    }
}
