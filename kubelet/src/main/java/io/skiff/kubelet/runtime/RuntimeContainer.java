package io.skiff.kubelet.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * A container as the engine reports it now.
 *
 * @param name       engine-side name, without Docker's leading slash
 * @param imageId    the engine's id of the image it runs (e.g. {@code sha256:...})
 * @param exitCode   set once the container has exited (or failed to start), else null
 * @param startedAt  null when it never started
 * @param finishedAt null while it has not exited
 * @param error      the engine's message when it could not start, else null
 */
public record RuntimeContainer(
        String id,
        String name,
        String image,
        String imageId,
        Map<String, String> labels,
        ContainerState state,
        Integer exitCode,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        boolean oomKilled,
        String error) {

    public RuntimeContainer {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The value of one label, or null. */
    public String label(String key) {
        return labels.get(key);
    }

    public boolean isRunning() {
        return state == ContainerState.RUNNING;
    }
}
