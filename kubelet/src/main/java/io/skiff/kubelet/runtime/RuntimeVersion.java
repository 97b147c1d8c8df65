package io.skiff.kubelet.runtime;

/**
 * The container engine behind the runtime.
 *
 * @param name       e.g. {@code docker}
 * @param version    the engine's version
 * @param apiVersion the engine API version spoken
 */
public record RuntimeVersion(String name, String version, String apiVersion) {

    /** As the Node reports it in {@code nodeInfo.containerRuntimeVersion}: {@code docker://20.10.24}. */
    @Override
    public String toString() {
        return name + "://" + version;
    }
}
