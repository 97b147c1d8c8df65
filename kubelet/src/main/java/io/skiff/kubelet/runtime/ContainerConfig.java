package io.skiff.kubelet.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the runtime needs to create one container, already resolved from the pod spec.
 *
 * @param name         engine-side container name (unique on the engine); null lets the engine pick
 * @param image        image reference as written in the spec
 * @param command      entrypoint override; empty keeps the image's
 * @param args         arguments override; empty keeps the image's
 * @param env          environment in order (a later duplicate name wins, as in Kubernetes)
 * @param workingDir   null keeps the image's
 * @param labels       engine labels, see {@link ContainerLabels}
 * @param networkMode  null for the engine's default bridge, or {@code container:<id>} to join the
 *                     infra container's network namespace
 * @param ports        host port bindings; only an infra container (which owns the netns) has them
 * @param mounts       bind mounts from the host
 * @param cpuMillis    CPU limit in millicores; 0 means unlimited
 * @param memoryBytes  memory limit; 0 means unlimited
 * @param stopSignal   signal that asks the process to stop; null means SIGTERM
 * @param hostname     null keeps the engine's default; not allowed when joining another netns
 */
public record ContainerConfig(
        String name,
        String image,
        List<String> command,
        List<String> args,
        List<EnvVar> env,
        String workingDir,
        Map<String, String> labels,
        String networkMode,
        List<PortBinding> ports,
        List<Mount> mounts,
        long cpuMillis,
        long memoryBytes,
        String stopSignal,
        String hostname) {

    /** The network mode prefix that joins another container's network namespace. */
    public static final String CONTAINER_NETWORK_PREFIX = "container:";

    public ContainerConfig {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("container image must not be empty");
        }
        if (name != null && !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            throw new IllegalArgumentException("container name " + name + " must match [a-zA-Z0-9][a-zA-Z0-9_.-]+");
        }
        if (cpuMillis < 0 || memoryBytes < 0) {
            throw new IllegalArgumentException("cpu and memory limits must not be negative");
        }
        command = List.copyOf(command == null ? List.of() : command);
        args = List.copyOf(args == null ? List.of() : args);
        env = List.copyOf(env == null ? List.of() : env);
        // Labels keep the caller's order so that what the engine shows is what was written.
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        labels.forEach((key, value) -> {
            if (key == null || key.isEmpty() || value == null) {
                throw new IllegalArgumentException("label keys must be non-empty and values non-null: "
                        + key + "=" + value);
            }
        });
        ports = List.copyOf(ports == null ? List.of() : ports);
        mounts = List.copyOf(mounts == null ? List.of() : mounts);
        // (Fields are assigned only after this constructor body: look at the parameter.)
        if (networkMode != null && networkMode.startsWith(CONTAINER_NETWORK_PREFIX)) {
            // The engine refuses these with a less helpful message; say what is wrong and why.
            if (!ports.isEmpty()) {
                throw new IllegalArgumentException("container " + name + " joins the network of another"
                        + " container, so it cannot bind host ports: put them on the infra container");
            }
            if (hostname != null) {
                throw new IllegalArgumentException("container " + name + " joins the network of another"
                        + " container, so its hostname is that container's");
            }
        }
    }

    /** The id of the container whose network namespace this one joins, or null. */
    public String joinsNetworkOf() {
        return networkMode != null && networkMode.startsWith(CONTAINER_NETWORK_PREFIX)
                ? networkMode.substring(CONTAINER_NETWORK_PREFIX.length())
                : null;
    }

    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** One environment variable. */
    public record EnvVar(String name, String value) {
        public EnvVar {
            if (name == null || name.isEmpty() || name.contains("=")) {
                throw new IllegalArgumentException("environment variable name must be non-empty and"
                        + " without '=': " + name);
            }
            value = value == null ? "" : value;
        }
    }

    /** Transport protocol of a port, as Kubernetes names them. */
    public enum Protocol { TCP, UDP, SCTP }

    /**
     * A container port published on the host.
     *
     * @param hostIp null or empty binds every host address
     */
    public record PortBinding(int containerPort, Protocol protocol, String hostIp, int hostPort) {
        public PortBinding {
            checkPort("containerPort", containerPort);
            checkPort("hostPort", hostPort);
            protocol = protocol == null ? Protocol.TCP : protocol;
            hostIp = hostIp == null || hostIp.isBlank() ? null : hostIp;
        }

        private static void checkPort(String field, int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(field + " must be between 1 and 65535, got " + port);
            }
        }
    }

    /** A host directory bind-mounted into the container. */
    public record Mount(String hostPath, String containerPath, boolean readOnly) {
        public Mount {
            if (hostPath == null || !hostPath.startsWith("/")) {
                throw new IllegalArgumentException("mount host path must be absolute: " + hostPath);
            }
            if (containerPath == null || !containerPath.startsWith("/")) {
                throw new IllegalArgumentException("mount path must be absolute: " + containerPath);
            }
        }
    }

    /** Fills a config field by field; what is not set keeps the image's or the engine's default. */
    public static final class Builder {
        private final String image;
        private String name;
        private List<String> command = List.of();
        private List<String> args = List.of();
        private final List<EnvVar> env = new ArrayList<>();
        private String workingDir;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String networkMode;
        private final List<PortBinding> ports = new ArrayList<>();
        private final List<Mount> mounts = new ArrayList<>();
        private long cpuMillis;
        private long memoryBytes;
        private String stopSignal;
        private String hostname;

        private Builder(String image) {
            this.image = image;
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder command(List<String> command) { this.command = command; return this; }
        public Builder command(String... command) { return command(List.of(command)); }
        public Builder args(List<String> args) { this.args = args; return this; }
        public Builder args(String... args) { return args(List.of(args)); }
        public Builder env(String name, String value) { env.add(new EnvVar(name, value)); return this; }
        public Builder workingDir(String workingDir) { this.workingDir = workingDir; return this; }
        public Builder label(String key, String value) { labels.put(key, value); return this; }
        public Builder labels(Map<String, String> more) { labels.putAll(more); return this; }
        public Builder networkMode(String networkMode) { this.networkMode = networkMode; return this; }

        /** Joins the network namespace of the given (infra) container. */
        public Builder joinNetworkOf(String containerId) {
            return networkMode(CONTAINER_NETWORK_PREFIX + Objects.requireNonNull(containerId));
        }

        public Builder port(PortBinding port) { ports.add(port); return this; }
        public Builder mount(String hostPath, String containerPath, boolean readOnly) {
            mounts.add(new Mount(hostPath, containerPath, readOnly));
            return this;
        }
        public Builder cpuMillis(long cpuMillis) { this.cpuMillis = cpuMillis; return this; }
        public Builder memoryBytes(long memoryBytes) { this.memoryBytes = memoryBytes; return this; }
        public Builder stopSignal(String stopSignal) { this.stopSignal = stopSignal; return this; }
        public Builder hostname(String hostname) { this.hostname = hostname; return this; }

        public ContainerConfig build() {
            return new ContainerConfig(name, image, command, args, env, workingDir, labels, networkMode,
                    ports, mounts, cpuMillis, memoryBytes, stopSignal, hostname);
        }
    }
}
