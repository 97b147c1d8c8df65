package io.skiff.kubelet.runtime;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What SyncPod needs from a container engine, and nothing more: the seam below the pod workers.
 * It knows containers, images and labels, never pods; the pod worker translates a pod spec into
 * {@link ContainerConfig}s and rebuilds pod state from {@link ContainerLabels} on the containers.
 *
 * <p>Every method is safe to call from many threads at once (one worker per pod calls it) and is
 * bounded in time: a call the engine does not answer fails with {@link RuntimeTimeoutException}
 * rather than blocking its worker. Failures are unchecked {@link ContainerRuntimeException}s.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** The engine's name and version, as the Node's {@code nodeInfo.containerRuntimeVersion}. */
    RuntimeVersion version();

    /**
     * The containers carrying every given label (exact key=value match; an empty map matches all).
     * Without {@code includeExited} only running containers are listed; with it, also created and
     * exited ones, each with its exit code and finish time (this is how a kubelet restart
     * recovers its pods' history).
     */
    List<RuntimeContainer> listContainers(Map<String, String> labelFilter, boolean includeExited);

    /** The current state of one container; {@link ContainerNotFoundException} when it is gone. */
    RuntimeContainer inspect(String containerId);

    /** Whether the image is in the engine's local store (no registry is asked). */
    boolean isImagePresent(String image);

    /**
     * Pulls the image (a reference without tag or digest means {@code :latest}). Fails with
     * {@link ImagePullException} carrying the engine's message when the registry refuses, cannot
     * be reached, or stops making progress.
     */
    void pullImage(String image);

    /**
     * Creates the container and starts it. {@link ContainerCreateException} when the engine refuses
     * the config (missing image, name in use, ...); {@link ContainerStartException} when it was
     * created but could not start (it is left in place, with its labels, for the caller to see).
     *
     * @return the container id
     */
    String createAndStart(ContainerConfig config);

    /**
     * Stops a container: its stop signal (SIGTERM unless the config named another), then SIGKILL
     * once {@code gracePeriod} has passed; returns when it has exited. A container that is not
     * running (already exited, or never started) is left as it is.
     */
    void stop(String containerId, Duration gracePeriod);

    /** Removes a container, killing it if still running. Removing a container that is gone is fine. */
    void remove(String containerId);

    /** The IP address of an infra container on the engine's bridge network, if it has one. */
    Optional<String> podIp(String infraContainerId);

    /**
     * Runs a command inside a running container (for exec probes) and waits at most
     * {@code timeout}: an overrun is reported as {@link ExecResult#timedOut()}, never a hang.
     * Output (stdout and stderr interleaved) is captured up to {@link ExecResult#MAX_OUTPUT_BYTES}.
     */
    ExecResult exec(String containerId, List<String> command, Duration timeout);

    /**
     * Writes the container's stdout and stderr, interleaved in the order printed, to {@code out}.
     * With {@link LogOptions#follow()} it keeps streaming until the container exits, the caller's
     * stream fails (the client went away) or the calling thread is interrupted.
     */
    void logs(String containerId, LogOptions options, OutputStream out);

    /** Releases connections and threads; the runtime is unusable afterwards. */
    @Override
    void close();
}
