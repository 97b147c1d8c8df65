package io.skiff.kubelet.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.Version;
import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerCreateException;
import io.skiff.kubelet.runtime.ContainerNotFoundException;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerRuntimeException;
import io.skiff.kubelet.runtime.ContainerStartException;
import io.skiff.kubelet.runtime.ExecResult;
import io.skiff.kubelet.runtime.ImagePullException;
import io.skiff.kubelet.runtime.ImageReference;
import io.skiff.kubelet.runtime.LogOptions;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.RuntimeTimeoutException;
import io.skiff.kubelet.runtime.RuntimeVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container runtime on a Docker engine, through docker-java and its httpclient5 transport.
 *
 * <p>Two connection pools: one for short request/response calls, one for what lasts as long as a
 * container makes it (log streams, exec, pulls, graceful stops), so that followers of logs or a
 * slow stop never starve the pod workers' calls. Every call is bounded (see {@link DockerCalls});
 * streams are bounded by their own deadline (exec timeout, pull progress) or end with the container.
 */
public final class DockerRuntime implements ContainerRuntime {
    private static final Logger log = LoggerFactory.getLogger(DockerRuntime.class);

    /**
     * @param dockerHost           e.g. {@code unix:///var/run/docker.sock}
     * @param callTimeout          bound on one request/response call (the kubelet's
     *                             {@code --runtime-request-timeout}, 2 minutes)
     * @param connectTimeout       bound on opening a connection to the engine
     * @param pullProgressDeadline a pull that reports no progress for this long is cancelled (the
     *                             kubelet's {@code --image-pull-progress-deadline}, 1 minute)
     * @param maxConnections       size of each of the two pools; one worker per pod calls concurrently
     */
    public record Options(String dockerHost, Duration callTimeout, Duration connectTimeout,
                          Duration pullProgressDeadline, int maxConnections) {

        public static Options of(String dockerHost) {
            return new Options(dockerHost, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(1), 64);
        }

        public Options withCallTimeout(Duration timeout) {
            return new Options(dockerHost, timeout, connectTimeout, pullProgressDeadline, maxConnections);
        }

        public Options withPullProgressDeadline(Duration deadline) {
            return new Options(dockerHost, callTimeout, connectTimeout, deadline, maxConnections);
        }
    }

    private final Options options;
    private final DockerClient calls;
    private final DockerClient streams;
    private final DockerCalls bounded;

    public DockerRuntime(Options options) {
        this.options = options;
        this.calls = DockerClients.open(options.dockerHost(), options.maxConnections(), options.connectTimeout());
        this.streams = DockerClients.open(options.dockerHost(), options.maxConnections(), options.connectTimeout());
        this.bounded = new DockerCalls(options.callTimeout());
    }

    /** A runtime on {@code DOCKER_HOST} (or the local socket) with the kubelet's default timeouts. */
    public static DockerRuntime connect() {
        return new DockerRuntime(Options.of(DockerClients.defaultHost()));
    }

    @Override
    public RuntimeVersion version() {
        Version version = call("get engine version", () -> calls.versionCmd().exec());
        return new RuntimeVersion("docker", version.getVersion(), version.getApiVersion());
    }

    @Override
    public List<RuntimeContainer> listContainers(Map<String, String> labelFilter, boolean includeExited) {
        List<Container> found = call("list containers", () -> {
            var cmd = calls.listContainersCmd().withShowAll(includeExited);
            if (!labelFilter.isEmpty()) {
                cmd.withLabelFilter(labelFilter);
            }
            return cmd.exec();
        });
        // The list carries no exit code, start or finish time; SyncPod needs them, so inspect each.
        List<RuntimeContainer> containers = new ArrayList<>(found.size());
        for (Container container : found) {
            try {
                containers.add(inspect(container.getId()));
            } catch (ContainerNotFoundException removedMeanwhile) {
                // Removed between list and inspect: it is not there, so it is not listed.
            }
        }
        return containers;
    }

    @Override
    public RuntimeContainer inspect(String containerId) {
        return DockerContainers.toRuntimeContainer(onContainer(containerId, "inspect container",
                () -> calls.inspectContainerCmd(containerId).exec()));
    }

    @Override
    public boolean isImagePresent(String image) {
        String reference = ImageReference.withDefaultTag(image);
        try {
            bounded.call("inspect image " + reference, () -> calls.inspectImageCmd(reference).exec());
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw DockerErrors.translate("inspect image " + reference, e);
        }
    }

    @Override
    public void pullImage(String image) {
        String reference = ImageReference.withDefaultTag(image);
        long startNanos = System.nanoTime();
        log.info("Pulling image {}", reference);
        try {
            awaitPull(image, reference);
        } catch (ImagePullException e) {
            log.info("Failed to pull image {}: {}", reference, e.engineMessage());
            throw e;
        }
        log.info("Pulled image {} in {}ms", reference, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void awaitPull(String image, String reference) {
        StreamCallback<PullResponseItem> pull = new StreamCallback<>(item -> {
            if (item.isErrorIndicated()) {
                throw new ImagePullException(image, pullError(item));
            }
        });
        try {
            streams.pullImageCmd(reference).exec(pull);
            // A registry that stops answering would hold the pull forever: give up when it stalls,
            // not after a fixed time, since a big image on a slow link is still progressing.
            while (!pull.awaitDone(Duration.ofMillis(200))) {
                if (pull.idle().compareTo(options.pullProgressDeadline()) > 0) {
                    pull.cancel();
                    throw new ImagePullException(image, "no progress for "
                            + options.pullProgressDeadline().toSeconds() + "s, pull cancelled");
                }
            }
        } catch (InterruptedException e) {
            pull.cancel();
            Thread.currentThread().interrupt();
            throw new ImagePullException(image, "pull interrupted", e);
        } catch (ImagePullException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImagePullException(image, DockerErrors.message(e), e);
        }
        Throwable failure = pull.error();
        if (failure instanceof ImagePullException e) {
            throw e;
        }
        if (failure != null) {
            throw new ImagePullException(image, DockerErrors.message(failure), failure);
        }
    }

    /** The error of a pull progress message: its detail, else the older top-level field Docker still sends. */
    @SuppressWarnings("deprecation")
    private static String pullError(PullResponseItem item) {
        return item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage() : item.getError();
    }

    @Override
    public String createAndStart(ContainerConfig config) {
        String id;
        try {
            id = bounded.call("create container " + config.name(),
                    () -> DockerContainers.createCommand(calls, config).exec().getId());
        } catch (DockerException e) {
            throw new ContainerCreateException(config.name(), DockerErrors.message(e), e);
        } catch (RuntimeException e) {
            throw DockerErrors.translate("create container " + config.name(), e);
        }
        try {
            bounded.run("start container " + id, () -> calls.startContainerCmd(id).exec());
        } catch (NotModifiedException alreadyStarted) {
            // Started by someone else in between: it runs, which is what was asked.
        } catch (DockerException e) {
            log.info("Container {} ({}) failed to start: {}", config.name(), shortId(id), DockerErrors.message(e));
            throw new ContainerStartException(id, DockerErrors.message(e), e);
        } catch (RuntimeException e) {
            throw DockerErrors.translate("start container " + id, e);
        }
        log.info("Started container {} ({}) from image {}", config.name(), shortId(id), config.image());
        return id;
    }

    @Override
    public void stop(String containerId, Duration gracePeriod) {
        // Docker's stop is exactly the contract: the container's stop signal, SIGKILL once the
        // grace period (whole seconds, as Kubernetes counts it) is over, then wait for the exit.
        long millis = Math.max(0, gracePeriod.toMillis());
        int seconds = (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
        long startNanos = System.nanoTime();
        try {
            if (seconds == 0) {
                // No grace: Docker's stop would still send the stop signal first and a process
                // that handles it could exit on it; no grace means SIGKILL and nothing else.
                bounded.run("kill container " + containerId,
                        () -> calls.killContainerCmd(containerId).withSignal("SIGKILL").exec());
            }
            // After a kill this only waits for the exit (or answers 304 at once).
            bounded.call("stop container " + containerId, Duration.ofSeconds(seconds).plus(options.callTimeout()),
                    () -> streams.stopContainerCmd(containerId).withTimeout(seconds).exec());
        } catch (NotModifiedException notRunning) {
            if (seconds > 0) {
                return;
            }
            // With no grace it is the kill that stopped it; the stop only saw it had.
        } catch (ConflictException notRunning) {
            // 409 from the kill: the container is not running, so there is nothing to stop.
            return;
        } catch (NotFoundException e) {
            throw new ContainerNotFoundException(containerId);
        } catch (RuntimeException e) {
            throw DockerErrors.translate("stop container " + containerId, e);
        }
        log.info("Stopped container {} (grace {}s) in {}ms", shortId(containerId), seconds,
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    @Override
    public void remove(String containerId) {
        try {
            bounded.run("remove container " + containerId, () -> calls.removeContainerCmd(containerId)
                    .withForce(true).withRemoveVolumes(true).exec());
        } catch (NotFoundException gone) {
            return;
        } catch (ConflictException e) {
            if (DockerErrors.message(e).contains("already in progress")) {
                return;
            }
            throw DockerErrors.translate("remove container " + containerId, e);
        } catch (RuntimeException e) {
            throw DockerErrors.translate("remove container " + containerId, e);
        }
        log.info("Removed container {}", shortId(containerId));
    }

    @Override
    public Optional<String> podIp(String infraContainerId) {
        return DockerContainers.ipAddress(onContainer(infraContainerId, "inspect container",
                () -> calls.inspectContainerCmd(infraContainerId).exec()));
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String execId = onContainer(containerId, "exec in container", () -> calls.execCreateCmd(containerId)
                .withCmd(command.toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec().getId());
        BoundedOutput output = new BoundedOutput(ExecResult.MAX_OUTPUT_BYTES);
        StreamCallback<Frame> stream = new StreamCallback<>(frame -> output.write(frame.getPayload()));
        try {
            streams.execStartCmd(execId).exec(stream);
            if (!stream.awaitDone(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                // Docker cannot kill an exec'd process; closing the stream frees our side of it.
                stream.cancel();
                return ExecResult.timedOut(output.text());
            }
        } catch (InterruptedException e) {
            stream.cancel();
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException("exec in container " + containerId + " was interrupted", e);
        }
        if (stream.error() != null) {
            throw DockerErrors.translate("exec in container " + containerId, stream.error());
        }
        return ExecResult.exited(exitCode(execId, deadline), output.text());
    }

    /** The exit code of a finished exec; the engine may record it a moment after the stream ends. */
    private int exitCode(String execId, long deadline) {
        while (true) {
            InspectExecResponse inspect = call("inspect exec " + execId, () -> calls.inspectExecCmd(execId).exec());
            if (!Boolean.TRUE.equals(inspect.isRunning()) && inspect.getExitCodeLong() != null) {
                return Math.toIntExact(inspect.getExitCodeLong());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ContainerRuntimeException("exec " + execId + " ended its output but reports no exit code");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerRuntimeException("exec " + execId + " was interrupted", e);
            }
        }
    }

    @Override
    public void logs(String containerId, LogOptions options, OutputStream out) {
        LogContainerCmd cmd = streams.logContainerCmd(containerId)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(options.follow())
                .withTimestamps(options.timestamps());
        if (options.tailLines() != null) {
            cmd.withTail(options.tailLines());
        } else {
            cmd.withTailAll();
        }
        if (options.sinceTime() != null) {
            cmd.withSince(Math.toIntExact(options.sinceTime().getEpochSecond()));
        }
        StreamCallback<Frame> stream = new StreamCallback<>(frame -> {
            try {
                out.write(frame.getPayload());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            cmd.exec(stream);
            if (!stream.awaitStarted(this.options.callTimeout())) {
                stream.cancel();
                throw new RuntimeTimeoutException("logs of container " + containerId, this.options.callTimeout(), null);
            }
            stream.awaitDone();
        } catch (InterruptedException e) {
            stream.cancel();
            Thread.currentThread().interrupt();
            return;
        }
        Throwable failure = stream.error();
        if (failure == null || failure instanceof UncheckedIOException) {
            // Done, or the reader went away: either way there is nobody left to tell.
            return;
        }
        if (failure instanceof NotFoundException) {
            throw new ContainerNotFoundException(containerId);
        }
        throw DockerErrors.translate("logs of container " + containerId, failure);
    }

    @Override
    public void close() {
        for (DockerClient client : List.of(calls, streams)) {
            try {
                client.close();
            } catch (IOException e) {
                log.debug("Closing a Docker client failed: {}", e.toString());
            }
        }
    }

    /** A call about one container: Docker's 404 means that container is gone. */
    private <T> T onContainer(String containerId, String operation, Supplier<T> body) {
        try {
            return bounded.call(operation + " " + containerId, body);
        } catch (NotFoundException e) {
            throw new ContainerNotFoundException(containerId);
        } catch (ConflictException e) {
            throw new ContainerRuntimeException(operation + " " + containerId + ": " + DockerErrors.message(e), e);
        } catch (RuntimeException e) {
            throw DockerErrors.translate(operation + " " + containerId, e);
        }
    }

    private <T> T call(String operation, Supplier<T> body) {
        try {
            return bounded.call(operation, body);
        } catch (RuntimeException e) {
            throw DockerErrors.translate(operation, e);
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
