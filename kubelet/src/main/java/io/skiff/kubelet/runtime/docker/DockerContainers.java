package io.skiff.kubelet.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerState;
import io.skiff.kubelet.runtime.RuntimeContainer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Maps the runtime's records to docker-java's create command and back from its inspect response. */
final class DockerContainers {
    private DockerContainers() {}

    /** Docker says "never" for StartedAt/FinishedAt with year 1; anything this early is that. */
    private static final Instant NEVER_BEFORE = Instant.parse("1971-01-01T00:00:00Z");

    static CreateContainerCmd createCommand(DockerClient docker, ContainerConfig config) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(config.networkMode())
                .withBinds(config.mounts().stream()
                        .map(m -> new Bind(m.hostPath(), new Volume(m.containerPath()),
                                m.readOnly() ? AccessMode.ro : AccessMode.rw))
                        .toList());
        if (!config.ports().isEmpty()) {
            Ports bindings = new Ports();
            for (ContainerConfig.PortBinding port : config.ports()) {
                bindings.bind(exposedPort(port), port.hostIp() == null
                        ? Ports.Binding.bindPort(port.hostPort())
                        : Ports.Binding.bindIpAndPort(port.hostIp(), port.hostPort()));
            }
            host.withPortBindings(bindings);
        }
        if (config.cpuMillis() > 0) {
            // 1000 millicores = one CPU = 10^9 NanoCPUs: the same CFS quota Kubernetes computes.
            host.withNanoCPUs(config.cpuMillis() * 1_000_000L);
        }
        if (config.memoryBytes() > 0) {
            // Swap equal to memory means no swap on top: the limit is the limit, as in Kubernetes.
            host.withMemory(config.memoryBytes()).withMemorySwap(config.memoryBytes());
        }

        CreateContainerCmd cmd = docker.createContainerCmd(config.image())
                .withLabels(config.labels())
                .withEnv(config.env().stream().map(e -> e.name() + "=" + e.value()).toList())
                .withHostConfig(host);
        if (config.name() != null) {
            cmd.withName(config.name());
        }
        // Docker keeps the image's Cmd only when the entrypoint is not overridden: exactly
        // Kubernetes' rule for command/args, so both map straight through.
        if (!config.command().isEmpty()) {
            cmd.withEntrypoint(config.command());
        }
        if (!config.args().isEmpty()) {
            cmd.withCmd(config.args());
        }
        if (config.workingDir() != null) {
            cmd.withWorkingDir(config.workingDir());
        }
        if (!config.ports().isEmpty()) {
            cmd.withExposedPorts(config.ports().stream().map(DockerContainers::exposedPort).distinct().toList());
        }
        if (config.stopSignal() != null) {
            cmd.withStopSignal(config.stopSignal());
        }
        if (config.hostname() != null) {
            cmd.withHostName(config.hostname());
        }
        return cmd;
    }

    private static ExposedPort exposedPort(ContainerConfig.PortBinding port) {
        InternetProtocol protocol = switch (port.protocol()) {
            case TCP -> InternetProtocol.TCP;
            case UDP -> InternetProtocol.UDP;
            case SCTP -> InternetProtocol.SCTP;
        };
        return new ExposedPort(port.containerPort(), protocol);
    }

    static RuntimeContainer toRuntimeContainer(InspectContainerResponse inspect) {
        InspectContainerResponse.ContainerState state = inspect.getState();
        ContainerState mapped = state(state == null ? null : state.getStatus());
        String error = state == null || state.getError() == null || state.getError().isBlank()
                ? null : state.getError();
        // Docker reports ExitCode 0 for a running container: an exit code means something only once
        // the container has exited, or when its start failed (then the error says why).
        Integer exitCode = state != null && state.getExitCodeLong() != null
                && (mapped == ContainerState.EXITED || (mapped == ContainerState.CREATED && error != null))
                ? Math.toIntExact(state.getExitCodeLong()) : null;
        String name = inspect.getName() == null ? null : inspect.getName().replaceFirst("^/", "");
        Map<String, String> labels = inspect.getConfig() == null ? null : inspect.getConfig().getLabels();
        return new RuntimeContainer(
                inspect.getId(),
                name,
                inspect.getConfig() == null ? null : inspect.getConfig().getImage(),
                inspect.getImageId(),
                labels,
                mapped,
                exitCode,
                time(inspect.getCreated()),
                state == null ? null : time(state.getStartedAt()),
                state == null ? null : time(state.getFinishedAt()),
                state != null && Boolean.TRUE.equals(state.getOOMKilled()),
                error);
    }

    static ContainerState state(String dockerStatus) {
        if (dockerStatus == null) {
            return ContainerState.UNKNOWN;
        }
        return switch (dockerStatus) {
            case "created" -> ContainerState.CREATED;
            case "running", "paused", "restarting" -> ContainerState.RUNNING;
            case "exited", "dead" -> ContainerState.EXITED;
            default -> ContainerState.UNKNOWN;
        };
    }

    /** The container's address on the network it owns: the default bridge for an infra container. */
    static Optional<String> ipAddress(InspectContainerResponse inspect) {
        NetworkSettings settings = inspect.getNetworkSettings();
        if (settings == null || settings.getNetworks() == null) {
            return Optional.empty();
        }
        ContainerNetwork bridge = settings.getNetworks().get("bridge");
        if (bridge != null && notBlank(bridge.getIpAddress())) {
            return Optional.of(bridge.getIpAddress());
        }
        return settings.getNetworks().values().stream()
                .map(ContainerNetwork::getIpAddress)
                .filter(DockerContainers::notBlank)
                .findFirst();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static Instant time(String dockerTime) {
        if (dockerTime == null || dockerTime.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(dockerTime);
            return instant.isBefore(NEVER_BEFORE) ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
