package io.skiff.kubelet.pod;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EnvVar;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.core.VolumeMount;
import io.skiff.api.resource.Quantity;
import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerLabels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates a pod spec into what the runtime creates: the infra container that owns the pod's
 * network namespace and host ports, and each app container joined to it. Engine names follow
 * Kubernetes' dockershim ({@code k8s_<container>_<pod>_<namespace>_<uid>_<attempt>}), so
 * {@code docker ps} tells whose a container is.
 */
public final class ContainerConfigs {
    private ContainerConfigs() {}

    static final String HOST_NETWORK = "host";

    /** The engine-side name of a container of a pod; {@code attempt} is its restart count. */
    public static String name(Pod pod, String containerName, int attempt) {
        return "k8s_" + containerName + "_" + pod.name() + "_" + pod.namespace() + "_" + pod.metadata().uid()
                + "_" + attempt;
    }

    /** The labels that find every container of the pod on the engine. */
    public static Map<String, String> podLabels(String nodeName, Pod pod) {
        return ContainerLabels.pod(nodeName, pod.namespace(), pod.name(), pod.metadata().uid());
    }

    public static boolean hostNetwork(Pod pod) {
        return Boolean.TRUE.equals(pod.spec().hostNetwork());
    }

    /** The host ports of every container, published by the infra container (which owns the netns). */
    public static List<ContainerConfig.PortBinding> hostPorts(Pod pod) {
        List<ContainerConfig.PortBinding> ports = new ArrayList<>();
        if (hostNetwork(pod)) {
            return ports; // the processes listen on the host already
        }
        for (Container c : pod.spec().containers()) {
            for (ContainerPort p : c.ports() == null ? List.<ContainerPort>of() : c.ports()) {
                if (p.hostPort() != null && p.hostPort() > 0 && p.containerPort() != null) {
                    ports.add(new ContainerConfig.PortBinding(p.containerPort(), protocol(p.protocol()), p.hostIP(),
                            p.hostPort()));
                }
            }
        }
        return ports;
    }

    /** The hash of the infra container's spec: another image, command or set of host ports replaces it. */
    public static String infraHash(Pod pod, String image, List<String> command) {
        return SpecHash.ofInfra(image, command, hostPorts(pod), hostNetwork(pod));
    }

    public static ContainerConfig infra(String nodeName, Pod pod, String image, List<String> command, int attempt) {
        String hash = infraHash(pod, image, command);
        ContainerConfig.Builder b = ContainerConfig.builder(image)
                .name(name(pod, ContainerLabels.INFRA_CONTAINER_NAME, attempt))
                .command(command)
                .labels(ContainerLabels.container(podLabels(nodeName, pod), ContainerLabels.INFRA_CONTAINER_NAME,
                        hash, attempt));
        if (hostNetwork(pod)) {
            b.networkMode(HOST_NETWORK);
        } else {
            hostPorts(pod).forEach(b::port);
            // The pod's hostname is its name (or spec.hostname), as in Kubernetes; a DNS label fits.
            String hostname = pod.spec().hostname() != null ? pod.spec().hostname() : pod.name();
            if (hostname.length() <= 63) {
                b.hostname(hostname);
            }
        }
        return b.build();
    }

    /**
     * One app container: its spec (command, args, env, workingDir, limits), its volume mounts and
     * the infra container's network namespace.
     *
     * @param volumes host directory of each pod volume by name
     */
    public static ContainerConfig app(String nodeName, Pod pod, Container c, String hash, int attempt,
                                      String infraId, Map<String, Path> volumes) {
        ContainerConfig.Builder b = ContainerConfig.builder(c.image())
                .name(name(pod, c.name(), attempt))
                .labels(ContainerLabels.container(podLabels(nodeName, pod), c.name(), hash, attempt))
                .joinNetworkOf(infraId);
        if (c.command() != null) {
            b.command(c.command());
        }
        if (c.args() != null) {
            b.args(c.args());
        }
        for (EnvVar e : c.env() == null ? List.<EnvVar>of() : c.env()) {
            b.env(e.name(), e.value());
        }
        if (c.workingDir() != null && !c.workingDir().isEmpty()) {
            b.workingDir(c.workingDir());
        }
        ResourceRequirements r = c.resources();
        Map<String, Quantity> limits = r == null || r.limits() == null ? Map.of() : r.limits();
        if (limits.get(ResourceRequirements.CPU) != null) {
            b.cpuMillis(limits.get(ResourceRequirements.CPU).milliValue());
        }
        if (limits.get(ResourceRequirements.MEMORY) != null) {
            b.memoryBytes(limits.get(ResourceRequirements.MEMORY).value());
        }
        for (VolumeMount m : c.volumeMounts() == null ? List.<VolumeMount>of() : c.volumeMounts()) {
            Path source = volumes.get(m.name());
            if (source == null) {
                throw new IllegalArgumentException("container " + c.name() + " mounts volume \"" + m.name()
                        + "\", which the pod does not have");
            }
            if (m.subPath() != null && !m.subPath().isEmpty()) {
                source = source.resolve(m.subPath()).normalize();
            }
            b.mount(source.toString(), m.mountPath(), Boolean.TRUE.equals(m.readOnly()));
        }
        return b.build();
    }

    private static ContainerConfig.Protocol protocol(String protocol) {
        if (protocol == null || protocol.isEmpty()) {
            return ContainerConfig.Protocol.TCP;
        }
        return ContainerConfig.Protocol.valueOf(protocol);
    }
}
